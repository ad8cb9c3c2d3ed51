/**
 * The lawyer's portal session: the three logins (QR scan, SMS code, password; manual §2), the
 * first-time 授权信息 / 完善信息 steps, step-up verification scans, logout, and the session token
 * kept in the secret store so a restart stays signed in. Other services run their portal calls
 * through `withToken`, so a token the portal rejects signs the lawyer out in one place.
 */
import type { QrSession, Session, StepUpActionName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { CompleteProfileRequest, LoginTokenResponse, MeResponse, SmsCodeResponse } from '../../shared/portal-wire';
import type { EventHub } from '../events/event-hub';
import type { PortalClient } from '../portal-client';
import type { SecretStore } from '../secrets';
import { QrFollower, toQrSession } from './qr-follower';

const signedOut: Session = { status: 'signed-out' };

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
  private readonly qr: QrFollower;

  constructor(private readonly options: AuthServiceOptions) {
    this.qr = new QrFollower(options.portal, options.events);
  }

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

  /** The session as last known, without asking the portal. */
  currentSession(): Session {
    return this.session;
  }

  /** 【律师认证登录】: a fresh QR session, followed until it ends. Any earlier QR login is dropped. */
  async startQrLogin(): Promise<QrSession> {
    this.qr.stopAll('login');
    const view = await this.options.portal.createQrSession();
    this.qr.follow(view, { onConfirmed: (id) => this.finishQrLogin(id) });
    return toQrSession(view);
  }

  /**
   * A step-up verification for a guarded action: a verify QR the lawyer's own phone scans. It is
   * followed like a login QR, but a confirmation claims nothing: the UI retries the guarded call
   * with the session's id. An earlier verification still followed is dropped.
   */
  async startStepUp(action: StepUpActionName): Promise<QrSession> {
    const view = await this.withToken((token) => this.options.portal.startStepUp(token, action));
    this.qr.stopAll('verify');
    this.qr.follow(view);
    return toQrSession(view);
  }

  stopQr(id: string): void {
    this.qr.stop(id);
  }

  /** 手机号+验证码: the portal texts a login code to the phone. */
  requestSmsCode(phone: string): Promise<SmsCodeResponse> {
    return this.options.portal.requestSmsCode(phone);
  }

  async smsLogin(phone: string, code: string): Promise<Session> {
    return this.signIn(await this.options.portal.smsLogin(phone, code));
  }

  async passwordLogin(phone: string, password: string): Promise<Session> {
    return this.signIn(await this.options.portal.passwordLogin(phone, password));
  }

  async agree(): Promise<Session> {
    return this.applyMe(await this.withToken((token) => this.options.portal.agreeAuthorization(token)));
  }

  async completeProfile(profile: CompleteProfileRequest): Promise<Session> {
    return this.applyMe(await this.withToken((token) => this.options.portal.completeProfile(token, profile)));
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

  /**
   * Runs a portal call that needs the session token. Refuses with NOT_SIGNED_IN when there is no
   * session; a token the portal rejects signs the lawyer out. Every other error passes unchanged
   * (STEP_UP_REQUIRED included: the UI answers it with a verification scan).
   */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = this.token;
    if (!token || this.session.status !== 'signed-in') throw new AppError('NOT_SIGNED_IN', '请先登录');
    try {
      return await call(token);
    } catch (error) {
      // Only when the rejected token is still ours: a newer login must not be undone by an old call.
      if (error instanceof AppError && error.code === 'UNAUTHORIZED' && this.token === token) {
        await this.forgetToken();
        this.setSession(signedOut);
      }
      throw error;
    }
  }

  close(): void {
    this.qr.stopAll();
  }

  private async finishQrLogin(sessionId: string): Promise<void> {
    await this.signIn(await this.options.portal.claimLoginToken(sessionId));
  }

  /** Keeps a fresh token (any login method) and takes the lawyer's stage from the portal. */
  private async signIn(login: LoginTokenResponse): Promise<Session> {
    const me = await this.options.portal.me(login.token);
    await this.options.secrets.set(this.options.tokenAccount, login.token);
    // Signed in another way: a login QR still shown must not replace this session later.
    if (login.method !== 'qr') this.qr.stopAll('login');
    this.token = login.token;
    this.unverified = false;
    return this.applyMe(me);
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

  private applyMe(me: MeResponse): Session {
    return this.setSession({ status: 'signed-in', stage: me.stage, lawyer: me.lawyer });
  }

  private setSession(session: Session): Session {
    const changed = JSON.stringify(session) !== JSON.stringify(this.session);
    this.session = session;
    // Verifications belong to the session that asked for them.
    if (session.status === 'signed-out') this.qr.stopAll('verify');
    if (changed) this.options.events.emit('auth.sessionChanged', session);
    return session;
  }

  private async forgetToken(): Promise<void> {
    this.token = null;
    this.unverified = false;
    await this.options.secrets.delete(this.options.tokenAccount);
  }
}
