/**
 * The prosecutors' side (检察官控制台): the queues of 案件绑定申请 and 在线阅卷申请, their
 * approval or rejection, and 卷宗网上处理完成 — generating the dossier, storing it and texting the
 * lawyer its two passwords. Every decision sends the lawyer the SMS the manual shows, and leaves
 * them a 消息 on the portal saying the same without the passwords.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type {
  ConsoleBindingItem,
  ConsoleCaseFields,
  ConsoleLawyer,
  ConsoleReviewItem,
  ConsoleUpload,
} from '../../shared/portal-wire';
import type { DossierSpec, GeneratedDossier } from '../dossier/dossier-spec';
import type { AccountRecord, BindingRecord, ReviewRecord, UploadRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import type { BindingService } from './bindings';
import { newDossierPasswords } from './dossier-passwords';
import type { DossierStore } from './dossier-store';
import {
  bindingApprovedMessage,
  bindingRejectedMessage,
  dossierReadyMessage,
  reviewApprovedMessage,
  reviewRejectedMessage,
} from './message-texts';
import type { MessageService } from './messages';
import { hashPassword } from './password-hash';
import type { ProcuratorateService } from './procuratorates';
import type { ReviewCase, ReviewService } from './reviews';
import type { SmsService } from './sms';
import {
  bindingApprovedText,
  bindingRejectedText,
  dossierReadyText,
  reviewApprovedText,
  reviewRejectedText,
} from './sms-texts';
import type { UploadService } from './uploads';

export const DEFAULT_DOSSIER_PAGES = 40;

export interface ConsoleDeps {
  store: PortalStore;
  bindings: BindingService;
  reviews: ReviewService;
  procuratorates: ProcuratorateService;
  uploads: UploadService;
  sms: SmsService;
  messages: MessageService;
  dossierFiles: DossierStore;
  generateDossier: (spec: DossierSpec) => Promise<GeneratedDossier>;
  /** Pages of a dossier published without saying how many. */
  dossierPages?: number;
}

export class ConsoleService {
  /** Reviews whose dossier is being generated: a second publish must not race the first. */
  private readonly publishing = new Set<string>();

  constructor(private readonly deps: ConsoleDeps) {}

  listBindings(status?: BindingRecord['status']): ConsoleBindingItem[] {
    return this.deps.bindings.list(status).map((binding) => this.bindingItem(binding));
  }

  listReviews(status?: ReviewRecord['status']): ConsoleReviewItem[] {
    return this.deps.reviews.list(status).map((review) => this.reviewItem(review));
  }

  async approveBinding(id: string): Promise<ConsoleBindingItem> {
    const { binding, procuratorate, account } = await this.deps.bindings.approve(id);
    await this.text(account, 'binding-approved', bindingApprovedText(procuratorate.shortName));
    await this.deps.messages.notify(
      binding.accountId,
      binding.id,
      bindingApprovedMessage(procuratorate.name, binding.caseName),
    );
    return this.bindingItem(binding);
  }

  async rejectBinding(id: string, reason: string): Promise<ConsoleBindingItem> {
    const { binding, procuratorate, account } = await this.deps.bindings.reject(id, reason);
    await this.text(account, 'binding-rejected', bindingRejectedText(procuratorate.shortName, binding.rejectReason ?? reason));
    await this.deps.messages.notify(
      binding.accountId,
      binding.id,
      bindingRejectedMessage(procuratorate.name, binding.caseName, binding.rejectReason ?? reason),
    );
    return this.bindingItem(binding);
  }

  async approveReview(id: string): Promise<ConsoleReviewItem> {
    const { review, binding, procuratorate, account } = await this.deps.reviews.approve(id);
    await this.text(account, 'review-approved', reviewApprovedText(procuratorate.shortName, binding.caseName));
    await this.deps.messages.notify(
      review.accountId,
      review.id,
      reviewApprovedMessage(procuratorate.name, binding.caseName),
    );
    return this.reviewItem(review);
  }

  async rejectReview(id: string, reason: string): Promise<ConsoleReviewItem> {
    const { review, binding, procuratorate, account } = await this.deps.reviews.reject(id, reason);
    await this.text(
      account,
      'review-rejected',
      reviewRejectedText(procuratorate.shortName, binding.caseName, review.rejectReason ?? reason),
    );
    await this.deps.messages.notify(
      review.accountId,
      review.id,
      reviewRejectedMessage(procuratorate.name, binding.caseName, review.rejectReason ?? reason),
    );
    return this.reviewItem(review);
  }

  /**
   * 卷宗网上处理完成: generates the dossier of an approved review (zip, fresh passwords), stores
   * it, publishes the review and texts the lawyer both passwords — the only place they appear.
   */
  async publish(id: string, pages = this.deps.dossierPages ?? DEFAULT_DOSSIER_PAGES, now = new Date()): Promise<ConsoleReviewItem> {
    const review = this.deps.reviews.get(id);
    if (this.publishing.has(id)) throw new AppError('CONFLICT', '该申请的卷宗正在生成，请稍候');
    if (review.status !== 'approved') {
      const why = {
        pending: '该在线阅卷申请尚未审核，请先审核通过',
        rejected: '该在线阅卷申请审核未通过，不能发布卷宗',
        published: '该申请的卷宗已发布',
        approved: '',
      }[review.status];
      throw new AppError('CONFLICT', why);
    }
    const { binding, procuratorate } = this.deps.reviews.caseOf(review);
    const passwords = newDossierPasswords();
    this.publishing.add(id);
    let storageKey: string | null = null;
    let published: ReviewCase;
    try {
      const dossier = await this.deps.generateDossier({
        seed: review.id,
        caseName: binding.caseName,
        unitName: procuratorate.name,
        suspects: binding.suspectName ? [binding.suspectName] : [],
        pages,
        format: 'zip',
        openPassword: passwords.open,
      });
      const key = `${review.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 80) || 'dossier'}-${randomBytes(8).toString('hex')}.zip`;
      await this.deps.dossierFiles.put(key, dossier.bytes);
      storageKey = key;
      published = await this.deps.reviews.publish(id, {
        fileName: dossier.fileName,
        format: 'zip',
        size: dossier.bytes.length,
        sha256: dossier.sha256,
        pages: dossier.pageCount,
        storageKey: key,
        publishedAt: now.toISOString(),
        downloadPasswordHash: await hashPassword(passwords.download),
      });
      storageKey = null;
    } finally {
      this.publishing.delete(id);
      // Generated and stored but never published: the archive must not linger.
      if (storageKey !== null) await this.deps.dossierFiles.remove(storageKey).catch(() => undefined);
    }
    await this.text(
      published.account,
      'dossier-ready',
      dossierReadyText(published.procuratorate.shortName, published.binding.caseName, passwords),
    );
    await this.deps.messages.notify(
      published.review.accountId,
      published.review.id,
      dossierReadyMessage(published.procuratorate.name, published.binding.caseName),
    );
    return this.reviewItem(published.review);
  }

  /** An upload's metadata and bytes, for the prosecutor to look at; NOT_FOUND when unknown or gone. */
  async upload(id: string): Promise<{ record: UploadRecord; bytes: Buffer }> {
    const record = this.deps.uploads.find(id);
    const bytes = record ? await this.deps.uploads.bytes(id) : null;
    if (!record || bytes === null) throw new AppError('NOT_FOUND', `上传文件不存在：${id}`);
    return { record, bytes };
  }

  private async text(account: AccountRecord | undefined, kind: Parameters<SmsService['send']>[1], text: string): Promise<void> {
    // Only a hand-edited data file loses the account; the decision itself still stands.
    if (account) await this.deps.sms.send(account.phone, kind, text);
  }

  private bindingItem(binding: BindingRecord): ConsoleBindingItem {
    return {
      id: binding.id,
      ...this.caseFields(binding),
      status: binding.status,
      rejectReason: binding.rejectReason,
      createdAt: binding.createdAt,
      reviewedAt: binding.reviewedAt,
    };
  }

  private reviewItem(review: ReviewRecord): ConsoleReviewItem {
    const binding = this.deps.bindings.get(review.bindingId);
    const dossier = review.dossier;
    return {
      id: review.id,
      bindingId: review.bindingId,
      ...this.caseFields(binding),
      // The account of the review, which is the binding's.
      lawyer: this.lawyer(review.accountId),
      status: review.status,
      rejectReason: review.rejectReason,
      noticeAcceptedAt: review.noticeAcceptedAt,
      createdAt: review.createdAt,
      reviewedAt: review.reviewedAt,
      dossier: dossier && {
        fileName: dossier.fileName,
        format: dossier.format,
        size: dossier.size,
        sha256: dossier.sha256,
        pages: dossier.pages,
        publishedAt: dossier.publishedAt,
      },
      publishing: this.publishing.has(review.id),
    };
  }

  private caseFields(binding: BindingRecord): ConsoleCaseFields {
    return {
      lawyer: this.lawyer(binding.accountId),
      unit: this.deps.procuratorates.ref(binding.procuratorateId),
      caseName: binding.caseName,
      departmentCaseNo: binding.departmentCaseNo,
      suspectName: binding.suspectName,
      role: binding.role,
      clientName: binding.clientName,
      clientRelation: binding.clientRelation,
      uploads: binding.uploadIds.flatMap((id): ConsoleUpload[] => {
        const upload = this.deps.uploads.find(id);
        return upload
          ? [
              {
                id: upload.id,
                kind: upload.kind,
                fileName: upload.fileName,
                mimeType: upload.mimeType,
                size: upload.size,
                sha256: upload.sha256,
                url: `/api/console/uploads/${encodeURIComponent(upload.id)}`,
              },
            ]
          : [];
      }),
    };
  }

  private lawyer(accountId: string): ConsoleLawyer {
    const account = this.deps.store.accounts.get(accountId);
    return {
      id: accountId,
      name: account?.name ?? '（未知律师）',
      lawFirm: account?.lawFirm ?? null,
      licenseNumber: account?.licenseNumber ?? '',
      phone: account?.phone ?? '',
    };
  }
}
