/**
 * The lawyer's portal session: QR login (manual §2), the first-time 授权信息 / 完善信息 steps,
 * logout, and the session token kept in the secret store so a restart stays signed in.
 */
import type { QrSession, Session } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { CompleteProfileRequest, MeResponse, QrSessionView } from '../../shared/portal-wire';
import type { EventHub } from '../events/event-hub';
import type { PortalClient } from '../portal-client';
import type { SecretStore } from '../secrets';
import { abortableDelay } from './abortable-delay';

const signedOut: Session = { status: 'signed-out' };
const LONG_POLL_MS = 20_000;
const RETRY_DELAY_MS = 1_000;
const TERMINAL_STATES = new Set(['confirmed', 'cancelled', 'expired']);

export interface AuthServiceOptions {
  portal: PortalClient;
  secrets: SecretStore;
  events: EventHub;
  /** Keychain account holding this portal's session token. */
  tokenAccount: string;
}

export class AuthService {
  private session: Session = signedOut;
  private token: string | null = null;
  /** A token from the keychain not yet confirmed by the portal (e.g. it was unreachable at start). */
  private unverified = false;
  private readonly followers = new Map<string, AbortController>();

  constructor(private readonly options: AuthServiceOptions) {}

  /** Picks up a token stored by an earlier run and asks the portal whether it still holds. */
  async restore(): Promise<void> {
    this.token = await this.options.secrets.get(this.options.tokenAccount);
    this.unverified = this.token !== null;
    if (this.token) await this.verify();
  }

  async getSession(): Promise<Session> {
    if (this.unverified) await this.verify();
    return this.session;
  }

  /** 【律师认证登录】: a fresh QR session, followed until it ends. Any earlier QR login is dropped. */
  async startQrLogin(): Promise<QrSession> {
    this.stopAllQr();
    const view = await this.options.portal.createQrSession();
    const controller = new AbortController();
    this.followers.set(view.id, controller);
    void this.follow(view, controller.signal).finally(() => {
      if (this.followers.get(view.id) === controller) this.followers.delete(view.id);
    });
    return toQrSession(view);
  }

  stopQr(id: string): void {
    this.followers.get(id)?.abort();
    this.followers.delete(id);
  }

  async agree(): Promise<Session> {
    return this.applyMe(await this.authed((token) => this.options.portal.agreeAuthorization(token)));
  }

  async completeProfile(profile: CompleteProfileRequest): Promise<Session> {
    return this.applyMe(await this.authed((token) => this.options.portal.completeProfile(token, profile)));
  }

  async logout(): Promise<Session> {
    const token = this.token;
    if (token) {
      try {
        await this.options.portal.logout(token);
      } catch {
        // Signing out locally must work even when the portal cannot be reached or already forgot us.
      }
    }
    await this.forgetToken();
    return this.setSession(signedOut);
  }

  close(): void {
    this.stopAllQr();
  }

  private stopAllQr(): void {
    for (const controller of this.followers.values()) controller.abort();
    this.followers.clear();
  }

  private async follow(initial: QrSessionView, signal: AbortSignal): Promise<void> {
    let current = initial;
    while (!signal.aborted && !TERMINAL_STATES.has(current.state)) {
      let next: QrSessionView;
      try {
        next = await this.options.portal.getQrSession(current.id, {
          since: current.state,
          waitMs: LONG_POLL_MS,
          signal,
        });
      } catch {
        // A dropped connection or a busy portal: keep following, the QR may still be scanned.
        await abortableDelay(RETRY_DELAY_MS, signal);
        continue;
      }
      if (signal.aborted) return;
      if (next.state === current.state && next.scannedBy === current.scannedBy) continue;
      if (next.state === 'confirmed') {
        try {
          await this.finishQrLogin(next.id);
        } catch (error) {
          // The confirmation could not be turned into a session (token already claimed, portal gone):
          // report the QR as spent so the page fetches a fresh one rather than waiting forever.
          console.warn('QR login could not be completed:', error instanceof Error ? error.message : error);
          next = { ...next, state: 'expired' };
        }
        if (signal.aborted) return;
      }
      current = next;
      this.options.events.emit('auth.qrState', toQrSession(current));
    }
  }

  private async finishQrLogin(sessionId: string): Promise<void> {
    const { token } = await this.options.portal.claimLoginToken(sessionId);
    const me = await this.options.portal.me(token);
    await this.options.secrets.set(this.options.tokenAccount, token);
    this.token = token;
    this.unverified = false;
    this.applyMe(me);
  }

  private async verify(): Promise<void> {
    const token = this.token;
    if (!token) return;
    try {
      const me = await this.options.portal.me(token);
      this.unverified = false;
      this.applyMe(me);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHORIZED') {
        await this.forgetToken();
        this.setSession(signedOut);
      }
      // Unreachable portal: keep the token and try again on the next session request.
    }
  }

  /** Runs a call that needs the session token; a token the portal rejects signs the lawyer out. */
  private async authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = this.token;
    if (!token || this.session.status !== 'signed-in') throw new AppError('NOT_SIGNED_IN', '请先登录');
    try {
      return await call(token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHORIZED') {
        await this.forgetToken();
        this.setSession(signedOut);
      }
      throw error;
    }
  }

  private applyMe(me: MeResponse): Session {
    return this.setSession({ status: 'signed-in', stage: me.stage, lawyer: me.lawyer });
  }

  private setSession(session: Session): Session {
    const changed = JSON.stringify(session) !== JSON.stringify(this.session);
    this.session = session;
    if (changed) this.options.events.emit('auth.sessionChanged', session);
    return session;
  }

  private async forgetToken(): Promise<void> {
    this.token = null;
    this.unverified = false;
    await this.options.secrets.delete(this.options.tokenAccount);
  }
}

function toQrSession(view: QrSessionView): QrSession {
  return {
    id: view.id,
    qrText: view.qrText,
    state: view.state,
    expiresAt: view.expiresAt,
    scannedBy: view.scannedBy,
  };
}
