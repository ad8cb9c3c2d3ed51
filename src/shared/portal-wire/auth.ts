/** Portal wire types: health, identity activation, QR login, the lawyer's own profile. */
import type { ErrorCode } from '../errors';

export interface PortalErrorBody {
  error: { code: ErrorCode; message: string };
}

/** GET /api/health */
export interface PortalHealth {
  name: string;
  /** true for the bundled mock portal: the app shows the 演示环境 banner. */
  mock: boolean;
  /** Stable per portal data set; the app keys its stored session by it. */
  instanceId: string;
  version: string;
}

/** POST /api/phone/activate — the 中国律师身份核验 mini-program's activation (manual §1). */
export interface PhoneActivateRequest {
  name: string;
  idNumber: string;
  licenseNumber: string;
  phone: string;
  /** The simulated face check; `fail` lets a demo show the failure path. Defaults to `pass`. */
  faceCheck?: 'pass' | 'fail';
}
export interface PhoneActivateResponse {
  name: string;
  phone: string;
  licenseNumber: string;
}

/** `login` signs in at the portal page; `verify` is a step-up verification by an already signed-in lawyer. */
export type QrPurpose = 'login' | 'verify';
export type QrState = 'waiting' | 'scanned' | 'confirmed' | 'cancelled' | 'expired';

/** POST /api/auth/qr-sessions → 201 */
export interface QrSessionCreateRequest {
  purpose: QrPurpose;
}
/** POST /api/auth/qr-sessions and GET /api/auth/qr-sessions/{id} */
export interface QrSessionView {
  id: string;
  purpose: QrPurpose;
  /** The text encoded in the QR image; the phone app scans exactly this. */
  qrText: string;
  state: QrState;
  expiresAt: string;
  /** Name of the lawyer whose phone scanned it, once scanned. */
  scannedBy: string | null;
}

/** POST /api/auth/qr-sessions/{id}/token — single use, only once confirmed. */
export interface LoginTokenResponse {
  token: string;
  expiresAt: string;
  /** How this token was obtained; guarded actions ask non-QR logins to scan first. */
  method: LoginMethod;
}

/** POST /api/phone/scan */
export interface PhoneScanRequest {
  qrText: string;
  phone: string;
}
export interface PhoneScanResponse {
  sessionId: string;
  purpose: QrPurpose;
  /** What the phone shows the lawyer before they confirm. */
  prompt: string;
}

/** POST /api/phone/confirm */
export interface PhoneConfirmRequest {
  sessionId: string;
  phone: string;
  decision: 'confirm' | 'cancel';
}
export interface PhoneConfirmResponse {
  sessionId: string;
  state: QrState;
}

/**
 * Where a signed-in lawyer stands (manual §2 step 4): a lawyer new to 12309 must agree to 授权信息
 * and then fill 完善信息; a registered lawyer scanning for the first time only agrees; afterwards
 * they go straight to 个人中心.
 */
export type AccountStage = 'authorize' | 'complete-profile' | 'ready';

export interface LawyerProfile {
  name: string;
  /** Masked ID number, e.g. 110101********1234: the full number never leaves the portal. */
  idNumberMasked: string;
  licenseNumber: string;
  phone: string;
  lawFirm: string | null;
  email: string | null;
  address: string | null;
}

/** GET /api/me, POST /api/me/authorization, PUT /api/me/profile */
export interface MeResponse {
  stage: AccountStage;
  lawyer: LawyerProfile;
}

/** PUT /api/me/profile (完善信息) */
export interface CompleteProfileRequest {
  lawFirm: string;
  email?: string;
  address?: string;
}

/** The guarded actions a lawyer must verify by scanning for (manual §2 注). */
export type StepUpAction = 'binding' | 'appointment' | 'review' | 'download';

/** POST /api/step-up → 201 a QrSessionView with purpose `verify`; the lawyer's own phone scans and confirms it. */
export interface StepUpRequest {
  action: StepUpAction;
}

/** The header a guarded call carries: the id of a confirmed verify session. */
export const STEP_UP_HEADER = 'X-Step-Up';

/** Which way a lawyer signed in. */
export type LoginMethod = 'qr' | 'sms' | 'password';

/** POST /api/auth/sms-codes → 202: sends a 6-digit login code to the phone's SMS inbox. */
export interface SmsCodeRequest {
  phone: string;
}
export interface SmsCodeResponse {
  /** When the code stops working. */
  expiresAt: string;
  /** Seconds until another code may be requested for this phone. */
  resendAfterSeconds: number;
}

/** POST /api/auth/sms-login → LoginTokenResponse */
export interface SmsLoginRequest {
  phone: string;
  code: string;
}

/** POST /api/auth/password-login → LoginTokenResponse */
export interface PasswordLoginRequest {
  phone: string;
  password: string;
}

/** PUT /api/me/password → 204. `currentPassword` is required once a password is set. */
export interface ChangePasswordRequest {
  currentPassword?: string;
  newPassword: string;
}

export type SmsKind = 'login-code' | 'binding-approved' | 'binding-rejected' | 'review-approved' | 'review-rejected' | 'dossier-ready';

export interface SmsMessage {
  id: string;
  kind: SmsKind;
  text: string;
  sentAt: string;
}

/** GET /api/phone/sms?phone=P — the simulated phone's inbox, newest first. */
export interface SmsInboxResponse {
  messages: SmsMessage[];
}
