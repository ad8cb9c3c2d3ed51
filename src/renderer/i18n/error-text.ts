import type { i18n as I18n } from 'i18next';
import { errorCode } from '../transport/client-error';
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
 * Where a code means something narrower than its general text: PASSWORD_REQUIRED at 卷宗下载密码
 * is the download's password left empty, not an encrypted archive's.
 */
const contextKeys = {
  downloadPassword: { PASSWORD_REQUIRED: 'downloadPassword.required' },
} as const;

export type ErrorContext = keyof typeof contextKeys;
type ContextKey = (typeof contextKeys)[ErrorContext][keyof (typeof contextKeys)[ErrorContext]];

/**
 * What to show the lawyer for a failed call: the code's text in the current language (the
 * context's own where it has one), falling back to the error's own message for codes the UI does
 * not know. The one place a code becomes words: components branch on codes, never phrase them.
 */
export function errorText(i18n: I18n, error: unknown, context?: ErrorContext): string {
  const code = errorCode(error);
  const special = code && context ? (contextKeys[context] as Partial<Record<string, ContextKey>>)[code] : undefined;
  if (special) return i18n.t(special);
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
