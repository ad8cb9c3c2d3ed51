import type { i18n as I18n } from 'i18next';
import { errorCode } from '../transport/client-error';

/**
 * Codes whose message carries the actual detail (which field, what the portal said, which entry
 * of an archive was refused, what the staging upload answered).
 */
const detailCodes = new Set(['VALIDATION', 'PORTAL_ERROR', 'UNSAFE_ARCHIVE', 'UPLOAD_FAILED', 'DOWNLOAD_INTERRUPTED']);

/**
 * Codes whose server message is a complete sentence with the detail the lawyer needs (tries left,
 * minutes until the lock ends, which unit): shown as it is in Chinese, after the code's text in English.
 */
const sentenceCodes = new Set([
  'WRONG_PASSWORD',
  'LOCKED_OUT',
  'RATE_LIMITED',
  'REVIEW_UNAVAILABLE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]);

const cjk = /[\u3400-\u9fff]/;

/**
 * Where a code means something narrower than its general text: PASSWORD_REQUIRED at 卷宗下载密码
 * is the download's password left empty, not an encrypted archive's.
 */
const contextKeys = {
  downloadPassword: { PASSWORD_REQUIRED: 'downloadPassword.required' },
} satisfies Record<string, Record<string, string>>;

export type ErrorContext = keyof typeof contextKeys;

/**
 * What to show the lawyer for a failed call: the code's text in the current language (the
 * context's own where it has one), falling back to the error's own message for codes the UI does
 * not know. The one place a code becomes words: components branch on codes, never phrase them.
 */
export function errorText(i18n: I18n, error: unknown, context?: ErrorContext): string {
  const code = errorCode(error);
  const special = code && context ? (contextKeys[context] as Record<string, string>)[code] : undefined;
  if (special) return i18n.t(special);
  const raw = error && typeof error === 'object' && 'message' in error ? (error as { message: unknown }).message : error;
  const message = typeof raw === 'string' ? raw : '';
  const key = code ? `errors.${code}` : null;
  if (key && i18n.exists(key)) {
    const base = i18n.t(key);
    if (code && sentenceCodes.has(code) && message && message !== base) {
      if (i18n.language !== 'en' && cjk.test(message)) return message;
      return i18n.language === 'en' ? `${base}: ${message}` : `${base}：${message}`;
    }
    if (code && detailCodes.has(code) && message) {
      return i18n.language === 'en' ? `${base}: ${message}` : `${base}：${message}`;
    }
    return base;
  }
  return message || i18n.t('errors.INTERNAL');
}
