import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import { ClientError } from '../transport/client-error';
import { errorText } from './error-text';
import { createI18n } from './index';

describe('errorText', () => {
  it('translates known codes in Chinese by default', () => {
    const i18n = createI18n();
    expect(errorText(i18n, new ClientError('QR_EXPIRED', 'QR session expired'))).toBe('二维码已过期');
    expect(errorText(i18n, new ClientError('UNAUTHORIZED', 'token rejected'))).toBe('登录已过期，请重新登录');
    expect(errorText(i18n, new ClientError('PORTAL_UNREACHABLE', 'ECONNREFUSED'))).toBe('无法连接门户，请检查网络后重试');
  });

  it('translates into English when the language is English', () => {
    const i18n = createI18n('en');
    expect(errorText(i18n, new ClientError('QR_EXPIRED', 'x'))).toBe('The QR code has expired');
  });

  it('adds the server detail for validation errors', () => {
    const i18n = createI18n();
    expect(errorText(i18n, new ClientError('VALIDATION', 'lawFirm: 律师事务所名称至少 2 个字'))).toBe(
      '填写的信息不符合要求：lawFirm: 律师事务所名称至少 2 个字',
    );
  });

  it('shows the portal sentence for codes whose detail matters (tries left, time locked)', () => {
    const zh = createI18n();
    expect(errorText(zh, new ClientError('WRONG_PASSWORD', '密码错误，还可尝试 3 次'))).toBe('密码错误，还可尝试 3 次');
    expect(errorText(zh, new ClientError('LOCKED_OUT', '密码错误次数过多，账号已锁定，请 15 分钟后再试'))).toBe(
      '密码错误次数过多，账号已锁定，请 15 分钟后再试',
    );
    expect(errorText(zh, new ClientError('WRONG_PASSWORD', 'bad password'))).toBe('密码错误：bad password');
    const en = createI18n('en');
    expect(errorText(en, new ClientError('RATE_LIMITED', '验证码发送过于频繁，请 42 秒后再试'))).toBe(
      'Too many requests; please try again later: 验证码发送过于频繁，请 42 秒后再试',
    );
  });

  it('falls back to the message for unknown codes and plain errors', () => {
    const i18n = createI18n();
    expect(errorText(i18n, { code: 'SOMETHING_NEW', message: 'A new failure' })).toBe('A new failure');
    expect(errorText(i18n, Object.assign(new Error('A new failure'), { code: 'SOMETHING_NEW' }))).toBe('A new failure');
    expect(errorText(i18n, new Error('plain'))).toBe('plain');
    expect(errorText(i18n, undefined)).toBe('程序内部错误');
  });

  it('has words for every error code in both languages, download and archive failures included', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(locale);
      for (const code of [...errorCodes, 'DISCONNECTED', 'UPLOAD_FAILED']) {
        expect(i18n.exists(`errors.${code}`, { fallbackLng: [] }), `${locale} errors.${code}`).toBe(true);
      }
    }
    const zh = createI18n();
    expect(errorText(zh, { code: 'LINK_EXPIRED', message: 'link expired' })).toBe('下载链接已过期，请重新获取');
    expect(errorText(zh, { code: 'DIGEST_MISMATCH', message: 'sha256 differs' })).toMatch(/SHA-256/);
    expect(errorText(zh, { code: 'DISK_FULL', message: 'ENOSPC' })).toBe('磁盘已满，下载已暂停；请清理空间后继续');
    expect(errorText(createI18n('en'), { code: 'PORTAL_UNREACHABLE', message: 'ECONNREFUSED' })).toMatch(/portal/i);
  });

  it('names the refused entry of an unsafe archive and the staging failure', () => {
    const zh = createI18n();
    expect(errorText(zh, new ClientError('UNSAFE_ARCHIVE', '../evil.txt'))).toBe('压缩包含有不安全的条目，已拒绝解压：../evil.txt');
    expect(errorText(zh, new ClientError('UPLOAD_FAILED', 'HTTP 500'))).toBe('卷宗文件未能交给本机服务：HTTP 500');
  });

  it('words a code for its context where it means something narrower, and the general text elsewhere', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(locale);
      const required = new ClientError('PASSWORD_REQUIRED', 'password required');
      expect(errorText(i18n, required, 'downloadPassword')).toBe(i18n.t('downloadPassword.required'));
      expect(errorText(i18n, required)).toBe(i18n.t('errors.PASSWORD_REQUIRED'));
      expect(errorText(i18n, required, 'downloadPassword')).not.toBe(errorText(i18n, required));
    }
    const zh = createI18n();
    // Codes the context does not name read as they do anywhere.
    expect(errorText(zh, new ClientError('WRONG_PASSWORD', '密码错误，还可尝试 2 次'), 'downloadPassword')).toBe('密码错误，还可尝试 2 次');
  });
});
