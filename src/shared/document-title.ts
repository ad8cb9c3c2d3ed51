/** How a dossier file is named and shown: its title (no folder, ordinal or extension) and what kind of document it is. */
import type { DocumentKind } from './viewer';

/** The ordinal a dossier puts before a document's name (01_起诉意见书.pdf, 3-讯问笔录.pdf, 02、…). */
const ORDINAL_PREFIX = /^\d{1,4}\s*[_\-、．.\s]\s*(?=\D)/;
const PDF = /\.pdf$/i;
const IMAGE = /\.(jpe?g|png)$/i;
const TIFF = /\.tiff?$/i;
/** What file managers and archivers leave behind: not part of the dossier. */
const SYSTEM_FILE = /(^|\/)(\.[^/]*|__MACOSX\/.*|Thumbs\.db|desktop\.ini)$/i;

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** 讯问笔录（第一次） from 第一卷/03_讯问笔录（第一次）.pdf: no folder, no ordinal, no extension. */
export function documentTitle(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const title = stem.replace(ORDINAL_PREFIX, '').trim();
  return title || stem;
}

/**
 * What kind of document a file of the dossier is, by its name (the viewer checks the content when it
 * opens it): PDF, JPG/PNG, TIFF, or other (shown as what it is); null for a file manager's leftovers.
 */
export function documentKindOf(path: string): DocumentKind | null {
  if (SYSTEM_FILE.test(path)) return null;
  if (PDF.test(path)) return 'pdf';
  if (IMAGE.test(path)) return 'image';
  if (TIFF.test(path)) return 'tiff';
  return 'other';
}
