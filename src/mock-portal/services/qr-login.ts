import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type {
  LoginTokenResponse,
  PhoneConfirmResponse,
  PhoneScanResponse,
  QrPurpose,
  QrSessionView,
  QrState,
  StepUpAction,
} from '../../shared/portal-wire';
import type { PortalStore } from '../state/store';
import type { AccountService } from './accounts';
import type { TokenService } from './tokens';

/** How long a finished or expired session still answers (as `expired`, or for its token) before it is forgotten. */
export const QR_RETAIN_MS = 5 * 60_000;
/** Sessions are created without authentication: past this many, the oldest are forgotten. */
export const MAX_QR_SESSIONS = 10_000;
export const LOGIN_PROMPT = '确认登录 12309 中国检察网？';

/** A verify session confirmed by its lawyer's phone. */
export interface VerifyConfirmation {
  sessionId: string;
  accountId: string;
  action: StepUpAction;
  confirmedAt: number;
}

const QR_PREFIX = '12309QR:v1:';
const qrTextPattern = /^12309QR:v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22})$/;

interface QrSession {
  id: string;
  nonce: string;
  purpose: QrPurpose;
  expiresAt: number;
  /** `expired` is derived from the clock, never stored. */
  state: Exclude<QrState, 'expired'>;
  scannedPhone: string | null;
  scannedBy: string | null;
  accountId: string | null;
  tokenIssued: boolean;
  /** Set for purpose `verify`: whose verification it is, for what, and what the phone asks. */
  verify: { accountId: string; action: StepUpAction; prompt: string } | null;
}

/**
 * QR login (manual §2 steps 3–4): the portal shows a QR; the lawyer's phone scans it and confirms;
 * the page then collects a one-time bearer token. Verify sessions (step-up) run the same scan and
 * confirm, by the signed-in lawyer's own phone only, and yield a verification instead of a token.
 * Sessions live in memory only.
 */
export class QrLoginService {
  // Insertion order is creation order, which eviction relies on.
  private readonly sessions = new Map<string, QrSession>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly verifyListeners = new Set<(confirmation: VerifyConfirmation) => void>();
  private closing = false;

  constructor(
    private readonly store: PortalStore,
    private readonly accounts: AccountService,
    private readonly tokens: TokenService,
    private readonly ttlMs: number,
  ) {}

  create(purpose: 'login', now = Date.now()): QrSessionView {
    return viewOf(this.add('login', null, now), now);
  }

  /** A verify session that only the phone of `accountId` may scan. */
  createVerify(accountId: string, action: StepUpAction, prompt: string, now = Date.now()): QrSessionView {
    return viewOf(this.add('verify', { accountId, action, prompt }, now), now);
  }

  /** Calls `listener` whenever a verify session is confirmed. */
  onVerifyConfirmed(listener: (confirmation: VerifyConfirmation) => void): void {
    this.verifyListeners.add(listener);
  }

  private add(purpose: QrPurpose, verify: QrSession['verify'], now: number): QrSession {
    // Housekeeping purges regularly; at the cap, purge now and then evict the oldest.
    if (this.sessions.size >= MAX_QR_SESSIONS) this.purge(now);
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < MAX_QR_SESSIONS) break;
      this.sessions.delete(id);
      this.notify(id);
    }
    const session: QrSession = {
      id: randomBytes(12).toString('base64url'),
      nonce: randomBytes(16).toString('base64url'),
      purpose,
      expiresAt: now + this.ttlMs,
      state: 'waiting',
      scannedPhone: null,
      scannedBy: null,
      accountId: null,
      tokenIssued: false,
      verify,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  view(id: string, now = Date.now()): QrSessionView {
    return viewOf(this.require(id), now);
  }

  /**
   * Long poll: the session as soon as its state differs from `since` (default: its state now), or
   * as it is when `waitMs` pass, the client goes away or the portal closes.
   */
  async waitForChange(id: string, since: QrState | undefined, waitMs: number, signal: AbortSignal): Promise<QrSessionView> {
    let view = this.view(id);
    const known = since ?? view.state;
    const deadline = Date.now() + waitMs;
    while (view.state === known && !this.closing && !signal.aborted) {
      const now = Date.now();
      const remaining = deadline - now;
      if (remaining <= 0) break;
      const session = this.require(id);
      // Expiry changes the state without an event: wake up for it too.
      const untilExpiry = isLive(session) ? Math.max(0, session.expiresAt - now) + 1 : Infinity;
      await this.nextChange(id, Math.min(remaining, untilExpiry), signal);
      view = this.view(id);
    }
    return view;
  }

  scan(qrText: string, phone: string, now = Date.now()): PhoneScanResponse {
    const account = this.accounts.requireActivated(phone);
    const session = this.fromQrText(qrText);
    const state = effectiveState(session, now);
    if (state === 'expired') throw new AppError('QR_EXPIRED', '二维码已过期，请在电脑上刷新二维码后重新扫码');
    if (state !== 'waiting') throw new AppError('QR_USED', '二维码已被使用，请在电脑上刷新二维码后重新扫码');
    if (session.verify && session.verify.accountId !== account.id) {
      throw new AppError('PHONE_MISMATCH', '身份核验须由本人手机扫码：该手机号与登录12309中国检察网的律师不一致');
    }
    session.state = 'scanned';
    session.scannedPhone = phone;
    session.scannedBy = account.name;
    session.accountId = account.id;
    this.notify(session.id);
    return { sessionId: session.id, purpose: session.purpose, prompt: session.verify?.prompt ?? LOGIN_PROMPT };
  }

  confirm(sessionId: string, phone: string, decision: 'confirm' | 'cancel', now = Date.now()): PhoneConfirmResponse {
    const session = this.require(sessionId);
    const state = effectiveState(session, now);
    if (state === 'expired') throw new AppError('QR_EXPIRED', '二维码已过期，请在电脑上刷新二维码后重新扫码');
    if (state === 'waiting') throw new AppError('CONFLICT', '该二维码尚未扫码，请先扫一扫');
    if (session.scannedPhone !== phone) throw new AppError('PHONE_MISMATCH', '只能由扫码的手机确认');
    if (state !== 'scanned') throw new AppError('QR_USED', '该请求已处理');
    session.state = decision === 'confirm' ? 'confirmed' : 'cancelled';
    if (session.state === 'confirmed' && session.verify) {
      const { accountId, action } = session.verify;
      const confirmation: VerifyConfirmation = { sessionId: session.id, accountId, action, confirmedAt: now };
      for (const listener of this.verifyListeners) listener(confirmation);
    }
    this.notify(session.id);
    return { sessionId: session.id, state: session.state };
  }

  /** The bearer token of a confirmed session, handed out once. */
  async claimToken(id: string, now = Date.now()): Promise<LoginTokenResponse> {
    const session = this.require(id);
    if (session.purpose !== 'login') throw new AppError('FORBIDDEN', '身份核验二维码不能用于登录');
    const state = effectiveState(session, now);
    if (state === 'cancelled') throw new AppError('QR_CANCELLED', '已在手机上取消登录，请重新扫码');
    if (state === 'expired') throw new AppError('QR_EXPIRED', '二维码已过期，请刷新二维码后重新扫码');
    if (state !== 'confirmed') throw new AppError('CONFLICT', '尚未在手机上确认登录');
    if (session.tokenIssued) throw new AppError('QR_USED', '该二维码的登录凭证已领取，请重新扫码登录');
    if (session.accountId === null || !this.store.accounts.has(session.accountId)) {
      throw new AppError('NOT_FOUND', '扫码的律师账号不存在');
    }
    session.tokenIssued = true;
    const issued = this.tokens.issue(session.accountId, 'qr', now);
    await this.store.save();
    return issued;
  }

  /** Forgets sessions past their retention. */
  purge(now = Date.now()): void {
    for (const [id, session] of this.sessions) {
      if (now > session.expiresAt + QR_RETAIN_MS) {
        this.sessions.delete(id);
        this.notify(id);
      }
    }
  }

  /** Releases every long poll (the portal is closing). */
  close(): void {
    this.closing = true;
    for (const id of [...this.waiters.keys()]) this.notify(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private require(id: string): QrSession {
    const session = this.sessions.get(id);
    if (!session) throw new AppError('NOT_FOUND', '登录二维码不存在或已失效，请刷新二维码');
    return session;
  }

  private fromQrText(qrText: string): QrSession {
    const unknown = new AppError('NOT_FOUND', '无法识别的二维码，请扫描 12309 中国检察网登录页上的二维码');
    const match = qrTextPattern.exec(qrText);
    const session = match?.[1] === undefined ? undefined : this.sessions.get(match[1]);
    if (!session || !qrText.startsWith(QR_PREFIX)) throw unknown;
    const given = Buffer.from(match?.[2] ?? '');
    const expected = Buffer.from(session.nonce);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unknown;
    return session;
  }

  private nextChange(id: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(id) ?? new Set<() => void>();
      this.waiters.set(id, set);
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(id) === set) this.waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  private notify(id: string): void {
    const set = this.waiters.get(id);
    if (set) for (const wake of [...set]) wake();
  }
}

function isLive(session: QrSession): boolean {
  return session.state === 'waiting' || session.state === 'scanned';
}

function effectiveState(session: QrSession, now: number): QrState {
  return isLive(session) && now >= session.expiresAt ? 'expired' : session.state;
}

function viewOf(session: QrSession, now: number): QrSessionView {
  return {
    id: session.id,
    purpose: session.purpose,
    qrText: `${QR_PREFIX}${session.id}:${session.nonce}`,
    state: effectiveState(session, now),
    expiresAt: new Date(session.expiresAt).toISOString(),
    scannedBy: session.scannedBy,
  };
}
