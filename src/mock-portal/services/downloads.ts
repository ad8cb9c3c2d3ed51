/**
 * Dossier downloads (manual §5): a lawyer asks for a link with the 卷宗下载密码 and a fresh step-up
 * verification; the link is an unguessable token, good for 30 minutes and usable repeatedly within
 * them so an interrupted download can resume. Wrong passwords are counted per review: the fifth in
 * a row locks it for 15 minutes. Links live in memory, known only by their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { DownloadLinkResponse } from '../../shared/portal-wire';
import type { AccountRecord, DossierRecord, LoginMethod, ReviewRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { verifyPassword } from './password-hash';
import type { StepUpService } from './step-up';

export const DOWNLOAD_LINK_TTL_MS = 30 * 60_000;
export const MAX_PASSWORD_ATTEMPTS = 5;
export const PASSWORD_LOCKOUT_MS = 15 * 60_000;
/** Expired links still answer 410 (not 404) for this long, so a client can tell what happened. */
const EXPIRED_LINK_MEMORY_MS = 24 * 60 * 60_000;

export const REVIEW_NOT_FOUND_MESSAGE = '在线阅卷申请不存在';

/** What a link token resolves to. */
export interface DownloadTarget {
  reviewId: string;
  dossier: DossierRecord;
}

interface LinkEntry {
  reviewId: string;
  accountId: string;
  storageKey: string;
  expiresAt: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function minutesLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}

export class DownloadService {
  private readonly links = new Map<string, LinkEntry>();

  constructor(
    private readonly store: PortalStore,
    private readonly stepUp: StepUpService,
    private readonly linkTtlMs = DOWNLOAD_LINK_TTL_MS,
  ) {}

  /** The lawyer's own review by id, or NOT_FOUND (another lawyer's review is not revealed). */
  private ownReview(account: AccountRecord, reviewId: string): ReviewRecord {
    const review = this.store.reviews.get(reviewId);
    if (!review || review.accountId !== account.id) throw new AppError('NOT_FOUND', REVIEW_NOT_FOUND_MESSAGE);
    return review;
  }

  async issueLink(
    account: AccountRecord,
    method: LoginMethod,
    reviewId: string,
    password: string,
    stepUpHeader: string | undefined,
    now = Date.now(),
  ): Promise<DownloadLinkResponse> {
    const review = this.ownReview(account, reviewId);
    const dossier = review.dossier;
    if (review.status !== 'published' || dossier === null) {
      throw new AppError('CONFLICT', '卷宗网上处理尚未完成，暂不能下载');
    }
    this.checkLock(review, now);
    this.stepUp.require(account, method, 'download', stepUpHeader, now);

    if (!(await verifyPassword(password, dossier.downloadPasswordHash))) {
      // Re-read the lock: another attempt may have landed while the hash was computed.
      this.checkLock(review, now);
      review.failedDownloadAttempts += 1;
      const left = MAX_PASSWORD_ATTEMPTS - review.failedDownloadAttempts;
      if (left <= 0) {
        review.lockedUntil = new Date(now + PASSWORD_LOCKOUT_MS).toISOString();
        review.failedDownloadAttempts = 0;
        await this.store.save();
        throw new AppError('LOCKED_OUT', `卷宗下载密码错误次数过多，请 ${minutesLeft(now + PASSWORD_LOCKOUT_MS, now)} 分钟后重试`);
      }
      await this.store.save();
      throw new AppError('WRONG_PASSWORD', `卷宗下载密码错误，还可尝试 ${left} 次`);
    }

    this.stepUp.consume(stepUpHeader);
    if (review.failedDownloadAttempts !== 0 || review.lockedUntil !== null) {
      review.failedDownloadAttempts = 0;
      review.lockedUntil = null;
      await this.store.save();
    }
    this.purge(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.linkTtlMs;
    this.links.set(hashToken(token), { reviewId, accountId: account.id, storageKey: dossier.storageKey, expiresAt });
    return {
      url: `/api/downloads/${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
      fileName: dossier.fileName,
      size: dossier.size,
      sha256: dossier.sha256,
    };
  }

  /** The dossier a link serves: NOT_FOUND for an unknown link, LINK_EXPIRED for an old one. */
  resolve(token: string, now = Date.now()): DownloadTarget {
    const entry = this.links.get(hashToken(token));
    if (!entry) throw new AppError('NOT_FOUND', '下载链接无效');
    if (entry.expiresAt <= now) throw new AppError('LINK_EXPIRED', '下载链接已过期，请重新获取卷宗下载链接');
    const review = this.store.reviews.get(entry.reviewId);
    // The review or its dossier went away (or was replaced): the link no longer means anything.
    if (!review || review.accountId !== entry.accountId || review.dossier?.storageKey !== entry.storageKey) {
      throw new AppError('NOT_FOUND', '下载链接无效');
    }
    return { reviewId: review.id, dossier: review.dossier };
  }

  /** Forgets links long past their expiry. */
  purge(now = Date.now()): void {
    for (const [hash, entry] of this.links) if (entry.expiresAt + EXPIRED_LINK_MEMORY_MS <= now) this.links.delete(hash);
  }

  private checkLock(review: ReviewRecord, now: number): void {
    if (review.lockedUntil === null) return;
    const until = Date.parse(review.lockedUntil);
    if (until > now) throw new AppError('LOCKED_OUT', `卷宗下载密码错误次数过多，请 ${minutesLeft(until, now)} 分钟后重试`);
    // The lock ran out: the count starts afresh.
    review.lockedUntil = null;
    review.failedDownloadAttempts = 0;
  }
}
