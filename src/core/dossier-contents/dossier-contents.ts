/**
 * The 卷内目录 of a dossier's volumes. Only the PDFs that may carry one are opened (an AES-256
 * password check costs ~150 ms, a volume may hold hundreds of files), and of those only the first
 * pages are read, through find's text cache and queue. Results are kept per dossier until its files
 * or the passwords change; nothing decrypted is written anywhere.
 */
import { createHash } from 'node:crypto';
import type { ContentsEntry, DocumentContents } from '../../shared/viewer';
import type { LeadingPages, SearchableDossier } from '../dossier-search';
import { documentTitle } from '../../shared/document-title';
import { matchFiles } from './match-files';
import { parseContents, TOC_READ_PAGES } from './parse-contents';
import { placeInPdf } from './place-contents';

/** What the reader needs of find: the first page texts of one PDF. */
export interface LeadingPagesSource {
  leadingPages(dossier: SearchableDossier, path: string, passwords: readonly string[], count: number): Promise<LeadingPages | null>;
}

const PDF_NAME = /\.pdf$/i;
/** A folder (or the top of the dossier) with this many PDFs or fewer may be volumes of one PDF each. */
const FEW_PDFS = 8;
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The folder holding a file ('' for the top): a volume, or the folder wrapping the whole dossier. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The PDFs worth opening, per folder: those named for a 目录 (00_封面及卷内目录.pdf); else every PDF
 * of a folder with few (第一卷.pdf, 第二卷.pdf, …); else the folder's first by name. In the
 * dossier's order, folder by folder.
 */
export function contentsCandidates(paths: readonly string[]): string[] {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    if (!PDF_NAME.test(path)) continue;
    const list = folders.get(folderOf(path)) ?? [];
    list.push(path);
    folders.set(folderOf(path), list);
  }
  const out: string[] = [];
  for (const pdfs of folders.values()) {
    const named = pdfs.filter((path) => /目录/.test(documentTitle(path)));
    const first = [...pdfs].sort(collator.compare).slice(0, 1);
    out.push(...(named.length > 0 ? named : pdfs.length <= FEW_PDFS ? pdfs : first));
  }
  return out;
}

/** The 目录 carried by one PDF, placed on its pages or on the other files of its folder; null when none. */
export function contentsOf(path: string, leading: LeadingPages, folderFiles: readonly string[]): DocumentContents | null {
  const parsed = parseContents(leading.pages);
  if (!parsed) return null;
  const placed = placeInPdf(parsed, leading.pageCount);
  if (placed) {
    const entries: ContentsEntry[] = placed.entries.map((entry) => ({ ...entry, document: path }));
    return { document: path, layout: 'pages', frontPages: placed.frontPages, entries };
  }
  const others = folderFiles.filter((file) => file !== path && PDF_NAME.test(file) && folderOf(file) === folderOf(path));
  const files = matchFiles(
    parsed.entries.map((entry) => entry.title),
    others,
  );
  const entries = parsed.entries.flatMap((entry, i): ContentsEntry[] => {
    const document = files[i];
    return document ? [{ seq: entry.seq, title: entry.title, document, firstPage: 1, lastPage: null, dossierPage: entry.firstPage }] : [];
  });
  return entries.length > 0 ? { document: path, layout: 'files', frontPages: 0, entries } : null;
}

interface Kept {
  key: string;
  contents: DocumentContents[];
}

export class DossierContentsReader {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly texts: LeadingPagesSource) {}

  async contents(dossier: SearchableDossier, passwords: readonly string[]): Promise<DocumentContents[]> {
    const key = createHash('sha256')
      .update(JSON.stringify([dossier.folder, dossier.files.map((file) => [file.path, file.size ?? null]), [...passwords].sort()]))
      .digest('hex');
    const kept = this.kept.get(dossier.id);
    if (kept?.key === key) return kept.contents;
    const paths = dossier.files.map((file) => file.path);
    const found: DocumentContents[] = [];
    for (const path of contentsCandidates(paths)) {
      const leading = await this.texts.leadingPages(dossier, path, passwords, TOC_READ_PAGES);
      if (!leading) continue;
      const contents = contentsOf(path, leading, paths);
      if (contents) found.push(contents);
    }
    this.kept.set(dossier.id, { key, contents: found });
    return found;
  }

  /** Drops what is kept of a dossier (removed, re-extracted). */
  forget(dossierId: string): void {
    this.kept.delete(dossierId);
  }
}
