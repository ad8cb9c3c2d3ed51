/**
 * The app contract: every call the renderer may make on core and every event core may push to it,
 * defined once. Main registers IPC handlers from it, the preload builds its allow-list from it, the
 * web host serves it over WebSocket, and the renderer gets a typed client from it.
 */
import { z } from 'zod';
import type {
  AppointmentView,
  BindingView,
  BoundCaseView,
  PortalMessage,
  Procuratorate,
  ReviewNotice,
  ReviewView,
  UploadView,
} from './portal-wire';
import {
  dossierPasswordInput,
  importSourceSchema,
  type DossierDetail,
  type DossierSummary,
  type DownloadedDossier,
  type DownloadItem,
} from './library';
import type { NumberedDocument } from './dossier-page-numbers';
import type { OcrStatus, RecognisedPage } from './ocr';
import { pickupOfferIdSchema, type PickupList, type PickupOffer } from './pickup';
import type { KeptSms, ParsedSms } from './sms';
import {
  documentRef,
  MAX_MARK_PAGES,
  MAX_READ_BYTES,
  noteInput,
  readingPositionSchema,
  type DocumentContents,
  type DocumentInfo,
  MAX_FIND_HITS,
  type FindProgress,
  type DocumentProgress,
  type FindResult,
  type Note,
  type ReadingNotesExport,
} from './viewer';

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

const empty = z.object({}).strict();

export const lawyerSchema = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  licenseNumber: z.string(),
  phone: z.string(),
  lawFirm: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type Lawyer = z.infer<typeof lawyerSchema>;

export const sessionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-out') }),
  z.object({
    status: z.literal('signed-in'),
    stage: z.enum(['authorize', 'complete-profile', 'ready']),
    lawyer: lawyerSchema,
  }),
]);
export type Session = z.infer<typeof sessionSchema>;

export const qrStateSchema = z.enum(['waiting', 'scanned', 'confirmed', 'cancelled', 'expired']);

export const qrSessionSchema = z.object({
  id: z.string(),
  qrText: z.string(),
  state: qrStateSchema,
  expiresAt: z.string(),
  scannedBy: z.string().nullable(),
});
export type QrSession = z.infer<typeof qrSessionSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  portal: z.object({
    url: z.string(),
    name: z.string().nullable(),
    /** The bundled mock portal (or any portal that says it is a mock): the UI shows the demo banner. */
    mock: z.boolean(),
    reachable: z.boolean(),
  }),
  /** Where secrets live: the OS keychain, or (when none is available) memory for this session only. */
  secretStore: z.enum(['keychain', 'memory']),
  /** The managed folder dossiers are downloaded and imported into (the setting, or its default). */
  libraryFolder: z.string(),
  /** What 门户网站 opens: the real portal's site, or the bundled mock portal's (mock: true). */
  portalSite: z.object({ url: z.string(), mock: z.boolean() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The viewer's side panel (目录 / 搜索 / 笔记), in CSS pixels: the lawyer drags it between these. */
export const VIEWER_SIDE_WIDTH = { min: 220, default: 300, max: 560 } as const;

export const settingsSchema = z.object({
  locale: localeSchema,
  /** The managed folder (absolute path); null means the default under the user's Documents. */
  libraryFolder: z.string().min(1).max(1024).nullable(),
  /** The lawyer's name and the date over every page the viewer shows (on by default: dossiers are confidential). */
  watermark: z.boolean(),
  /** Width of the viewer's side panel, as the lawyer last dragged it. */
  viewerSideWidth: z.number().int().min(VIEWER_SIDE_WIDTH.min).max(VIEWER_SIDE_WIDTH.max),
  /** The side menu folded to its icons (in a wide window; a narrow one folds it anyway). */
  sideNavCollapsed: z.boolean(),
  /** 门户网站 opens the real 12309 site (realPortalUrl) rather than the bundled mock portal's site. */
  useRealPortalSite: z.boolean(),
  /** The real portal's web address: 门户网站 shows it, and its downloads come into 卷宗库. */
  realPortalUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'Not a web address (http:// or https://)'),
  /** 下载文件夹: watch where browsers save downloads and offer dossier archives for 导入卷宗. */
  pickupEnabled: z.boolean(),
  /** Folders the lawyer added to the watched ones (absolute paths). */
  pickupFolders: z.array(z.string().min(1).max(1024)).max(20),
  /** Import a recognised dossier archive at once instead of offering it. */
  pickupAutoImport: z.boolean(),
  /** Largest unpacked size of one dossier archive, in GB (GiB): bigger ones are refused before extraction. */
  maxUnpackedGb: z.number().int().min(1).max(4096),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The real 12309 中国检察网 (门户网站 with useRealPortalSite). */
export const REAL_PORTAL_URL = 'https://www.12309.gov.cn';

/** Settings before the lawyer changed any. */
export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  libraryFolder: null,
  watermark: true,
  viewerSideWidth: VIEWER_SIDE_WIDTH.default,
  sideNavCollapsed: false,
  useRealPortalSite: false,
  realPortalUrl: REAL_PORTAL_URL,
  pickupEnabled: true,
  pickupFolders: [],
  pickupAutoImport: false,
  maxUnpackedGb: 20,
};

export const completeProfileInput = z
  .object({
    lawFirm: z.string().trim().min(2, '律师事务所名称至少 2 个字').max(100),
    email: z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')]).optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

export const noticeSchema = z.object({
  code: z.enum(['SECRET_STORE_MEMORY', 'READING_PROGRESS_RESET', 'DOSSIER_TEXT_RESET']),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

const phoneInput = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');

/** Guarded portal actions (manual §2 注): a lawyer who did not log in by QR scans again first. */
export const stepUpActionSchema = z.enum(['binding', 'appointment', 'review', 'download']);
export type StepUpActionName = z.infer<typeof stepUpActionSchema>;
/**
 * The confirmed verification (from `stepUp.start`) a guarded call carries. Without one, a guarded
 * call may fail with STEP_UP_REQUIRED; the UI then runs the scan and retries with its id.
 */
const stepUpId = z.string().min(1).max(100).optional();

export const uploadKindSchema = z.enum([
  'license',
  'power-of-attorney',
  'legal-aid-letter',
  'law-firm-letter',
  'client-id',
  'kinship-proof',
]);

/** Largest upload the portal takes (10 MiB), as base64 characters. */
const MAX_UPLOAD_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

export const uploadInput = z
  .object({
    kind: uploadKindSchema,
    fileName: z.string().trim().min(1).max(255),
    /** The file's bytes, base64: the contract is JSON on every transport. */
    dataBase64: z.string().min(1, '文件为空').max(MAX_UPLOAD_BASE64, '文件不能超过 10 MB'),
  })
  .strict();

export const bindingCreateInput = z
  .object({
    procuratorateId: z.string().min(1, '请选择受理单位'),
    caseName: z.string().trim().min(2, '请填写案件名称').max(100),
    departmentCaseNo: z.string().trim().max(60).optional(),
    suspectName: z.string().trim().max(30).optional(),
    role: z.enum(['defender', 'agent']),
    clientName: z.string().trim().min(2, '请填写委托人姓名').max(30),
    clientRelation: z.enum(['self', 'spouse', 'parent', 'child', 'sibling', 'other-relative', 'guardian', 'legal-aid']),
    uploads: z
      .object({
        license: z.string().min(1, '请上传律师执业证'),
        powerOfAttorney: z.string().min(1).optional(),
        legalAidLetter: z.string().min(1).optional(),
        lawFirmLetter: z.string().min(1, '请上传律师事务所函'),
        clientId: z.string().min(1, '请上传委托人身份证明'),
        kinshipProof: z.string().min(1).optional(),
      })
      .strict(),
    stepUpId,
  })
  .strict()
  .refine((form) => Boolean(form.departmentCaseNo || form.suspectName), {
    message: '部门受案号和犯罪嫌疑人姓名至少填写一项',
    path: ['departmentCaseNo'],
  });

/** An appointment (辩护与代理网上预约) as the app shows it: the portal's view plus what the app holds for it. */
export type AppointmentItem = AppointmentView & {
  /** Which of the dossier's passwords the app has in the keychain (values are never sent to the UI unasked). */
  passwords: { download: boolean; open: boolean };
  /** The dossier of 卷宗库 downloaded for it (已下载 · 【阅读】); null until a download was verified. */
  library: DownloadedDossier | null;
};

export interface MessageList {
  items: PortalMessage[];
  unread: number;
}

export interface SmsPasteResult {
  parsed: ParsedSms;
  /** The appointment whose passwords were stored, when one matched the SMS. */
  attachedTo: { appointmentId: string; caseName: string } | null;
  /** The passwords kept under the SMS's case and unit (for a dossier downloaded on the portal's site). */
  kept: { id: string; caseName: string; unit: string | null } | null;
  /** A dossier of the case already in 卷宗库 that was given the passwords. */
  dossier: { id: string; caseName: string } | null;
}

export interface Contacts {
  /** 中国律师身份核验 technical support (manual §1). */
  hotline: string;
  /** Procuratorates with their 案管大厅 phone numbers. */
  units: Procuratorate[];
}

/** 卷宗库锁: whether a passcode guards 卷宗库, whether it is locked now, and how it is opened. */
export const libraryLockStatusSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** `os`: the host can also ask the OS (Touch ID); the passcode always works. */
  method: z.enum(['passcode', 'os']),
  /** Too many wrong passcodes: no try is taken before this time (ISO). */
  lockedOutUntil: z.string().nullable(),
  /** No lock, and 退出登录 since the last sign-in: library.passwords waits for the next sign-in. */
  passwordsNeedSignIn: z.boolean(),
});
export type LibraryLockStatus = z.infer<typeof libraryLockStatusSchema>;

/** A 卷宗库锁 passcode: 4 to 32 characters. */
export const libraryPasscodeInput = z.string().min(4, '卷宗库密码至少 4 位').max(32, '卷宗库密码最多 32 位');

/** One call: a validated input and the shape of its result. */
export interface CallSpec {
  input: z.ZodType;
  result: z.ZodType;
}

export const calls = {
  /** Version, the portal connected to (and whether it is the mock), where secrets are kept. */
  'app.info': { input: empty, result: appInfoSchema },
  'settings.get': { input: empty, result: settingsSchema },
  'settings.update': { input: settingsSchema.partial().strict(), result: settingsSchema },
  /** The current session; signed in means a token the portal still accepts. */
  'auth.session': { input: empty, result: sessionSchema },
  /** 【律师认证登录】: a fresh QR login session; its state then arrives as `auth.qrState` events. */
  'auth.qrStart': { input: empty, result: qrSessionSchema },
  /** Stop following a QR session (the lawyer left the page). */
  'auth.qrStop': { input: z.object({ id: z.string().min(1) }).strict(), result: z.null() },
  /** 授权信息 【同意】 */
  'auth.agree': { input: empty, result: sessionSchema },
  /** 完善信息 【提交】 */
  'auth.completeProfile': { input: completeProfileInput, result: sessionSchema },
  /** 退出登录 */
  'auth.logout': { input: empty, result: sessionSchema },
  /** 手机号+验证码: ask the portal to text a login code. */
  'auth.smsCodeRequest': {
    input: z.object({ phone: phoneInput }).strict(),
    result: z.object({ resendAfterSeconds: z.number() }),
  },
  'auth.smsLogin': {
    input: z.object({ phone: phoneInput, code: z.string().trim().regex(/^\d{6}$/, '验证码为 6 位数字') }).strict(),
    result: sessionSchema,
  },
  /** 手机号+密码 */
  'auth.passwordLogin': {
    input: z.object({ phone: phoneInput, password: z.string().min(1, '请输入密码').max(64) }).strict(),
    result: sessionSchema,
  },
  /** Step-up verification: a QR to scan (purpose verify); its state arrives as `auth.qrState` events. */
  'stepUp.start': { input: z.object({ action: stepUpActionSchema }).strict(), result: qrSessionSchema },
  /** 受理单位 choices (and the 联系方式 directory). */
  'procuratorates.list': {
    input: z.object({ q: z.string().max(50).optional(), pilot: z.boolean().optional() }).strict(),
    result: z.custom<Procuratorate[]>(),
  },
  /** Uploads one material of the binding form; its id goes into `bindings.create`. */
  'uploads.add': { input: uploadInput, result: z.custom<UploadView>() },
  /** 案件绑定申请 list. */
  'bindings.list': { input: empty, result: z.custom<BindingView[]>() },
  /** 【申请绑定】…【确定】 */
  'bindings.create': { input: bindingCreateInput, result: z.custom<BindingView>() },
  /** 已绑定案件 */
  'boundCases.list': { input: empty, result: z.custom<BoundCaseView[]>() },
  /** 申请在线阅卷须知 */
  'reviews.notice': { input: empty, result: z.custom<ReviewNotice>() },
  /** 我已阅读以上条款 →【确定】 */
  'reviews.apply': {
    input: z
      .object({ bindingId: z.string().min(1), acceptNotice: z.literal(true), noticeVersion: z.string().min(1), stepUpId })
      .strict(),
    result: z.custom<ReviewView>(),
  },
  /** 辩护与代理网上预约 */
  'appointments.list': { input: empty, result: z.custom<AppointmentItem[]>() },
  /**
   * The 卷宗下载密码 kept (keychain) for one of the lawyer's appointments, to prefill 卷宗下载: read
   * whether or not its dossier is in 卷宗库 yet (the first download has none). NOT_FOUND for an
   * appointment that is not the lawyer's.
   */
  'appointments.downloadPassword': {
    input: z.object({ appointmentId: z.string().min(1).max(100) }).strict(),
    result: z.object({ download: z.string().nullable() }),
  },
  /** 消息: the portal's notifications, newest first. */
  'messages.list': { input: empty, result: z.custom<MessageList>() },
  'messages.markRead': {
    input: z.object({ ids: z.array(z.string().min(1)).max(500).optional() }).strict(),
    result: z.custom<MessageList>(),
  },
  /** 【粘贴短信】: parse an SMS and keep its passwords (keychain) for the matching appointment. */
  'sms.paste': { input: z.object({ text: z.string().min(1, '请粘贴短信内容').max(2000) }).strict(), result: z.custom<SmsPasteResult>() },
  /** SMS passwords kept by case and unit (【粘贴短信】), newest first: 消息 lists them. */
  'sms.kept': { input: empty, result: z.custom<KeptSms[]>() },
  /** Forgets a kept SMS and its passwords (a dossier they were attached to keeps its copies). */
  'sms.forget': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /**
   * 门户网站: the portal's site (real or mock, see app.info). A host with its own window for it (Electron)
   * opens it and answers opened: true; otherwise the renderer opens the URL in a new browser tab.
   */
  'portalSite.open': { input: empty, result: z.object({ url: z.string(), opened: z.boolean() }) },
  /** 下载文件夹: the folders watched for dossiers a browser downloaded, and the archives found there. */
  'pickup.list': { input: empty, result: z.custom<PickupList>() },
  /** 【导入】 an offered archive (a copy: the browser's file stays as it is). */
  'pickup.import': { input: z.object({ id: pickupOfferIdSchema }).strict(), result: z.custom<PickupOffer>() },
  /** 【忽略】: not offered again, nor any copy of the same bytes. */
  'pickup.ignore': { input: z.object({ id: pickupOfferIdSchema }).strict(), result: z.custom<PickupOffer>() },
  /** 帮助 ▸ 联系方式 */
  'contacts.list': { input: z.object({ q: z.string().max(50).optional() }).strict(), result: z.custom<Contacts>() },
  /**
   * 卷宗下载 of an appointment: asks the portal for a link with the 卷宗下载密码 (the one given, else the
   * one stored from the SMS; PASSWORD_REQUIRED when neither) and downloads into the managed folder.
   * Needs a step-up verification every time (STEP_UP_REQUIRED without one). The password is kept in
   * the keychain once the portal accepted it.
   */
  'downloads.start': {
    input: z.object({ appointmentId: z.string().min(1).max(100), password: dossierPasswordInput.optional(), stepUpId }).strict(),
    result: z.custom<DownloadItem>(),
  },
  /** Downloads of this run and those resumed from an earlier one, newest first. */
  'downloads.list': { input: empty, result: z.custom<DownloadItem[]>() },
  'downloads.pause': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.custom<DownloadItem>() },
  /**
   * Continues a paused or failed download from the bytes on disk. When its link has expired a new
   * one is needed: STEP_UP_REQUIRED without a step-up id.
   */
  'downloads.resume': {
    input: z.object({ id: z.string().min(1).max(100), stepUpId }).strict(),
    result: z.custom<DownloadItem>(),
  },
  /** Stops and deletes the partial file; an earlier good copy stays. */
  'downloads.cancel': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.custom<DownloadItem>() },
  /** 卷宗库: every verified dossier, searched by case, unit or file name when q is given. */
  'library.list': { input: z.object({ q: z.string().max(100).optional() }).strict(), result: z.custom<DossierSummary[]>() },
  /** One dossier with its extracted files. */
  'library.get': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.custom<DossierDetail>() },
  /**
   * Extracts (again) — after needs-password or a failure, or on demand. A password given is tried
   * and, when it opens the archive, stored as the dossier's open password.
   */
  'library.extract': {
    input: z.object({ id: z.string().min(1).max(100), password: dossierPasswordInput.optional() }).strict(),
    result: z.custom<DossierSummary>(),
  },
  /** Moves the dossier's folder to the system trash and forgets its passwords. */
  'library.remove': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /** Shows the dossier's folder in the file manager. */
  'library.reveal': { input: z.object({ id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /** 导入卷宗: copies an archive downloaded elsewhere into the managed folder and extracts it. */
  'library.import': {
    input: z
      .object({
        source: importSourceSchema,
        password: dossierPasswordInput.optional(),
        caseName: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    result: z.custom<DossierSummary>(),
  },
  /** The dossier's stored passwords, shown only when the lawyer asks (显示密码). */
  'library.passwords': {
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    result: z.object({ download: z.string().nullable(), open: z.string().nullable() }),
  },
  /** What a document of a dossier is (kind, size) before reading it. */
  'documents.info': { input: documentRef, result: z.custom<DocumentInfo>() },
  /** A byte range of a document file as it is on disk (still encrypted): pdf.js loads ranges lazily. */
  'documents.read': {
    input: documentRef.extend({ offset: z.number().int().min(0), length: z.number().int().min(1).max(MAX_READ_BYTES) }).strict(),
    result: z.object({ dataBase64: z.string() }),
  },
  /**
   * Opens a file of the dossier with the OS's app for its type (a .doc, a video): only files inside
   * the dossier's folder, never a program or script (UNSUPPORTED_MEDIA_TYPE).
   */
  'documents.openExternal': { input: documentRef, result: z.null() },
  /** Keeps an open password that opened a document of the dossier (keychain). */
  'library.rememberOpenPassword': {
    input: z.object({ id: z.string().min(1).max(100), password: dossierPasswordInput }).strict(),
    result: z.null(),
  },
  /**
   * Find across every document of the dossier, in one answer (every hit up to the limit, at most
   * MAX_FIND_HITS); text normalised (Kangxi radicals, full-width forms).
   */
  'dossier.find': {
    input: z
      .object({
        dossierId: z.string().min(1).max(100),
        query: z.string().trim().min(1).max(100),
        limit: z.number().int().min(1).max(MAX_FIND_HITS).optional(),
      })
      .strict(),
    result: z.custom<FindResult>(),
  },
  /**
   * The same search, streamed: its hits arrive as `dossier.findProgress` events carrying the
   * searchId the renderer chose (so no batch can arrive before the renderer knows it). Starting a
   * search stops the one running before.
   */
  'dossier.findStart': {
    input: z
      .object({ dossierId: z.string().min(1).max(100), query: z.string().trim().min(1).max(100), searchId: z.string().min(1).max(100) })
      .strict(),
    result: z.object({ searchId: z.string() }),
  },
  /** Stops a streamed search: no more batches follow. */
  'dossier.findCancel': { input: z.object({ searchId: z.string().min(1).max(100) }).strict(), result: z.null() },
  /**
   * The 卷内目录 of the dossier's volumes, read from the first pages of its PDFs with the stored open
   * password; PDFs without one, or that do not open, are left out (the viewer shows their files).
   */
  'dossier.contents': {
    input: z.object({ dossierId: z.string().min(1).max(100) }).strict(),
    result: z.custom<DocumentContents[]>(),
  },
  /**
   * 卷宗页码: every document of the dossier (file order) with its volume and, per PDF page, the
   * dossier page number and where it came from (the page's stamp, the 目录's 页次, or counting).
   */
  'dossier.pageNumbers': {
    input: z.object({ dossierId: z.string().min(1).max(100) }).strict(),
    result: z.custom<NumberedDocument[]>(),
  },
  /**
   * 文字识别: how far the background reading of each dossier has come (one dossier's when given).
   * Every page is read once, text layer or OCR, into the dossier's encrypted text store.
   */
  'ocr.status': { input: z.object({ dossierId: z.string().min(1).max(100).optional() }).strict(), result: z.custom<OcrStatus[]>() },
  /** Stops reading the dossier until resumed (kept across restarts). */
  'ocr.pause': { input: z.object({ dossierId: z.string().min(1).max(100) }).strict(), result: z.custom<OcrStatus>() },
  /** Goes on reading the dossier from the first page not read. */
  'ocr.resume': { input: z.object({ dossierId: z.string().min(1).max(100) }).strict(), result: z.custom<OcrStatus>() },
  /**
   * The recognised text of a scanned page, line by line with boxes (for the viewer's invisible
   * text layer); null when the page has its own text layer or is not read yet.
   */
  'dossier.pageText': {
    input: z.object({ dossierId: z.string().min(1).max(100), document: z.string().min(1).max(1024), page: z.number().int().min(1).max(100_000) }).strict(),
    result: z.custom<RecognisedPage | null>(),
  },
  'notes.list': { input: z.object({ dossierId: z.string().min(1).max(100) }).strict(), result: z.custom<Note[]>() },
  'notes.save': { input: z.object({ dossierId: z.string().min(1).max(100), note: noteInput }).strict(), result: z.custom<Note>() },
  'notes.remove': { input: z.object({ dossierId: z.string().min(1).max(100), id: z.string().min(1).max(100) }).strict(), result: z.null() },
  /** 阅卷笔录: a heading (case, unit, lawyer, firm, date, volumes), then every note with its citation (《第一卷·讯问笔录》第23页), as Markdown or DOCX, saved in the dossier's folder too. */
  'notes.export': {
    input: z.object({ dossierId: z.string().min(1).max(100), format: z.enum(['markdown', 'docx']) }).strict(),
    result: z.custom<ReadingNotesExport>(),
  },
  'reading.get': { input: z.object({ dossierId: z.string().min(1).max(100) }).strict(), result: readingPositionSchema.nullable() },
  'reading.set': { input: z.object({ dossierId: z.string().min(1).max(100), position: readingPositionSchema }).strict(), result: z.null() },
  /** Pages seen per document of the dossier (every file, seen or not), for 已读 marks and the % read. */
  'reading.progress': { input: z.object({ dossierId: z.string().min(1).max(100) }).strict(), result: z.custom<DocumentProgress[]>() },
  /** Adds pages the lawyer has seen (the viewer batches them); answers the document's progress. */
  'reading.markSeen': {
    input: z
      .object({
        dossierId: z.string().min(1).max(100),
        document: z.string().min(1).max(1024),
        pages: z.array(z.number().int().min(1).max(100_000)).min(1).max(MAX_MARK_PAGES),
      })
      .strict(),
    result: z.custom<DocumentProgress>(),
  },
  /** 卷宗库锁: its state (see LibraryLockStatus). */
  'library.lockStatus': { input: empty, result: libraryLockStatusSchema },
  /**
   * 【解锁】 with the passcode (WRONG_PASSWORD with the tries left; LOCKED_OUT for a few minutes after
   * the fifth wrong one); without a passcode, the OS's check where method is `os`.
   */
  'library.unlock': { input: z.object({ passcode: z.string().min(1).max(32).optional() }).strict(), result: libraryLockStatusSchema },
  /** Locks 卷宗库 now (no effect without a passcode). */
  'library.lock': { input: empty, result: libraryLockStatusSchema },
  /** 【设置密码】: sets or (with the current one) changes the passcode; the library stays open. */
  'library.setPasscode': {
    input: z.object({ current: z.string().min(1).max(32).optional(), next: libraryPasscodeInput }).strict(),
    result: libraryLockStatusSchema,
  },
  /** Removes the lock (its passcode needed). */
  'library.disableLock': { input: z.object({ passcode: z.string().min(1).max(32) }).strict(), result: libraryLockStatusSchema },
  /** Whose name the viewer's watermark carries: the signed-in lawyer, else the last one who signed in. */
  'library.watermark': { input: empty, result: z.object({ name: z.string().nullable(), lawFirm: z.string().nullable() }) },
} as const satisfies Record<string, CallSpec>;

export const events = {
  /** A followed QR session changed state (scanned, confirmed, cancelled, expired). */
  'auth.qrState': qrSessionSchema,
  /** Signed in, stage changed, or signed out (including a token the portal no longer accepts). */
  'auth.sessionChanged': sessionSchema,
  /** Something the lawyer should be told once, e.g. that no keychain is available. */
  'app.notice': noticeSchema,
  /** New portal notifications arrived, or some were read: the unread count for the 消息 badge. */
  'messages.changed': z.object({ unread: z.number().int().nonnegative() }),
  /** A download's progress or state changed (progress at most a few times a second). */
  'downloads.changed': z.custom<DownloadItem>(),
  /** A batch of a streamed search's hits and its progress (see `dossier.findStart`). */
  'dossier.findProgress': z.custom<FindProgress>(),
  /** 文字识别 of a dossier moved on (a page read, paused, done). */
  'ocr.progress': z.custom<OcrStatus>(),
  /** An archive in a download folder was found, imported, ignored or failed (下载文件夹). */
  'pickup.changed': z.custom<PickupOffer>(),
  /** A dossier was added, extracted, changed or removed: the 卷宗库 reloads. */
  'library.changed': z.object({ id: z.string() }),
  /** 卷宗库锁 locked, unlocked, set or removed: the lock screen follows it. */
  'library.lockChanged': libraryLockStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallResult<N extends CallName> = z.output<(typeof calls)[N]['result']>;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

export const callNames = Object.keys(calls) as CallName[];

/**
 * Calls whose answer holds a secret (a dossier password). A transport that can be reached by more
 * than the app's own page (the web host's socket) asks for the launch token again on each of them.
 */
export const secretCalls: ReadonlySet<CallName> = new Set<CallName>(['library.passwords', 'appointments.downloadPassword']);

export function isSecretCall(name: string): boolean {
  return (secretCalls as ReadonlySet<string>).has(name);
}
export const eventNames = Object.keys(events) as EventName[];

/** The calls as functions: what core implements and what every transport hands the renderer. */
export type DossierApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallResult<N>> };

export type EventListener<N extends EventName> = (payload: EventPayload<N>) => void;

/** Subscribing to core's events; returns the function that unsubscribes. */
export interface EventSource {
  on<N extends EventName>(name: N, listener: EventListener<N>): () => void;
}

/** IPC channel names, shared by main and preload so neither can drift from the contract. */
export const ipcChannel = {
  call: (name: CallName) => `dossier:call:${name}`,
  event: (name: EventName) => `dossier:event:${name}`,
};

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
