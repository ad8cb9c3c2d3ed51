/**
 * Whether an archive in a download folder looks like a dossier: by what it holds (nothing but
 * documents the app reads) or by its name (it carries a case the app knows of).
 */
import { normalizeForSearch } from '../../shared/cjk-text';
import { documentKindOf } from '../../shared/document-title';
import { AppError } from '../../shared/errors';
import type { ArchiveListing } from '../archives';

/**
 * documents: every file is a PDF, image or TIFF (folders and a file manager's leftovers aside);
 * encrypted: its names are encrypted, so nothing is known of it without the download password;
 * other: anything else, or nothing at all; unreadable: corrupt, unsafe, not a zip or 7z.
 */
export type ArchiveContents = 'documents' | 'encrypted' | 'other' | 'unreadable';

/** What the lister says of the archive itself; anything else (7za missing, aborted) is not a verdict. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set(['CORRUPT_ARCHIVE', 'UNSUPPORTED_ARCHIVE', 'UNSAFE_ARCHIVE']);

/** Lists the archive (no password). Throws, without a verdict, when the listing itself could not run. */
export async function archiveContents(list: (path: string) => Promise<ArchiveListing>, path: string): Promise<ArchiveContents> {
  let listing;
  try {
    listing = await list(path);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PASSWORD_REQUIRED') return 'encrypted';
    if (error instanceof AppError && UNREADABLE_CODES.has(error.code)) return 'unreadable';
    throw error;
  }
  const kinds = listing.entries.filter((entry) => !entry.folder).map((entry) => documentKindOf(entry.path));
  const documents = kinds.filter((kind) => kind !== null);
  return documents.length > 0 && documents.every((kind) => kind !== 'other') ? 'documents' : 'other';
}

/** A browser's "another copy" suffix: 卷宗 (1).zip, 卷宗(2).7z, 卷宗（3）.zip. */
const COPY_SUFFIX = /\s*[(（]\d{1,3}[)）]$/;
/** A name that short inside a case name says little (卷宗.zip is not 张三卷宗案). */
const MIN_STEM_INSIDE_CASE = 4;

/**
 * The known case name the archive's file name carries (NFKC, no spaces, case folded): the longest
 * name inside the file name; failing that, the shortest name the file name is part of; else null.
 */
export function caseNameOf(fileName: string, caseNames: readonly string[]): string | null {
  const stem = normalizeForSearch(fileName.replace(/\.[^.]*$/, '').replace(COPY_SUFFIX, ''));
  if (!stem) return null;
  let inside: { name: string; length: number } | null = null;
  let around: { name: string; length: number } | null = null;
  for (const name of caseNames) {
    const folded = normalizeForSearch(name);
    if (folded.length < 2) continue;
    if (stem.includes(folded)) {
      if (!inside || folded.length > inside.length) inside = { name, length: folded.length };
    } else if (stem.length >= MIN_STEM_INSIDE_CASE && folded.includes(stem)) {
      if (!around || folded.length < around.length) around = { name, length: folded.length };
    }
  }
  return (inside ?? around)?.name ?? null;
}

/** A dossier: nothing but documents, or a readable-or-encrypted archive named after a known case. */
export function isDossier(contents: ArchiveContents, caseName: string | null): boolean {
  return contents === 'documents' || (contents !== 'unreadable' && caseName !== null);
}
