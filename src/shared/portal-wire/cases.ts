/** Portal wire types: uploads, 案件绑定申请 and 已绑定案件 (manual §3, §4). */
import type { ProcuratorateRef } from './procuratorates';
import type { ReviewStatus } from './reviews';

/** What an uploaded file is for, one per slot of the binding form. */
export type UploadKind =
  | 'license' // 律师执业证
  | 'power-of-attorney' // 授权委托书
  | 'legal-aid-letter' // 法律援助公函
  | 'law-firm-letter' // 律师事务所函
  | 'client-id' // 委托人身份证明
  | 'kinship-proof'; // 亲属关系证明

/** What the portal calls each kind (also the default file name when none is given). */
export const UPLOAD_KIND_LABELS: Record<UploadKind, string> = {
  license: '律师执业证',
  'power-of-attorney': '授权委托书',
  'legal-aid-letter': '法律援助公函',
  'law-firm-letter': '律师事务所函',
  'client-id': '委托人身份证明',
  'kinship-proof': '亲属关系证明',
};

/** As detected from the file's first bytes (the declared type is not trusted). */
export type UploadMimeType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** Largest file POST /api/uploads accepts. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * POST /api/uploads (multipart/form-data: field `kind`, one part `file`) → 201; also
 * GET /api/uploads/{id} (the owner only).
 */
export interface UploadView {
  id: string;
  kind: UploadKind;
  /** Sanitised, UTF-8; its extension matches the content. */
  fileName: string;
  mimeType: UploadMimeType;
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  uploadedAt: string;
}

/** 身份类型 */
export type BindingRole = 'defender' | 'agent'; // 辩护人 | 诉讼代理人

/**
 * The 委托人's relation to the suspect or party. The relatives (spouse … other-relative) need a
 * 亲属关系证明; `legal-aid` (法律援助) needs the 法律援助公函 instead of a 授权委托书.
 */
export type ClientRelation =
  | 'self'
  | 'spouse'
  | 'parent'
  | 'child'
  | 'sibling'
  | 'other-relative'
  | 'guardian'
  | 'legal-aid';

/** Upload ids (from POST /api/uploads, of the matching kind) for each slot of the form. */
export interface BindingUploads {
  license: string;
  /** Exactly one of powerOfAttorney and legalAidLetter. */
  powerOfAttorney?: string;
  legalAidLetter?: string;
  lawFirmLetter: string;
  clientId: string;
  /** Required when clientRelation is a relative. */
  kinshipProof?: string;
}

/** POST /api/bindings (申请绑定) → 201 BindingView. Needs step-up 'binding' for non-QR logins. */
export interface BindingCreateRequest {
  /** 受理单位 */
  procuratorateId: string;
  /** 案件名称 */
  caseName: string;
  /** 部门受案号 — this or suspectName (or both). */
  departmentCaseNo?: string;
  /** 犯罪嫌疑人姓名 */
  suspectName?: string;
  role: BindingRole;
  /** 委托人 */
  clientName: string;
  clientRelation: ClientRelation;
  uploads: BindingUploads;
}

export type BindingStatus = 'pending' | 'approved' | 'rejected';
/** How the portal's list shows each status. */
export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** One 案件绑定申请 as its lawyer sees it. */
export interface BindingView {
  id: string;
  procuratorate: ProcuratorateRef;
  caseName: string;
  departmentCaseNo: string | null;
  suspectName: string | null;
  role: BindingRole;
  clientName: string;
  clientRelation: ClientRelation;
  uploads: UploadView[];
  status: BindingStatus;
  /** 待审核 / 已通过 / 未通过 */
  statusLabel: string;
  /** Why it was not approved (status rejected). */
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** GET /api/bindings — the lawyer's own, newest first. */
export interface BindingListResponse {
  items: BindingView[];
}

/** The latest 在线阅卷 application on a bound case. */
export interface BoundCaseReview {
  id: string;
  status: ReviewStatus;
  statusLabel: string;
  rejectReason: string | null;
  createdAt: string;
}

/** One 已绑定案件 (an approved binding). */
export interface BoundCaseView {
  bindingId: string;
  caseName: string;
  departmentCaseNo: string | null;
  suspectName: string | null;
  role: BindingRole;
  clientName: string;
  procuratorate: ProcuratorateRef;
  /** When the binding was approved. */
  boundAt: string;
  /** 申请在线阅卷 is open at this unit (pilot provinces only). */
  onlineReviewAvailable: boolean;
  review: BoundCaseReview | null;
}

/** GET /api/bound-cases — newest binding first. */
export interface BoundCaseListResponse {
  items: BoundCaseView[];
}
