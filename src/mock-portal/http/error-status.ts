import type { ErrorCode } from '../../shared/errors';

/** The HTTP status each error code is answered with. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_CALL: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QR_EXPIRED: 410,
  QR_USED: 409,
  QR_CANCELLED: 409,
  NOT_ACTIVATED: 403,
  FACE_CHECK_FAILED: 422,
  PHONE_MISMATCH: 403,
  NOT_SIGNED_IN: 401,
  PORTAL_UNREACHABLE: 502,
  PORTAL_ERROR: 502,
  INTERNAL: 500,
};
