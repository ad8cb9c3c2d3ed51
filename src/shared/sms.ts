/** What the app understands of a portal SMS (see sms-parser.ts). */
export type SmsKind = 'binding-approved' | 'binding-rejected' | 'review-approved' | 'review-rejected' | 'dossier-ready' | 'unknown';

export interface ParsedSms {
  kind: SmsKind;
  /** 【案件名】 of online-review SMS; null when the SMS names none. */
  caseName: string | null;
  /** The signing unit's short name, e.g. 涪陵区院. */
  unit: string | null;
  /** 卷宗下载密码 */
  downloadPassword: string | null;
  /** 卷宗文档打开密码 */
  openPassword: string | null;
}

/**
 * The passwords of an SMS kept for a case the app may not know from an appointment (one handled on
 * the real portal's site): listed in 消息, attached to the dossier when an archive of that case arrives.
 * The passwords themselves stay in the keychain; this says only which are kept.
 */
export interface KeptSms {
  id: string;
  caseName: string;
  unit: string | null;
  /** ISO time the SMS was pasted (the latest paste of the same case and unit). */
  keptAt: string;
  passwords: { download: boolean; open: boolean };
  /** The 卷宗库 dossier the passwords were attached to; null until an archive of the case arrived. */
  dossierId: string | null;
}
