/**
 * Portal wire types: the prosecutor console (检察官控制台) — the procuratorates' side of case
 * bindings and online reviews. Served to loopback clients only (403 FORBIDDEN otherwise).
 */
import type { BindingRole, BindingStatus, ClientRelation, UploadView } from './cases';
import type { ProcuratorateRef } from './procuratorates';
import type { DossierSummary, ReviewStatus } from './reviews';

/** The two queues of the console. */
export type ConsoleKind = 'bindings' | 'reviews';

/** The applying lawyer, as the prosecutor checks them. */
export interface ConsoleLawyer {
  id: string;
  name: string;
  lawFirm: string | null;
  /** 律师执业证号 */
  licenseNumber: string;
  phone: string;
}

/** A material the lawyer uploaded; `url` (GET /api/console/uploads/{id}) serves its bytes. */
export interface ConsoleUpload extends Omit<UploadView, 'uploadedAt'> {
  url: string;
}

/** What both queues show of the case behind an application. */
export interface ConsoleCaseFields {
  lawyer: ConsoleLawyer;
  /** 受理单位 */
  unit: ProcuratorateRef;
  caseName: string;
  departmentCaseNo: string | null;
  suspectName: string | null;
  role: BindingRole;
  clientName: string;
  clientRelation: ClientRelation;
  uploads: ConsoleUpload[];
}

/** GET /api/console/bindings, and the answer to approve/reject of a binding. */
export interface ConsoleBindingItem extends ConsoleCaseFields {
  id: string;
  status: BindingStatus;
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export interface ConsoleDossier extends DossierSummary {
  format: 'zip' | '7z';
}

/** GET /api/console/reviews, and the answer to approve/reject/publish of a review. */
export interface ConsoleReviewItem extends ConsoleCaseFields {
  id: string;
  bindingId: string;
  status: ReviewStatus;
  rejectReason: string | null;
  noticeAcceptedAt: string;
  createdAt: string;
  reviewedAt: string | null;
  dossier: ConsoleDossier | null;
  /** The dossier is being generated right now (publish in progress). */
  publishing: boolean;
}

/** GET /api/console/bindings?status= — oldest first, as a queue is worked through. */
export interface ConsoleBindingListResponse {
  items: ConsoleBindingItem[];
}

/** GET /api/console/reviews?status= — oldest first. */
export interface ConsoleReviewListResponse {
  items: ConsoleReviewItem[];
}

/** POST /api/console/{bindings|reviews}/{id}/reject */
export interface ConsoleRejectRequest {
  /** 不通过原因, 2–200 characters; sent to the lawyer by SMS. */
  reason: string;
}

/** POST /api/console/reviews/{id}/publish (卷宗网上处理完成); only approved reviews. */
export interface ConsolePublishRequest {
  /** Pages of the generated dossier; default the portal's setting. */
  pages?: number;
}

/** Largest dossier the console publishes, in pages. */
export const CONSOLE_MAX_DOSSIER_PAGES = 5000;
