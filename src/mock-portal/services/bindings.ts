/**
 * 案件绑定申请 (manual §3) and 已绑定案件: lawyers apply, prosecutors approve or reject (through the
 * console, which sends the SMS after the transition).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import {
  BINDING_STATUS_LABELS,
  REVIEW_STATUS_LABELS,
  UPLOAD_KIND_LABELS,
  type BindingUploads,
  type BindingView,
  type BoundCaseView,
  type ClientRelation,
  type Procuratorate,
  type UploadKind,
} from '../../shared/portal-wire';
import type { AccountRecord, BindingRecord, ReviewRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { rejectBodySchema, type BindingCreateInput } from '../validation/case-requests';
import { parseInput } from '../validation/parse';
import type { ProcuratorateService } from './procuratorates';
import { viewOf as uploadView, type UploadService } from './uploads';

/** Relations whose 委托人 must prove kinship (亲属关系证明). */
export const RELATIVE_RELATIONS: readonly ClientRelation[] = ['spouse', 'parent', 'child', 'sibling', 'other-relative'];

/** Form slot → the upload kind it takes. */
const slotKinds: Record<keyof BindingUploads, UploadKind> = {
  license: 'license',
  powerOfAttorney: 'power-of-attorney',
  legalAidLetter: 'legal-aid-letter',
  lawFirmLetter: 'law-firm-letter',
  clientId: 'client-id',
  kinshipProof: 'kinship-proof',
};

/** A binding with what the console needs to act on it and notify the lawyer. */
export interface BindingCase {
  binding: BindingRecord;
  procuratorate: Procuratorate;
  /** The applicant; undefined only if the account vanished from a hand-edited data file. */
  account: AccountRecord | undefined;
}

export class BindingService {
  constructor(
    private readonly store: PortalStore,
    private readonly procuratorates: ProcuratorateService,
    private readonly uploads: UploadService,
  ) {}

  /** The lawyer's own applications, newest first. */
  listOwn(account: AccountRecord): BindingView[] {
    return newestFirst([...this.store.bindings.values()].filter((b) => b.accountId === account.id)).map((b) => this.view(b));
  }

  /** The lawyer's own application, or NOT_FOUND (another lawyer's does not exist for them). */
  requireOwn(account: AccountRecord, id: string): BindingRecord {
    const binding = this.store.bindings.get(id);
    if (!binding || binding.accountId !== account.id) throw new AppError('NOT_FOUND', `案件绑定申请不存在：${id}`);
    return binding;
  }

  viewOwn(account: AccountRecord, id: string): BindingView {
    return this.view(this.requireOwn(account, id));
  }

  /** 申请绑定 → 【确定】: checks the form as the portal does and files the application as 待审核. */
  async create(account: AccountRecord, input: BindingCreateInput, now = new Date()): Promise<BindingView> {
    checkForm(input);
    const unit = this.procuratorates.find(input.procuratorateId);
    if (!unit) throw new AppError('VALIDATION', `受理单位（procuratorateId）不存在：${input.procuratorateId}`);

    const uploadIds: string[] = [];
    for (const [slot, kind] of Object.entries(slotKinds) as [keyof BindingUploads, UploadKind][]) {
      const id = input.uploads[slot];
      if (id === undefined) continue;
      const upload = this.uploads.requireOwn(account, id);
      if (upload.kind !== kind) {
        const label = UPLOAD_KIND_LABELS[kind];
        throw new AppError('VALIDATION', `${label}（uploads.${slot}）须为“${label}”类别的上传文件，所选文件是“${UPLOAD_KIND_LABELS[upload.kind]}”`);
      }
      uploadIds.push(id);
    }

    const duplicate = [...this.store.bindings.values()].find(
      (b) =>
        b.accountId === account.id &&
        b.procuratorateId === unit.id &&
        (b.status === 'pending' || b.status === 'approved') &&
        sameCase(b, input),
    );
    if (duplicate) {
      throw new AppError(
        'CONFLICT',
        `您已向${unit.name}提交过该案件的绑定申请（${BINDING_STATUS_LABELS[duplicate.status]}），请勿重复申请`,
      );
    }

    const binding: BindingRecord = {
      id: randomUUID(),
      accountId: account.id,
      procuratorateId: unit.id,
      caseName: input.caseName,
      departmentCaseNo: input.departmentCaseNo ?? null,
      suspectName: input.suspectName ?? null,
      role: input.role,
      clientName: input.clientName,
      clientRelation: input.clientRelation,
      uploadIds,
      status: 'pending',
      rejectReason: null,
      createdAt: now.toISOString(),
      reviewedAt: null,
    };
    this.store.bindings.set(binding.id, binding);
    await this.store.save();
    return this.view(binding);
  }

  /** 已绑定案件: the lawyer's approved bindings, newest first, with the latest 在线阅卷 application. */
  boundCases(account: AccountRecord): BoundCaseView[] {
    const approved = [...this.store.bindings.values()].filter((b) => b.accountId === account.id && b.status === 'approved');
    return approved
      .reverse()
      .sort((a, b) => (b.reviewedAt ?? b.createdAt).localeCompare(a.reviewedAt ?? a.createdAt))
      .map((binding) => {
        const unit = this.procuratorates.find(binding.procuratorateId);
        const review = this.latestReview(binding.id);
        return {
          bindingId: binding.id,
          caseName: binding.caseName,
          departmentCaseNo: binding.departmentCaseNo,
          suspectName: binding.suspectName,
          role: binding.role,
          clientName: binding.clientName,
          procuratorate: this.procuratorates.ref(binding.procuratorateId),
          boundAt: binding.reviewedAt ?? binding.createdAt,
          onlineReviewAvailable: unit?.pilot ?? false,
          review: review
            ? {
                id: review.id,
                status: review.status,
                statusLabel: REVIEW_STATUS_LABELS[review.status],
                rejectReason: review.rejectReason,
                createdAt: review.createdAt,
              }
            : null,
        };
      });
  }

  // The prosecutors' side (console, auto-approve).

  /** Every application, oldest first (the order they are worked through), optionally by status. */
  list(status?: BindingRecord['status']): BindingRecord[] {
    return [...this.store.bindings.values()]
      .filter((b) => status === undefined || b.status === status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  listPending(): BindingRecord[] {
    return this.list('pending');
  }

  /** Any application by id, or NOT_FOUND. */
  get(id: string): BindingRecord {
    const binding = this.store.bindings.get(id);
    if (!binding) throw new AppError('NOT_FOUND', `案件绑定申请不存在：${id}`);
    return binding;
  }

  caseOf(binding: BindingRecord): BindingCase {
    return {
      binding,
      procuratorate: this.procuratorates.get(binding.procuratorateId),
      account: this.store.accounts.get(binding.accountId),
    };
  }

  /** 审核通过: pending → approved; CONFLICT when already decided. */
  async approve(id: string, now = new Date()): Promise<BindingCase> {
    const binding = this.requirePending(id);
    binding.status = 'approved';
    binding.rejectReason = null;
    binding.reviewedAt = now.toISOString();
    await this.store.save();
    return this.caseOf(binding);
  }

  /** 审核未通过 with a reason (1–200 characters): pending → rejected; CONFLICT when already decided. */
  async reject(id: string, reason: string, now = new Date()): Promise<BindingCase> {
    const why = parseInput(rejectBodySchema, { reason }, 'body').reason;
    const binding = this.requirePending(id);
    binding.status = 'rejected';
    binding.rejectReason = why;
    binding.reviewedAt = now.toISOString();
    await this.store.save();
    return this.caseOf(binding);
  }

  /** How the lawyer (and the console) see an application. */
  view(binding: BindingRecord): BindingView {
    return {
      id: binding.id,
      procuratorate: this.procuratorates.ref(binding.procuratorateId),
      caseName: binding.caseName,
      departmentCaseNo: binding.departmentCaseNo,
      suspectName: binding.suspectName,
      role: binding.role,
      clientName: binding.clientName,
      clientRelation: binding.clientRelation,
      uploads: binding.uploadIds.flatMap((id) => {
        const upload = this.uploads.find(id);
        return upload ? [uploadView(upload)] : [];
      }),
      status: binding.status,
      statusLabel: BINDING_STATUS_LABELS[binding.status],
      rejectReason: binding.rejectReason,
      createdAt: binding.createdAt,
      reviewedAt: binding.reviewedAt,
    };
  }

  private requirePending(id: string): BindingRecord {
    const binding = this.get(id);
    if (binding.status !== 'pending') {
      throw new AppError('CONFLICT', `该案件绑定申请已审核（${BINDING_STATUS_LABELS[binding.status]}），不能再次审核`);
    }
    return binding;
  }

  private latestReview(bindingId: string): ReviewRecord | undefined {
    let latest: ReviewRecord | undefined;
    for (const review of this.store.reviews.values()) {
      // Insertion order breaks ties: the later-made of two same-millisecond applications wins.
      if (review.bindingId === bindingId && (!latest || review.createdAt >= latest.createdAt)) latest = review;
    }
    return latest;
  }
}

/** The form's rules that span fields (manual §3: which documents each relation needs). */
function checkForm(input: BindingCreateInput): void {
  if (input.departmentCaseNo === undefined && input.suspectName === undefined) {
    throw new AppError('VALIDATION', '请填写部门受案号（departmentCaseNo）或犯罪嫌疑人姓名（suspectName）');
  }
  const { powerOfAttorney, legalAidLetter, kinshipProof } = input.uploads;
  if (powerOfAttorney !== undefined && legalAidLetter !== undefined) {
    throw new AppError('VALIDATION', '授权委托书（uploads.powerOfAttorney）与法律援助公函（uploads.legalAidLetter）只需上传其一');
  }
  if (input.clientRelation === 'legal-aid') {
    if (legalAidLetter === undefined) {
      throw new AppError('VALIDATION', '法律援助案件须上传法律援助公函（uploads.legalAidLetter）');
    }
  } else if (powerOfAttorney === undefined) {
    throw new AppError(
      'VALIDATION',
      legalAidLetter === undefined
        ? '请上传授权委托书（uploads.powerOfAttorney）'
        : '法律援助公函仅用于法律援助案件（clientRelation 为 legal-aid），请上传授权委托书（uploads.powerOfAttorney）',
    );
  }
  if (RELATIVE_RELATIONS.includes(input.clientRelation) && kinshipProof === undefined) {
    throw new AppError('VALIDATION', '委托人为亲属时须上传亲属关系证明（uploads.kinshipProof）');
  }
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The same case: the same 部门受案号 where both have one, or the same 案件名称. */
function sameCase(binding: BindingRecord, input: BindingCreateInput): boolean {
  if (binding.departmentCaseNo !== null && input.departmentCaseNo !== undefined) {
    if (squash(binding.departmentCaseNo) === squash(input.departmentCaseNo)) return true;
  }
  return squash(binding.caseName) === squash(input.caseName);
}

/** Newest first; records made in the same millisecond keep the later-made first (the sort is stable). */
export function newestFirst<T extends { createdAt: string }>(items: T[]): T[] {
  return items.reverse().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
