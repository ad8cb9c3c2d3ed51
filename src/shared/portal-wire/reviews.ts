/** Portal wire types: 申请在线阅卷 (manual §4) and 辩护与代理网上预约 (manual §6). */
import type { ProcuratorateRef } from './procuratorates';

/** GET /api/reviews/notice — to be read and accepted before applying. */
export interface ReviewNotice {
  title: '申请在线阅卷须知';
  text: string;
  /** Echoed back as noticeVersion when applying: acceptance is of this text. */
  version: string;
}

/** POST /api/bound-cases/{bindingId}/reviews → 201 ReviewView. Needs step-up 'review' for non-QR logins. */
export interface ReviewCreateRequest {
  /** 我已阅读以上条款 */
  acceptNotice: true;
  noticeVersion: string;
}

/** pending → approved | rejected; approved → published once the dossier is ready (卷宗网上处理完成). */
export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'published';
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待审核',
  approved: '已通过（卷宗处理中）',
  rejected: '未通过',
  published: '卷宗可下载',
};

/** The published dossier of a review; its passwords only ever travel by SMS. */
export interface DossierSummary {
  fileName: string;
  size: number;
  /** Lowercase hex SHA-256 of the archive. */
  sha256: string;
  pages: number;
  publishedAt: string;
}

/** One 在线阅卷 application. */
export interface ReviewView {
  id: string;
  bindingId: string;
  caseName: string;
  procuratorate: ProcuratorateRef;
  status: ReviewStatus;
  statusLabel: string;
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
  dossier: DossierSummary | null;
}

export type AppointmentType = '在线阅卷';

/** One entry of 辩护与代理网上预约; its id is the review's id (for 卷宗下载). */
export interface AppointmentView extends ReviewView {
  type: AppointmentType;
}

/** GET /api/appointments — newest first. */
export interface AppointmentListResponse {
  items: AppointmentView[];
}
