import { describe, expect, it } from 'vitest';
import {
  bindingApprovedText,
  bindingRejectedText,
  dossierReadyText,
  reviewApprovedText,
  reviewRejectedText,
} from '../mock-portal/services/sms-texts';
import type { ParsedSms } from './sms';
import { parseSms } from './sms-parser';

// The manual's own examples (§5), verbatim — with its odd 案称 and the second one's missing comma.
const MANUAL_DOSSIER_1 =
  '您申请的【陈颖康危险驾驶案称】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:135,卷宗文档打开密码为:1256,密码信息请勿泄漏!【涪陵区院】';
const MANUAL_DOSSIER_2 =
  '您申请的【陈颖康危险驾驶案称】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:150005,卷宗文档打开密码为:1500066 密码信息请勿泄漏!【涪陵区院】';
const MANUAL_BINDING = '您的案件绑定申请审核通过,可登录12309中国检察网"个人中心"查看审核结果。【安徽省院】';

const NOTHING: ParsedSms = { kind: 'unknown', caseName: null, unit: null, downloadPassword: null, openPassword: null };

function dossier(caseName: string, unit: string, download: string, open: string): ParsedSms {
  return { kind: 'dossier-ready', caseName, unit, downloadPassword: download, openPassword: open };
}

describe('parseSms: the manual', () => {
  it('reads the first dossier SMS', () => {
    expect(parseSms(MANUAL_DOSSIER_1)).toEqual(dossier('陈颖康危险驾驶案称', '涪陵区院', '135', '1256'));
  });

  it('reads the second dossier SMS despite the missing comma', () => {
    expect(parseSms(MANUAL_DOSSIER_2)).toEqual(dossier('陈颖康危险驾驶案称', '涪陵区院', '150005', '1500066'));
  });

  it('reads the binding SMS', () => {
    expect(parseSms(MANUAL_BINDING)).toEqual({ ...NOTHING, kind: 'binding-approved', unit: '安徽省院' });
  });
});

describe('parseSms: every text the mock portal sends', () => {
  it('binding approved and rejected', () => {
    expect(parseSms(bindingApprovedText('安徽省院'))).toEqual({ ...NOTHING, kind: 'binding-approved', unit: '安徽省院' });
    expect(parseSms(bindingRejectedText('涪陵区院', '授权委托书不清晰'))).toEqual({
      ...NOTHING,
      kind: 'binding-rejected',
      unit: '涪陵区院',
    });
  });

  it('review approved and rejected', () => {
    expect(parseSms(reviewApprovedText('涪陵区院', '陈某危险驾驶案'))).toEqual({
      ...NOTHING,
      kind: 'review-approved',
      caseName: '陈某危险驾驶案',
      unit: '涪陵区院',
    });
    expect(parseSms(reviewRejectedText('朝阳区院', '王某盗窃案', '案件尚在侦查阶段'))).toEqual({
      ...NOTHING,
      kind: 'review-rejected',
      caseName: '王某盗窃案',
      unit: '朝阳区院',
    });
  });

  it('dossier ready, with digit and letter+digit passwords', () => {
    expect(parseSms(dossierReadyText('涪陵区院', '陈某危险驾驶案', { download: '150005', open: '1500066' }))).toEqual(
      dossier('陈某危险驾驶案', '涪陵区院', '150005', '1500066'),
    );
    expect(parseSms(dossierReadyText('浦东新区院', '李某诈骗案', { download: 'a7K29x', open: 'Qz8841' }))).toEqual(
      dossier('李某诈骗案', '浦东新区院', 'a7K29x', 'Qz8841'),
    );
  });
});

describe('parseSms: variants', () => {
  const expected = dossier('陈颖康危险驾驶案称', '涪陵区院', '150005', '1500066');

  it('takes full-width or ASCII punctuation and brackets alike', () => {
    const fullWidth = MANUAL_DOSSIER_2.replace(/,/g, '，').replace(/:/g, '：').replace(/!/g, '！');
    expect(parseSms(fullWidth)).toEqual(expected);
    const ascii = MANUAL_DOSSIER_2.replace(/【/g, '[').replace(/】/g, ']');
    expect(parseSms(ascii)).toEqual(expected);
    const fullWidthBrackets = MANUAL_DOSSIER_2.replace(/【/g, '［').replace(/】/g, '］');
    expect(parseSms(fullWidthBrackets)).toEqual(expected);
  });

  it('takes full-width digits and letters in passwords', () => {
    const text = MANUAL_DOSSIER_1.replace('为:135', '为：１３５').replace('为:1256', '为：Ａｂ１２５６');
    expect(parseSms(text)).toEqual(dossier('陈颖康危险驾驶案称', '涪陵区院', '135', 'Ab1256'));
  });

  it('ignores spaces of every kind, including between the label and the password', () => {
    const spaced = MANUAL_DOSSIER_2.replace('为:150005', '为: 150005').replace('密码为', '密码为\u3000').replace('【涪陵区院】', ' \u00a0【涪陵区院】 ');
    expect(parseSms(spaced)).toEqual(expected);
  });

  it('ignores line breaks anywhere, even inside a password or a name', () => {
    const wrapped = MANUAL_DOSSIER_2.replace('150005', '150\n005').replace('陈颖康', '陈颖\r\n康').replace('卷宗文档打开', '卷宗文\n档打开');
    expect(parseSms(wrapped)).toEqual(expected);
    const everyTenChars = MANUAL_DOSSIER_1.replace(/(.{10})/g, '$1\n');
    expect(parseSms(everyTenChars)).toEqual(dossier('陈颖康危险驾驶案称', '涪陵区院', '135', '1256'));
  });

  it('takes the dossier SMS with or without the comma before 密码信息请勿泄漏', () => {
    expect(parseSms(MANUAL_DOSSIER_1.replace(',密码信息', '密码信息'))).toEqual(
      dossier('陈颖康危险驾驶案称', '涪陵区院', '135', '1256'),
    );
  });

  it('finds the SMS inside a forwarded message', () => {
    const forwarded = `转发自 10690000：\n${MANUAL_DOSSIER_2}\n\n——张律师，请查收`;
    expect(parseSms(forwarded)).toEqual(expected);
    const tagged = `【转发】${MANUAL_BINDING} 收到请回复`;
    expect(parseSms(tagged)).toEqual({ ...NOTHING, kind: 'binding-approved', unit: '安徽省院' });
  });

  it('takes a signature shown before the body', () => {
    const text = '【涪陵区院】您申请的【陈某危险驾驶案】【在线阅卷】审核已通过，卷宗网上处理完成后将短信通知您下载。';
    expect(parseSms(text)).toEqual({ ...NOTHING, kind: 'review-approved', caseName: '陈某危险驾驶案', unit: '涪陵区院' });
  });

  it('keeps the case name as written', () => {
    const text = reviewApprovedText('涪陵区院', '（2024）渝0102刑初１号 陈某案');
    expect(parseSms(text).caseName).toBe('（2024）渝0102刑初１号陈某案');
  });

  it('leaves absent parts null', () => {
    const unsigned = MANUAL_DOSSIER_1.replace('【涪陵区院】', '');
    expect(parseSms(unsigned)).toEqual({ ...dossier('陈颖康危险驾驶案称', '涪陵区院', '135', '1256'), unit: null });
    const noOpen = '您申请的【陈某案】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:135。【涪陵区院】';
    expect(parseSms(noOpen)).toEqual({ ...dossier('陈某案', '涪陵区院', '135', ''), openPassword: null });
  });

  it('does not take the rejection reason or the 【在线阅卷】 tag for names', () => {
    const text = reviewRejectedText('涪陵区院', '陈某案', '缺少【授权委托书】');
    expect(parseSms(text)).toEqual({ ...NOTHING, kind: 'review-rejected', caseName: '陈某案', unit: '涪陵区院' });
  });

  it('reports anything else as unknown, with every value null', () => {
    expect(parseSms('')).toEqual(NOTHING);
    expect(parseSms('   \n\u3000')).toEqual(NOTHING);
    expect(parseSms('【某银行】您尾号1234的账户支出100.00元。')).toEqual(NOTHING);
    expect(parseSms('【12309中国检察网】您的验证码为：482913，5分钟内有效。')).toEqual(NOTHING);
  });
});
