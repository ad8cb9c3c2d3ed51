/**
 * 申请在线阅卷 (manual §4), which is also the lawyer's 辩护与代理网上预约 entry of type 在线阅卷
 * (manual §6). pending → approved | rejected by the prosecutors; approved → published once the
 * console has generated the dossier (卷宗网上处理完成).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import {
  REVIEW_STATUS_LABELS,
  type AppointmentView,
  type Procuratorate,
  type ReviewNotice,
  type ReviewView,
} from '../../shared/portal-wire';
import type { AccountRecord, BindingRecord, DossierRecord, ReviewRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { rejectBodySchema } from '../validation/case-requests';
import { parseInput } from '../validation/parse';
import { newestFirst, type BindingService } from './bindings';
import type { ProcuratorateService } from './procuratorates';
import { REVIEW_NOTICE } from './review-notice';

/** A review with what the console needs to act on it and notify the lawyer. */
export interface ReviewCase {
  review: ReviewRecord;
  binding: BindingRecord;
  procuratorate: Procuratorate;
  /** The applicant; undefined only if the account vanished from a hand-edited data file. */
  account: AccountRecord | undefined;
}

export class ReviewService {
  constructor(
    private readonly store: PortalStore,
    private readonly procuratorates: ProcuratorateService,
    private readonly bindings: BindingService,
  ) {}

  notice(): ReviewNotice {
    return { ...REVIEW_NOTICE };
  }

  /**
   * 申请在线阅卷 on one of the lawyer's approved bindings, having accepted `noticeVersion` of the
   * 须知: NOT_FOUND for another lawyer's binding, CONFLICT when not approved, the 须知 changed or
   * an application is still open, REVIEW_UNAVAILABLE outside the pilot provinces.
   */
  async apply(account: AccountRecord, bindingId: string, input: { noticeVersion: string }, now = new Date()): Promise<ReviewView> {
    const binding = this.bindings.requireOwn(account, bindingId);
    if (binding.status !== 'approved') {
      throw new AppError('CONFLICT', '案件绑定申请尚未审核通过，审核通过后方可申请在线阅卷');
    }
    this.procuratorates.requireOnlineReview(binding.procuratorateId);
    if (input.noticeVersion !== REVIEW_NOTICE.version) {
      throw new AppError('CONFLICT', '申请在线阅卷须知已更新，请重新阅读后再申请');
    }
    const open = [...this.store.reviews.values()].find(
      (r) => r.bindingId === binding.id && (r.status === 'pending' || r.status === 'approved'),
    );
    if (open) {
      throw new AppError('CONFLICT', `该案件已有在线阅卷申请（${REVIEW_STATUS_LABELS[open.status]}），请勿重复申请`);
    }
    const review: ReviewRecord = {
      id: randomUUID(),
      accountId: account.id,
      bindingId: binding.id,
      status: 'pending',
      rejectReason: null,
      noticeAcceptedAt: now.toISOString(),
      createdAt: now.toISOString(),
      reviewedAt: null,
      dossier: null,
      failedDownloadAttempts: 0,
      lockedUntil: null,
    };
    this.store.reviews.set(review.id, review);
    await this.store.save();
    return this.view(review);
  }

  /** 辩护与代理网上预约: the lawyer's 在线阅卷 applications, newest first. */
  appointments(account: AccountRecord): AppointmentView[] {
    return newestFirst([...this.store.reviews.values()].filter((r) => r.accountId === account.id)).map((review) => ({
      ...this.view(review),
      type: '在线阅卷' as const,
    }));
  }

  /** The lawyer's own review, or NOT_FOUND (another lawyer's does not exist for them). */
  requireOwn(account: AccountRecord, id: string): ReviewRecord {
    const review = this.store.reviews.get(id);
    if (!review || review.accountId !== account.id) throw new AppError('NOT_FOUND', `在线阅卷申请不存在：${id}`);
    return review;
  }

  viewOwn(account: AccountRecord, id: string): ReviewView {
    return this.view(this.requireOwn(account, id));
  }

  // The prosecutors' side (console, auto-approve).

  /** Every application, oldest first, optionally by status. */
  list(status?: ReviewRecord['status']): ReviewRecord[] {
    return [...this.store.reviews.values()]
      .filter((r) => status === undefined || r.status === status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  listPending(): ReviewRecord[] {
    return this.list('pending');
  }

  /** Approved, dossier not yet published. */
  listAwaitingPublish(): ReviewRecord[] {
    return this.list('approved');
  }

  /** Any application by id, or NOT_FOUND. */
  get(id: string): ReviewRecord {
    const review = this.store.reviews.get(id);
    if (!review) throw new AppError('NOT_FOUND', `在线阅卷申请不存在：${id}`);
    return review;
  }

  caseOf(review: ReviewRecord): ReviewCase {
    const binding = this.bindings.get(review.bindingId);
    return {
      review,
      binding,
      procuratorate: this.procuratorates.get(binding.procuratorateId),
      account: this.store.accounts.get(review.accountId),
    };
  }

  /** 审核通过: pending → approved; CONFLICT otherwise. */
  async approve(id: string, now = new Date()): Promise<ReviewCase> {
    const review = this.requireStatus(id, 'pending');
    review.status = 'approved';
    review.rejectReason = null;
    review.reviewedAt = now.toISOString();
    await this.store.save();
    return this.caseOf(review);
  }

  /** 审核未通过 with a reason (1–200 characters): pending → rejected; CONFLICT otherwise. */
  async reject(id: string, reason: string, now = new Date()): Promise<ReviewCase> {
    const why = parseInput(rejectBodySchema, { reason }, 'body').reason;
    const review = this.requireStatus(id, 'pending');
    review.status = 'rejected';
    review.rejectReason = why;
    review.reviewedAt = now.toISOString();
    await this.store.save();
    return this.caseOf(review);
  }

  /**
   * 卷宗网上处理完成: approved → published with the dossier the console generated and stored;
   * CONFLICT otherwise. Resets the download lockout.
   */
  async publish(id: string, dossier: DossierRecord): Promise<ReviewCase> {
    const review = this.requireStatus(id, 'approved');
    review.status = 'published';
    review.dossier = dossier;
    review.failedDownloadAttempts = 0;
    review.lockedUntil = null;
    await this.store.save();
    return this.caseOf(review);
  }

  /** How the lawyer (and the console) see an application: never its passwords or storage key. */
  view(review: ReviewRecord): ReviewView {
    const binding = this.store.bindings.get(review.bindingId);
    return {
      id: review.id,
      bindingId: review.bindingId,
      caseName: binding?.caseName ?? '',
      procuratorate: this.procuratorates.ref(binding?.procuratorateId ?? ''),
      status: review.status,
      statusLabel: REVIEW_STATUS_LABELS[review.status],
      rejectReason: review.rejectReason,
      createdAt: review.createdAt,
      reviewedAt: review.reviewedAt,
      dossier: review.dossier
        ? {
            fileName: review.dossier.fileName,
            size: review.dossier.size,
            sha256: review.dossier.sha256,
            pages: review.dossier.pages,
            publishedAt: review.dossier.publishedAt,
          }
        : null,
    };
  }

  private requireStatus(id: string, status: ReviewRecord['status']): ReviewRecord {
    const review = this.get(id);
    if (review.status !== status) {
      const expected = status === 'pending' ? '待审核' : '已通过且卷宗尚未发布';
      throw new AppError('CONFLICT', `该在线阅卷申请当前为“${REVIEW_STATUS_LABELS[review.status]}”，仅${expected}的申请可以这样处理`);
    }
    return review;
  }
}
