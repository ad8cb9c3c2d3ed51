/**
 * The app contract: every call the renderer may make on core and every event core may push to it,
 * defined once. Main registers IPC handlers from it, the preload builds its allow-list from it, the
 * web host serves it over WebSocket, and the renderer gets a typed client from it.
 */
import { z } from 'zod';

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
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsSchema = z.object({
  locale: localeSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const completeProfileInput = z
  .object({
    lawFirm: z.string().trim().min(2, '律师事务所名称至少 2 个字').max(100),
    email: z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')]).optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

export const noticeSchema = z.object({
  code: z.enum(['SECRET_STORE_MEMORY']),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

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
} as const satisfies Record<string, CallSpec>;

export const events = {
  /** A followed QR session changed state (scanned, confirmed, cancelled, expired). */
  'auth.qrState': qrSessionSchema,
  /** Signed in, stage changed, or signed out (including a token the portal no longer accepts). */
  'auth.sessionChanged': sessionSchema,
  /** Something the lawyer should be told once, e.g. that no keychain is available. */
  'app.notice': noticeSchema,
} as const satisfies Record<string, z.ZodType>;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallResult<N extends CallName> = z.output<(typeof calls)[N]['result']>;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

export const callNames = Object.keys(calls) as CallName[];
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
