/**
 * How much of an untrusted PDF is read, at most. A document over a limit is refused with
 * LIMIT_EXCEEDED naming it, and left unread: one hostile file must not hold the app.
 */
import { AppError } from '../../shared/errors';

export interface PdfLimits {
  /** Most pages a document may have (its page tree's /Count, checked before any page is read). */
  maxPages: number;
  /** Largest file whose text is read or inspected: it is read whole into the reading thread's memory. */
  maxTextFileBytes: number;
  /** Largest file whose pages are counted: read by ranges, only what the page tree needs. */
  maxCountFileBytes: number;
  /** Most characters of text taken from one document. */
  maxTextChars: number;
}

const MIB = 1024 * 1024;

/**
 * Scanned volumes from the portal run to a few hundred pages and tens of MB. A file read for text
 * is held twice while it is parsed (pdf.js takes a copy per password tried), within the reading
 * thread's 768 MB outside its heap (src/core/pdf-worker); a file counted by ranges takes its size
 * there, untouched until read. 16 million characters are 800 per page of
 * 20,000 pages; core keeps them (and their search form) in memory.
 */
export const PDF_LIMITS: Readonly<PdfLimits> = {
  maxPages: 20_000,
  maxTextFileBytes: 256 * MIB,
  maxCountFileBytes: 512 * MIB,
  maxTextChars: 16 * MIB,
};

export function limitExceeded(what: string): AppError {
  return new AppError('LIMIT_EXCEEDED', `超出读取限制：${what}`);
}

function describeBytes(bytes: number): string {
  return `${Math.round(bytes / MIB)} MB`;
}

/** Refuses a file larger than `max` bytes before anything of it is read. */
export function checkFileSize(size: number, max: number): void {
  if (size > max) throw limitExceeded(`文件 ${describeBytes(size)}，上限 ${describeBytes(max)}`);
}

/**
 * A page count as a document states it, checked: pdf.js takes the page tree's /Count as it is
 * (a lying /Count -5 comes back as -5). Not a whole number of at least 1: damaged. Over the limit:
 * LIMIT_EXCEEDED.
 */
export function checkedPageCount(count: unknown, maxPages: number): number {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new AppError('INTERNAL', `无法读取 PDF 文档：页数无效（${String(count)}）`);
  }
  if (count > maxPages) throw limitExceeded(`${count} 页，上限 ${maxPages} 页`);
  return count;
}
