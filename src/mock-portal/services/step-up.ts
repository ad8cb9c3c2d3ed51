import { AppError } from '../../shared/errors';
import type { QrSessionView, StepUpAction } from '../../shared/portal-wire';
import type { AccountRecord, LoginMethod } from '../state/records';
import type { QrLoginService, VerifyConfirmation } from './qr-login';

export type { StepUpAction } from '../../shared/portal-wire';

/** A verification counts for this long after the phone confirmed it. */
export const STEP_UP_FRESH_MS = 5 * 60_000;
export const STEP_UP_REQUIRED_MESSAGE = '请使用“中国律师身份核验”小程序扫码完成身份核验';

/** How the phone names each guarded action in its prompt. */
export const stepUpActionLabels: Record<StepUpAction, string> = {
  binding: '案件绑定',
  appointment: '辩护与代理网上预约',
  review: '申请在线阅卷',
  download: '卷宗下载',
};

interface Verification extends VerifyConfirmation {
  used: boolean;
}

/**
 * Step-up verification (manual §2 注): lawyers who signed in by SMS code or password, and everyone
 * downloading a dossier, scan a verify QR with their own phone first. A guarded call names the
 * confirmed verify session in the X-Step-Up header; it is good for that action for 5 minutes, and a
 * download uses it up (`consume`). Verifications live in memory only.
 */
export class StepUpService {
  private readonly verified = new Map<string, Verification>();

  constructor(
    private readonly qrLogin: QrLoginService,
    private readonly freshMs = STEP_UP_FRESH_MS,
  ) {
    qrLogin.onVerifyConfirmed((confirmation) => {
      this.purge(confirmation.confirmedAt);
      this.verified.set(confirmation.sessionId, { ...confirmation, used: false });
    });
  }

  /** A verify QR for the account and action; the lawyer's own phone must scan and confirm it. */
  start(account: AccountRecord, action: StepUpAction, now = Date.now()): QrSessionView {
    return this.qrLogin.createVerify(account.id, action, `确认进行身份核验（${stepUpActionLabels[action]}）？`, now);
  }

  /**
   * Passes when the action needs no scan (QR logins, except for downloads), or when `header` names
   * a fresh, unused verification of this account for this action; otherwise STEP_UP_REQUIRED.
   */
  require(account: AccountRecord, method: LoginMethod, action: StepUpAction, header: string | undefined, now = Date.now()): void {
    if (method === 'qr' && action !== 'download') return;
    const entry = header === undefined ? undefined : this.verified.get(header.trim());
    // Another lawyer's verification reads as no verification at all.
    if (!entry || entry.accountId !== account.id) throw new AppError('STEP_UP_REQUIRED', STEP_UP_REQUIRED_MESSAGE);
    if (entry.action !== action) {
      throw new AppError('STEP_UP_REQUIRED', `该身份核验用于${stepUpActionLabels[entry.action]}，${STEP_UP_REQUIRED_MESSAGE}`);
    }
    if (entry.used) throw new AppError('STEP_UP_REQUIRED', `该身份核验已使用，${STEP_UP_REQUIRED_MESSAGE}`);
    if (now - entry.confirmedAt > this.freshMs) {
      throw new AppError('STEP_UP_REQUIRED', `身份核验已超过 ${Math.round(this.freshMs / 60_000)} 分钟，${STEP_UP_REQUIRED_MESSAGE}`);
    }
  }

  /**
   * Uses the verification up (a download link is being issued on it). Throws STEP_UP_REQUIRED when
   * it is already used, so two requests racing past `require` cannot both spend it.
   */
  consume(header: string | undefined): void {
    const entry = header === undefined ? undefined : this.verified.get(header.trim());
    if (!entry || entry.used) throw new AppError('STEP_UP_REQUIRED', `该身份核验已使用，${STEP_UP_REQUIRED_MESSAGE}`);
    entry.used = true;
  }

  /** Forgets verifications past their freshness. */
  purge(now = Date.now()): void {
    for (const [id, entry] of this.verified) if (now - entry.confirmedAt > this.freshMs) this.verified.delete(id);
  }
}
