import { AppError } from '../../shared/errors';
import type { LoginTokenResponse } from '../../shared/portal-wire';
import type { AccountRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { hashPassword, verifyPassword } from './password-hash';
import type { TokenService } from './tokens';

export const MAX_PASSWORD_FAILURES = 5;
export const PASSWORD_LOCKOUT_MS = 15 * 60_000;
export const NOT_REGISTERED_MESSAGE = '该手机号未注册12309中国检察网，请使用律师认证登录';

/**
 * 手机号 + 密码 login at 12309, for lawyers registered there. Five wrong passwords in a row lock
 * the account's password for 15 minutes (wrong current passwords when changing it count too).
 * Checks of one account run one after another, so parallel guesses cannot exceed the limit.
 */
export class PasswordLoginService {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: PortalStore,
    private readonly tokens: TokenService,
    private readonly clock: () => number = Date.now,
  ) {}

  async login(phone: string, password: string): Promise<LoginTokenResponse> {
    const account = this.store.findAccountByPhone(phone);
    if (!account?.registered) throw new AppError('NOT_FOUND', NOT_REGISTERED_MESSAGE);
    return this.oneAtATime(account.id, async () => {
      const hash = account.passwordHash;
      if (hash === null) {
        throw new AppError('FORBIDDEN', '该账号尚未设置登录密码，请使用短信验证码登录或律师认证登录后在个人中心设置密码');
      }
      await this.check(account, hash, password, '手机号或密码错误');
      const issued = this.tokens.issue(account.id, 'password', this.clock());
      await this.store.save();
      return issued;
    });
  }

  /** Sets a new password; once one is set, the current one must be given and right. */
  async change(account: AccountRecord, currentPassword: string | undefined, newPassword: string): Promise<void> {
    return this.oneAtATime(account.id, async () => {
      const hash = account.passwordHash;
      if (hash !== null) {
        if (currentPassword === undefined) throw new AppError('VALIDATION', '请输入当前密码（currentPassword）');
        await this.check(account, hash, currentPassword, '当前密码不正确');
      }
      account.passwordHash = await hashPassword(newPassword);
      await this.store.save();
    });
  }

  /** Refuses while locked; counts a wrong password (locking at the limit); clears the count when right. */
  private async check(account: AccountRecord, hash: string, password: string, wrong: string): Promise<void> {
    this.refuseWhileLocked(account, this.clock());
    if (await verifyPassword(password, hash)) {
      if (account.failedPasswordAttempts !== 0 || account.passwordLockedUntil !== null) {
        account.failedPasswordAttempts = 0;
        account.passwordLockedUntil = null;
        await this.store.save();
      }
      return;
    }
    account.failedPasswordAttempts += 1;
    const left = MAX_PASSWORD_FAILURES - account.failedPasswordAttempts;
    if (left <= 0) account.passwordLockedUntil = new Date(this.clock() + PASSWORD_LOCKOUT_MS).toISOString();
    await this.store.save();
    // The failure that reaches the limit already answers with the lockout.
    this.refuseWhileLocked(account, this.clock());
    throw new AppError('WRONG_PASSWORD', `${wrong}，还可尝试 ${left} 次`);
  }

  private refuseWhileLocked(account: AccountRecord, now: number): void {
    const until = account.passwordLockedUntil === null ? NaN : Date.parse(account.passwordLockedUntil);
    if (until > now) {
      const minutes = Math.ceil((until - now) / 60_000);
      throw new AppError('LOCKED_OUT', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
    }
    if (account.passwordLockedUntil !== null) {
      // The lockout is over: a fresh count starts.
      account.passwordLockedUntil = null;
      account.failedPasswordAttempts = 0;
    }
  }

  private oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.running.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.running.set(key, next);
    const forget = (): void => {
      if (this.running.get(key) === next) this.running.delete(key);
    };
    next.then(forget, forget);
    return next;
  }
}
