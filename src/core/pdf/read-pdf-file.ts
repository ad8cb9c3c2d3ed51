/**
 * A PDF file's text and facts, read within limits: what the worker thread (src/core/pdf-worker)
 * runs for search, 目录, 卷宗页码 and `inspect`. The file is read here, in the reading thread, so its
 * bytes never pass through core's.
 */
import { readFile, stat } from 'node:fs/promises';
import { inspectPdf, type PdfInspection } from './inspect-pdf';
import { openPdf } from './open-pdf';
import { readPages, type PageReadings } from './page-texts';
import { checkedPageCount, checkFileSize, PDF_LIMITS, type PdfLimits } from './pdf-limits';

export interface PdfFileReading extends PageReadings {
  pageCount: number;
  /** The password that opened it; null when it opened without one. */
  password: string | null;
}

export interface ReadPdfFileOptions {
  /** Tried before the others (null: none), e.g. what opened it last time. */
  tryFirst?: string | null;
  /** Only the first pages (a volume's cover and 目录). */
  upTo?: number;
}

async function readLimited(path: string, limits: PdfLimits): Promise<Uint8Array> {
  checkFileSize((await stat(path)).size, limits.maxTextFileBytes);
  return new Uint8Array(await readFile(path));
}

/** Each page's text and corner stamp. Throws as openPdf does, and LIMIT_EXCEEDED over a limit. */
export async function readPdfFile(path: string, passwords: readonly string[], options: ReadPdfFileOptions = {}, limits: PdfLimits = PDF_LIMITS): Promise<PdfFileReading> {
  const bytes = await readLimited(path, limits);
  const opened = await openPdf(bytes, passwords, options.tryFirst === undefined ? {} : { tryFirst: options.tryFirst });
  try {
    const pageCount = checkedPageCount(opened.pdf.numPages, limits.maxPages);
    const read = await readPages(opened.pdf, undefined, options.upTo, limits.maxTextChars);
    return { ...read, pageCount, password: opened.password };
  } finally {
    await opened.close();
  }
}

/** What `dossier inspect` reports of a file, within the same limits. */
export async function inspectPdfFile(path: string, password: string | undefined, options: { text?: boolean } = {}, limits: PdfLimits = PDF_LIMITS): Promise<PdfInspection> {
  return inspectPdf(await readLimited(path, limits), password, options, limits);
}
