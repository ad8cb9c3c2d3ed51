/**
 * Opens a PDF with pdf.js in Node, decrypting in memory. Tries no password first (documents with
 * only an owner password open without one, and refuse a wrong user password), then each given one.
 * An AES-256 (R6) password check costs ~150 ms: callers that know which password opened a document
 * before pass it as `tryFirst`.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/errors';
import { hasPdfHeader } from './pdf-header';
import { pdfjsAssetOptions } from './pdfjs-options';

export interface OpenedPdf {
  pdf: PDFDocumentProxy;
  /** The password that opened it; null when it opened without one. */
  password: string | null;
  /** Releases pdf.js's memory for the document. */
  close(): Promise<void>;
}

export interface OpenPdfOptions {
  /** Tried before anything else (null: no password), e.g. what opened this document last time. */
  tryFirst?: string | null;
}

interface PdfJsError {
  name?: string;
  message?: string;
}

class PasswordRefused extends Error {}

async function attempt(bytes: Uint8Array, password: string | null): Promise<OpenedPdf> {
  // getDocument transfers (detaches) the buffer it is given: always hand it a copy.
  const task = getDocument({ ...pdfjsAssetOptions(), data: new Uint8Array(bytes), ...(password === null ? {} : { password }) });
  try {
    const pdf = await task.promise;
    return { pdf, password, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    if ((error as PdfJsError | null)?.name === 'PasswordException') throw new PasswordRefused();
    throw new AppError('INTERNAL', `PDF 文档已损坏，无法打开：${(error as PdfJsError | null)?.message ?? String(error)}`);
  }
}

/** The order passwords are tried in: the hint, none, then the given ones; each once. */
function candidates(passwords: readonly string[], options: OpenPdfOptions): (string | null)[] {
  const order: (string | null)[] = [];
  if (options.tryFirst !== undefined && options.tryFirst !== '') order.push(options.tryFirst);
  order.push(null);
  for (const password of passwords) if (password !== '') order.push(password);
  return [...new Set(order)];
}

/**
 * Throws AppError UNSUPPORTED_MEDIA_TYPE for bytes that are not a PDF, INTERNAL for a damaged one,
 * PASSWORD_REQUIRED when it needs a password and none was given, WRONG_PASSWORD when none of the
 * given ones opened it.
 */
export async function openPdf(bytes: Uint8Array, passwords: readonly string[], options: OpenPdfOptions = {}): Promise<OpenedPdf> {
  if (!hasPdfHeader(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不是 PDF 文档');
  const order = candidates(passwords, options);
  for (const password of order) {
    try {
      return await attempt(bytes, password);
    } catch (error) {
      if (!(error instanceof PasswordRefused)) throw error;
    }
  }
  if (order.every((password) => password === null)) throw new AppError('PASSWORD_REQUIRED', '该 PDF 文档需要打开密码');
  throw new AppError('WRONG_PASSWORD', 'PDF 文档打开密码不正确');
}

/** Whether an opened document is encrypted (also one that opened without a password: owner password only). */
export async function isEncrypted(opened: OpenedPdf): Promise<boolean> {
  if (opened.password !== null) return true;
  const { info } = await opened.pdf.getMetadata();
  return typeof (info as { EncryptFilterName?: unknown }).EncryptFilterName === 'string';
}
