/**
 * Counts a PDF's pages with pdf.js in Node, decrypting in memory with the open password. Opening an
 * AES-256 (R6) document costs ~150 ms per password check, so callers count one document at a time.
 * The count is the page tree's, checked (a lying /Count is an error, never a negative page count).
 */
import { open } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../shared/errors';
import { FileRangeTransport } from './file-range-transport';
import { hasPdfHeader, PDF_HEADER_WINDOW } from './pdf-header';
import { checkedPageCount, checkFileSize, PDF_LIMITS, type PdfLimits } from './pdf-limits';

/** pdf.js PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2. */
const NEED_PASSWORD = 1;
/** What pdf.js reads of a file at a time when it reads by ranges. */
const RANGE_CHUNK = 64 * 1024;

interface PdfJsError {
  name?: string;
  code?: number;
  message?: string;
}

/** Where pdf.js takes a document from: a fresh source per attempt (pdf.js consumes it). */
type Source = () => { data: Uint8Array } | { range: FileRangeTransport; length: number };

async function numPages(source: Source, password: string | undefined): Promise<number> {
  const task = getDocument({
    ...source(),
    verbosity: 0,
    // Read by ranges: only what the page tree needs, nothing fetched ahead.
    rangeChunkSize: RANGE_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    ...(password ? { password } : {}),
  });
  try {
    const pdf = await task.promise;
    return pdf.numPages;
  } finally {
    await task.destroy();
  }
}

function isPasswordError(error: unknown): error is PdfJsError {
  return (error as PdfJsError | null)?.name === 'PasswordException';
}

function unreadable(error: unknown): AppError {
  return new AppError('INTERNAL', `无法读取 PDF 文档：${(error as PdfJsError | null)?.message ?? String(error)}`);
}

async function countFrom(source: Source, password: string | undefined, maxPages: number): Promise<number> {
  try {
    return checkedPageCount(await numPages(source, password), maxPages);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!isPasswordError(error)) throw unreadable(error);
    if (password) {
      // Documents with only an owner password open without one, but refuse a wrong user password.
      try {
        return checkedPageCount(await numPages(source, undefined), maxPages);
      } catch (retryError) {
        if (retryError instanceof AppError) throw retryError;
        if (!isPasswordError(retryError)) throw unreadable(retryError);
      }
      throw new AppError('WRONG_PASSWORD', 'PDF 文档打开密码不正确');
    }
    if (error.code === NEED_PASSWORD) throw new AppError('PASSWORD_REQUIRED', '该 PDF 文档需要打开密码');
    throw new AppError('WRONG_PASSWORD', 'PDF 文档打开密码不正确');
  }
}

/**
 * The page count of a PDF in memory. Throws AppError PASSWORD_REQUIRED / WRONG_PASSWORD when the
 * document is encrypted and the password is missing or wrong, UNSUPPORTED_MEDIA_TYPE for bytes that
 * are not a PDF, INTERNAL when pdf.js cannot read it or its count is not a page count,
 * LIMIT_EXCEEDED over `maxPages`.
 */
export async function countPdfPages(bytes: Uint8Array, password?: string, maxPages = PDF_LIMITS.maxPages): Promise<number> {
  if (!hasPdfHeader(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不是 PDF 文档');
  // getDocument transfers (detaches) the buffer it is given: always hand it a copy.
  return countFrom(() => ({ data: new Uint8Array(bytes) }), password, maxPages);
}

/**
 * The page count of a PDF file, read by ranges (never whole). A file without the PDF signature in
 * its first bytes is refused at once (UNSUPPORTED_MEDIA_TYPE), one over `maxCountFileBytes` too
 * (LIMIT_EXCEEDED); otherwise as countPdfPages.
 */
export async function countPdfFilePages(path: string, password?: string, limits: PdfLimits = PDF_LIMITS): Promise<number> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, PDF_HEADER_WINDOW));
    await file.read(head, 0, head.length, 0);
    if (!hasPdfHeader(head)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不是 PDF 文档');
    checkFileSize(size, limits.maxCountFileBytes);
    return await countFrom(() => ({ range: new FileRangeTransport(file, size), length: size }), password, limits.maxPages);
  } finally {
    await file.close();
  }
}
