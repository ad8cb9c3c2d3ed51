import type { i18n as I18n } from 'i18next';
import type { Messages } from './zh-cn';

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


/** Whether the messages have words for a code that arrived at run time (every locale has the same keys). */
function hasText(i18n: I18n, code: string | null): code is keyof Messages['errors'] {
  return !!code && i18n.exists(`errors.${code}`);
}

/**
 * What to show the lawyer for a failed call: the code's text in the current language, falling
 * back to the error's own message for codes the UI does not know.
 */
export function errorText(i18n: I18n, error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : null;
  const raw = error && typeof error === 'object' && 'message' in error ? (error as { message: unknown }).message : error;
  const message = typeof raw === 'string' ? raw : '';
  if (hasText(i18n, code)) {
    const base = i18n.t(`errors.${code}`);
    if (sentenceCodes.has(code) && message && message !== base) {
      if (i18n.language !== 'en' && cjk.test(message)) return message;
      return i18n.language === 'en' ? `${base}: ${message}` : `${base}：${message}`;
    }
    if (detailCodes.has(code) && message) {
      return i18n.language === 'en' ? `${base}: ${message}` : `${base}：${message}`;
    }
    return base;
  }
  return message || i18n.t('errors.INTERNAL');
}
