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
