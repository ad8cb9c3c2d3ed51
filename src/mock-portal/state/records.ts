/**
 * What the mock portal keeps about the world. Persisted records are validated when loaded, so a
 * hand-edited or older data file fails with a clear message instead of half-working. New
 * collections get a default, so data files of earlier versions keep loading.
 */
import { z } from 'zod';

/**
 * One lawyer, as the two systems know them together, keyed by ID number: the 中国律师身份核验
 * phone app (`activatedAt`: identity verified and phone bound) and 12309 (`registered`). A record
 * exists once either knows the lawyer, and `phone` is the one number of both: activation on a
 * lawyer 12309 already knows must bind that same phone (PHONE_MISMATCH otherwise).
 */
export const accountRecordSchema = z.object({
  id: z.string(),
  /** Identity as verified by the 中国律师身份核验 activation (or as registered at 12309). */
  name: z.string(),
  idNumber: z.string(),
  licenseNumber: z.string(),
  phone: z.string(),
  /** null: registered at 12309 only, the phone app not yet activated (QR scans refused until it is). */
  activatedAt: z.string().nullable(),
  /** Registered at 12309 (完善信息 submitted, or registered by other means). */
  registered: z.boolean(),
  /** Agreed to 授权信息 for QR login at least once. */
  qrAuthorized: z.boolean(),
  lawFirm: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  /** scrypt hash of the 12309 login password (`scrypt$salt$key`), null until one is set. */
  passwordHash: z.string().nullable().default(null),
  /** Wrong passwords in a row, and the lockout they caused. */
  failedPasswordAttempts: z.number().int().nonnegative().default(0),
  passwordLockedUntil: z.string().nullable().default(null),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** How a token was obtained: lawyers who did not scan must still scan for the guarded actions (manual §2 注). */
export const loginMethodSchema = z.enum(['qr', 'sms', 'password']);
export type LoginMethod = z.infer<typeof loginMethodSchema>;

/** A bearer token, known only by its SHA-256: the token itself is never stored. */
export const tokenRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  accountId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  method: loginMethodSchema.default('qr'),
});

/** A file a lawyer uploaded for a binding (律师执业证, 授权委托书 …); its bytes live in the upload store. */
export const uploadRecordSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(['license', 'power-of-attorney', 'legal-aid-letter', 'law-firm-letter', 'client-id', 'kinship-proof']),
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: z.string(),
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

/** 案件绑定申请 (manual §3). */
export const bindingRecordSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  procuratorateId: z.string(),
  caseName: z.string(),
  departmentCaseNo: z.string().nullable(),
  suspectName: z.string().nullable(),
  /** 辩护人 or 诉讼代理人 */
  role: z.enum(['defender', 'agent']),
  clientName: z.string(),
  /** The 委托人's relation to the suspect / party: themselves, or a relative (then 亲属关系证明 is required). */
  clientRelation: z.enum(['self', 'spouse', 'parent', 'child', 'sibling', 'other-relative', 'guardian', 'legal-aid']),
  uploadIds: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type BindingRecord = z.infer<typeof bindingRecordSchema>;

/** The dossier published for an approved review: where its archive is and how to check it. */
export const dossierRecordSchema = z.object({
  fileName: z.string(),
  format: z.enum(['zip', '7z']),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive(),
  /** Key in the dossier file store (memory, or `<data>/dossiers/<key>`). */
  storageKey: z.string(),
  publishedAt: z.string(),
  /** scrypt hash of the 卷宗下载密码; the 卷宗文档打开密码 is only ever in the SMS and the PDFs. */
  downloadPasswordHash: z.string(),
});
export type DossierRecord = z.infer<typeof dossierRecordSchema>;

/**
 * 申请在线阅卷 (manual §4): also the lawyer's 辩护与代理网上预约 entry of type 在线阅卷 (manual §6).
 * pending → approved | rejected; approved → published once the dossier is ready (卷宗网上处理完成).
 */
export const reviewRecordSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  bindingId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'published']),
  rejectReason: z.string().nullable(),
  noticeAcceptedAt: z.string(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  dossier: dossierRecordSchema.nullable(),
  /** Wrong 卷宗下载密码 attempts in a row, and the lockout they caused. */
  failedDownloadAttempts: z.number().int().nonnegative().default(0),
  lockedUntil: z.string().nullable().default(null),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

/** One SMS the portal sent, as it sits in the recipient phone's inbox. */
export const smsRecordSchema = z.object({
  id: z.string(),
  phone: z.string(),
  kind: z.enum(['login-code', 'binding-approved', 'binding-rejected', 'review-approved', 'review-rejected', 'dossier-ready']),
  text: z.string(),
  sentAt: z.string(),
});
export type SmsRecord = z.infer<typeof smsRecordSchema>;

/** One notification in the lawyer's 消息 on the portal: the SMS events in the portal's words, never a password. */
export const messageRecordSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(['binding-approved', 'binding-rejected', 'review-approved', 'review-rejected', 'dossier-ready']),
  title: z.string(),
  text: z.string(),
  /** The binding or review it is about. */
  subjectId: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type MessageRecord = z.infer<typeof messageRecordSchema>;
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

export const STATE_VERSION = 1;

export const persistedStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  instanceId: z.string().min(1),
  accounts: z.array(accountRecordSchema).default([]),
  tokens: z.array(tokenRecordSchema).default([]),
  uploads: z.array(uploadRecordSchema).default([]),
  bindings: z.array(bindingRecordSchema).default([]),
  reviews: z.array(reviewRecordSchema).default([]),
  messages: z.array(messageRecordSchema).default([]),
  /** Inboxes are memory only; older data files that carried them still load, and are rewritten without. */
  sms: z.array(smsRecordSchema).optional(),
});
export type PersistedState = z.infer<typeof persistedStateSchema>;
