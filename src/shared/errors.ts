/**
 * Errors cross every boundary (portal → core → transport → renderer) as `{code, message}`.
 * Codes are stable identifiers the UI translates; `message` is a fallback in plain words.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CALL',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QR_EXPIRED',
  'QR_USED',
  'QR_CANCELLED',
  'NOT_ACTIVATED',
  'FACE_CHECK_FAILED',
  'PHONE_MISMATCH',
  'WRONG_PASSWORD',
  'LOCKED_OUT',
  'RATE_LIMITED',
  'STEP_UP_REQUIRED',
  'REVIEW_UNAVAILABLE',
  'LINK_EXPIRED',
  'RANGE_NOT_SATISFIABLE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_SIGNED_IN',
  'PORTAL_UNREACHABLE',
  'PORTAL_ERROR',
  'PASSWORD_REQUIRED',
  'UNSAFE_ARCHIVE',
  'CORRUPT_ARCHIVE',
  'UNSUPPORTED_ARCHIVE',
  'INSUFFICIENT_SPACE',
  'DIGEST_MISMATCH',
  'DISK_FULL',
  /** A browser's download (the 门户网站 window) stopped; it cannot be resumed from the app. */
  'DOWNLOAD_INTERRUPTED',
  /** 卷宗库锁 is locked (or, without one, 退出登录 withholds the passwords until the next sign-in). */
  'LIBRARY_LOCKED',
  /** An untrusted file over a reading limit (size, pages, time, memory): it is skipped, not read. */
  'LIMIT_EXCEEDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Turns anything thrown into the payload that may cross a boundary (never a stack trace). */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    if (isErrorCode(code) && typeof message === 'string') return { code, message };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
