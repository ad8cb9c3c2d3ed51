/**
 * Portal wire types: the lawyer's notifications on the portal (消息). The same events the SMS
 * channel reports, in the portal's own words — without any password: those travel by SMS only.
 */
export type PortalMessageKind = 'binding-approved' | 'binding-rejected' | 'review-approved' | 'review-rejected' | 'dossier-ready';

export interface PortalMessage {
  id: string;
  kind: PortalMessageKind;
  title: string;
  text: string;
  /** The binding or review the message is about. */
  subjectId: string;
  createdAt: string;
  read: boolean;
}

/** GET /api/messages (Bearer) — newest first. */
export interface PortalMessageListResponse {
  items: PortalMessage[];
  unread: number;
}

/** POST /api/messages/read (Bearer): the given ids, or every message when `ids` is omitted. */
export interface PortalMessageReadRequest {
  ids?: string[];
}
