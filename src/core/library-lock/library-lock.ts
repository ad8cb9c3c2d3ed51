/**
 * 卷宗库锁: an app passcode (or, where the host offers it, the OS's own check such as Touch ID) that
 * opens 卷宗库 and reveals the dossiers' passwords. Core enforces it: while locked, every call that
 * reads a dossier answers LIBRARY_LOCKED (see guard-calls.ts), whatever the UI shows.
 *
 * Rules:
 * - The lock is on once a passcode is set; it is locked at start, on 退出登录 and after a quiet spell.
 * - A wrong passcode counts; the fifth in a row refuses every try for a few minutes (LOCKED_OUT).
 * - Without a lock, 退出登录 still withholds the stored passwords (library.passwords) until there is
 *   proof again: signing in, or the passcode of a lock set before. A passcode cannot be first set
 *   after 退出登录 (whoever sat down could set one), only after signing in again.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { LibraryLockStatus, Lawyer } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { SecretStore } from '../secrets';
import type { LastLawyerFile } from './last-lawyer';
import { hashPasscode, verifyPasscode } from './passcode-hash';

/** The OS's own check of the person at the computer (Electron on macOS: Touch ID). */
export interface OsUnlock {
  available(): Promise<boolean>;
  /** Resolves true when the OS confirmed the user; false when they cancelled or failed. */
  prompt(reason: string): Promise<boolean>;
}

export interface LibraryLockOptions {
  secrets: SecretStore;
  /** The data folder the lock belongs to: its passcode is filed in the keychain under it. */
  dataDir: string;
  lastLawyer: LastLawyerFile;
  emit(status: LibraryLockStatus): void;
  osUnlock?: OsUnlock;
  /** Locks after this long without a library call; 0 never. */
  idleMs?: number;
  now?: () => number;
}

export const MAX_PASSCODE_TRIES = 5;
export const LOCKOUT_MS = 5 * 60_000;
export const DEFAULT_IDLE_LOCK_MS = 15 * 60_000;

/** The keychain account of a data folder's passcode hash (two installs on one machine keep their own). */
export function passcodeAccount(dataDir: string): string {
  return `library-lock:${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

export class LibraryLock {
  private hash: string | null = null;
  private locked = false;
  private failures = 0;
  private lockedOutUntil = 0;
  private lastActivity: number;
  private osAvailable = false;
  private checking: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly account: string;
  private readonly now: () => number;
  private readonly idleMs: number;

  private constructor(private readonly options: LibraryLockOptions) {
    this.account = passcodeAccount(options.dataDir);
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_LOCK_MS;
    this.lastActivity = this.now();
  }

  /** Reads whether a passcode is set; a set lock starts locked. */
  static async open(options: LibraryLockOptions): Promise<LibraryLock> {
    const lock = new LibraryLock(options);
    lock.hash = await options.secrets.get(lock.account);
    lock.locked = lock.hash !== null;
    lock.osAvailable = (await options.osUnlock?.available().catch(() => false)) ?? false;
    if (lock.idleMs > 0) {
      lock.timer = setInterval(() => lock.lockWhenIdle(), Math.min(lock.idleMs, 30_000));
      lock.timer.unref();
    }
    return lock;
  }

  status(): LibraryLockStatus {
    const enabled = this.hash !== null;
    return {
      enabled,
      locked: enabled && this.locked,
      method: enabled && this.osAvailable ? 'os' : 'passcode',
      lockedOutUntil: this.lockedOutUntil > this.now() ? new Date(this.lockedOutUntil).toISOString() : null,
      passwordsNeedSignIn: !enabled && this.options.lastLawyer.get().loggedOut,
    };
  }

  /** Refuses a call that reads a dossier while locked; `passwords` for one that reveals passwords. */
  check(kind: 'library' | 'passwords'): void {
    this.lockWhenIdle();
    if (this.hash !== null && this.locked) throw new AppError('LIBRARY_LOCKED', '卷宗库已锁定，请输入卷宗库密码解锁');
    if (kind === 'passwords' && this.hash === null && this.options.lastLawyer.get().loggedOut) {
      throw new AppError('LIBRARY_LOCKED', '已退出登录：重新登录后才能显示卷宗密码');
    }
    this.lastActivity = this.now();
  }

  /** 【解锁】 with the passcode, or (no passcode given) the OS's check where the host has one. */
  async unlock(passcode: string | undefined): Promise<LibraryLockStatus> {
    if (this.hash === null) return this.status();
    if (passcode === undefined) {
      if (!this.osAvailable || !this.options.osUnlock) throw new AppError('VALIDATION', '请输入卷宗库密码');
      if (!(await this.options.osUnlock.prompt('解锁卷宗库'))) throw new AppError('FORBIDDEN', '系统验证未通过');
    } else {
      await this.verify(passcode);
    }
    await this.proven();
    return this.changed();
  }

  /** 【锁定】 now (nothing happens without a passcode). */
  lock(): LibraryLockStatus {
    if (this.hash === null || this.locked) return this.status();
    this.locked = true;
    return this.changed();
  }

  /** Sets the passcode (the current one needed to change it). The library stays open for whoever set it. */
  async setPasscode(current: string | undefined, next: string): Promise<LibraryLockStatus> {
    if (this.hash !== null) {
      if (current === undefined) throw new AppError('VALIDATION', '请输入当前的卷宗库密码');
      await this.verify(current);
    } else if (this.options.lastLawyer.get().loggedOut) {
      throw new AppError('LIBRARY_LOCKED', '已退出登录：请先重新登录，再设置卷宗库锁');
    }
    const hash = await hashPasscode(next);
    await this.options.secrets.set(this.account, hash);
    this.hash = hash;
    await this.proven();
    return this.changed();
  }

  /** Removes the lock (its passcode needed). */
  async disableLock(passcode: string): Promise<LibraryLockStatus> {
    if (this.hash === null) return this.status();
    await this.verify(passcode);
    await this.options.secrets.delete(this.account);
    this.hash = null;
    await this.proven();
    return this.changed();
  }

  /** 退出登录: the library locks, and without a lock the stored passwords wait for the next sign-in. */
  async loggedOut(): Promise<void> {
    await this.options.lastLawyer.update({ loggedOut: true });
    if (this.hash !== null) this.locked = true;
    this.changed();
  }

  /** A lawyer signed in: the watermark's name, and proof enough for the passwords when there is no lock. */
  async signedIn(lawyer: Lawyer): Promise<void> {
    const wasLoggedOut = this.options.lastLawyer.get().loggedOut;
    await this.options.lastLawyer.update({ name: lawyer.name, lawFirm: lawyer.lawFirm, loggedOut: false });
    if (wasLoggedOut) this.changed();
  }

  /** Stops the idle timer and waits for the last lawyer's file to be written (a sign-in just before). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.options.lastLawyer.idle();
  }

  private lockWhenIdle(): void {
    if (this.hash === null || this.locked || this.idleMs <= 0) return;
    if (this.now() - this.lastActivity < this.idleMs) return;
    this.locked = true;
    this.changed();
  }

  /** One check at a time, so parallel guesses are all counted. */
  private verify(passcode: string): Promise<void> {
    const run = this.checking.catch(() => undefined).then(() => this.verifyNow(passcode));
    this.checking = run;
    return run;
  }

  private async verifyNow(passcode: string): Promise<void> {
    const wait = this.lockedOutUntil - this.now();
    if (wait > 0) throw new AppError('LOCKED_OUT', `卷宗库密码输错次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`);
    if (this.hash !== null && (await verifyPasscode(passcode, this.hash))) {
      this.failures = 0;
      return;
    }
    this.failures += 1;
    if (this.failures >= MAX_PASSCODE_TRIES) {
      this.failures = 0;
      this.lockedOutUntil = this.now() + LOCKOUT_MS;
      throw new AppError('LOCKED_OUT', `卷宗库密码输错 ${MAX_PASSCODE_TRIES} 次，请 ${LOCKOUT_MS / 60_000} 分钟后再试`);
    }
    throw new AppError('WRONG_PASSWORD', `卷宗库密码不正确，还可尝试 ${MAX_PASSCODE_TRIES - this.failures} 次`);
  }

  /** The passcode (or the OS) vouched for the person: open, and the passwords may be shown again. */
  private async proven(): Promise<void> {
    this.locked = false;
    this.lastActivity = this.now();
    await this.options.lastLawyer.update({ loggedOut: false });
  }

  private changed(): LibraryLockStatus {
    const status = this.status();
    this.options.emit(status);
    return status;
  }
}
