import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { LoginTokenResponse, SmsCodeResponse } from '../../shared/portal-wire';
import type { PortalStore } from '../state/store';
import { NOT_REGISTERED_MESSAGE } from './password-login';
import type { SmsService } from './sms';
import type { TokenService } from './tokens';

export const SMS_CODE_TTL_MS = 5 * 60_000;
export const SMS_RESEND_MS = 60_000;
export const MAX_SMS_CODE_FAILURES = 5;

export function loginCodeText(code: string): string {
  return `您正在登录12309中国检察网，验证码为：${code}，5分钟内有效，请勿泄露。【12309中国检察网】`;
}

interface IssuedCode {
  /** HMAC of the code under a key that exists only in this process. */
  mac: Buffer;
  sentAt: number;
  expiresAt: number;
  failures: number;
  /** Used, or voided by too many wrong guesses; kept until the resend wait is over. */
  spent: boolean;
}

/**
 * 手机号 + 短信验证码 login, for lawyers registered at 12309: one 6-digit code per phone at a time,
 * at most one SMS a minute, valid 5 minutes, void after 5 wrong guesses, single use. Codes are
 * kept in memory only, and only as MACs.
 */
export class SmsLoginService {
  private readonly key = randomBytes(32);
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly store: PortalStore,
    private readonly tokens: TokenService,
    private readonly sms: SmsService,
    private readonly clock: () => number = Date.now,
  ) {}

  async request(phone: string): Promise<SmsCodeResponse> {
    this.requireRegistered(phone);
    const now = this.clock();
    const previous = this.codes.get(phone);
    if (previous && now - previous.sentAt < SMS_RESEND_MS) {
      const seconds = Math.ceil((previous.sentAt + SMS_RESEND_MS - now) / 1000);
      throw new AppError('RATE_LIMITED', `验证码发送过于频繁，请 ${seconds} 秒后再试`);
    }
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const issued: IssuedCode = { mac: this.mac(code), sentAt: now, expiresAt: now + SMS_CODE_TTL_MS, failures: 0, spent: false };
    this.codes.set(phone, issued);
    await this.sms.send(phone, 'login-code', loginCodeText(code), now);
    return { expiresAt: new Date(issued.expiresAt).toISOString(), resendAfterSeconds: SMS_RESEND_MS / 1000 };
  }

  async login(phone: string, code: string): Promise<LoginTokenResponse> {
    const account = this.requireRegistered(phone);
    const now = this.clock();
    const issued = this.codes.get(phone);
    if (!issued || issued.spent) throw new AppError('CONFLICT', '请先获取短信验证码');
    if (now >= issued.expiresAt) throw new AppError('CONFLICT', '验证码已过期，请重新获取');
    const given = this.mac(code);
    if (!timingSafeEqual(given, issued.mac)) {
      issued.failures += 1;
      const left = MAX_SMS_CODE_FAILURES - issued.failures;
      if (left <= 0) {
        issued.spent = true;
        throw new AppError('WRONG_PASSWORD', '验证码错误次数过多，该验证码已失效，请重新获取');
      }
      throw new AppError('WRONG_PASSWORD', `验证码错误，还可尝试 ${left} 次`);
    }
    issued.spent = true;
    const token = this.tokens.issue(account.id, 'sms', now);
    await this.store.save();
    return token;
  }

  /** Forgets codes that can neither be used nor hold back a resend. */
  purge(): void {
    const now = this.clock();
    for (const [phone, issued] of this.codes) {
      if (now >= Math.max(issued.expiresAt, issued.sentAt + SMS_RESEND_MS)) this.codes.delete(phone);
    }
  }

  private requireRegistered(phone: string) {
    const account = this.store.findAccountByPhone(phone);
    if (!account?.registered) throw new AppError('NOT_FOUND', NOT_REGISTERED_MESSAGE);
    return account;
  }

  private mac(code: string): Buffer {
    return createHmac('sha256', this.key).update(code).digest();
  }
}
