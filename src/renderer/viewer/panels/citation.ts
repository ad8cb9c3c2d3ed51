import type { DossierFile } from '../../../shared/library';
import type { Note } from '../../../shared/viewer';

export interface CitationParts {
  /** The dossier file's volume (第一卷), or null for files at the top of the dossier. */
  volume: string | null;
  /** The document's title (讯问笔录（第一次）). */
  title: string;
  page: number;
}

/**
 * Where a note points, as the 阅卷笔录 cites it: 《第一卷·讯问笔录》第3页 (Chinese), or
 * 第一卷 · 讯问笔录, p. 3 in the English interface (volume and title are the dossier's own words).
 */
export function formatCitation({ volume, title, page }: CitationParts, locale: string): string {
  if (locale === 'en') return `${volume ? `${volume} · ` : ''}${title}, p. ${page}`;
  return `《${volume ? `${volume}·` : ''}${title}》第${page}页`;
}

/** The volume a dossier file sits in; null when it is at the top or no longer listed. */
export function volumeOf(files: readonly DossierFile[] | undefined, document: string): string | null {
  return files?.find((file) => file.path === document)?.volume ?? null;
}

/**
 * Notes in reading order: by the document's place in the dossier, then page, then when they were
 * written. Documents no longer in the dossier go last, by path.
 */
export function sortNotes(notes: readonly Note[], files: readonly DossierFile[] | undefined): Note[] {
  const order = new Map((files ?? []).map((file, index) => [file.path, index]));
  const rank = (note: Note) => order.get(note.document) ?? Number.MAX_SAFE_INTEGER;
  return [...notes].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === Number.MAX_SAFE_INTEGER ? a.document.localeCompare(b.document) : 0) ||
      a.page - b.page ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
