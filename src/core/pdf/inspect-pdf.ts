/** What `dossier inspect` reports about a PDF: pages, encryption, and optionally its text. */
import { normalizeForSearch } from '../../shared/cjk-text';
import { isEncrypted, openPdf } from './open-pdf';
import { pageTexts } from './page-texts';

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
 * (not a PDF) or INTERNAL (damaged), as openPdf does.
 */
export async function inspectPdf(bytes: Uint8Array, password?: string, options: { text?: boolean } = {}): Promise<PdfInspection> {
  const opened = await openPdf(bytes, password === undefined ? [] : [password]);
  try {
    const result: PdfInspection = {
      pages: opened.pdf.numPages,
      encrypted: await isEncrypted(opened),
      needsPassword: opened.password !== null,
    };
    if (options.text) result.text = (await pageTexts(opened.pdf)).map(normalizeForSearch);
    return result;
  } finally {
    await opened.close();
  }
}
