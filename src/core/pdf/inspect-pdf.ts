/** What `dossier inspect` reports about a PDF: pages, encryption, and optionally its text. */
import { normalizeForSearch } from '../../shared/cjk-text';
import { isEncrypted, openPdf } from './open-pdf';
import { readPages } from './page-texts';
import { checkedPageCount, PDF_LIMITS, type PdfLimits } from './pdf-limits';

export interface PdfInspection {
  pages: number;
  /** Encrypted in any way, owner-password-only included. */
  encrypted: boolean;
  /** It opened only with the given password. */
  needsPassword: boolean;
  /** Each page's text normalised as for search; only when asked. */
  text?: string[];
}

/**
 * Throws AppError PASSWORD_REQUIRED (needs one, none given), WRONG_PASSWORD, UNSUPPORTED_MEDIA_TYPE
 * (not a PDF) or INTERNAL (damaged, or a page count that is none), as openPdf does; LIMIT_EXCEEDED
 * over a limit (pages, text).
 */
export async function inspectPdf(bytes: Uint8Array, password?: string, options: { text?: boolean } = {}, limits: PdfLimits = PDF_LIMITS): Promise<PdfInspection> {
  const opened = await openPdf(bytes, password === undefined ? [] : [password]);
  try {
    const result: PdfInspection = {
      pages: checkedPageCount(opened.pdf.numPages, limits.maxPages),
      encrypted: await isEncrypted(opened),
      needsPassword: opened.password !== null,
    };
    if (options.text) result.text = (await readPages(opened.pdf, undefined, undefined, limits.maxTextChars)).texts.map(normalizeForSearch);
    return result;
  } finally {
    await opened.close();
  }
}
