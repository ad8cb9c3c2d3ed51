/** How much of a document, a 目录 section and the dossier has been read, from the pages seen. */
import { clipRanges, rangesCount, type PageRange } from '../../shared/page-ranges';

export type ReadState = 'unread' | 'partly' | 'read';

export interface Share {
  /** Pages seen. */
  seen: number;
  /** Pages in all (at least the pages seen). */
  total: number;
  state: ReadState;
}

/** Whole percent; never 0 once a page is seen and never 100 before every page is. */
export function percentRead(seen: number, total: number): number {
  if (seen <= 0 || total <= 0) return 0;
  if (seen >= total) return 100;
  return Math.min(99, Math.max(1, Math.floor((seen / total) * 100)));
}

function shareOf(seen: number, total: number): Share {
  const whole = Math.max(total, seen, 1);
  return { seen, total: whole, state: seen === 0 ? 'unread' : seen >= whole ? 'read' : 'partly' };
}

/** A document of `pages` pages (null: not known yet, counted as one page or as many as seen). */
export function documentShare(seen: readonly PageRange[], pages: number | null): Share {
  const count = rangesCount(pages === null ? seen : clipRanges(seen, pages));
  return shareOf(count, pages ?? 1);
}

/** Pages first..last of a document (a 卷内目录 row inside a volume PDF). */
export function sectionShare(seen: readonly PageRange[], first: number, last: number): Share {
  let count = 0;
  for (const [from, to] of seen) count += Math.max(0, Math.min(to, last) - Math.max(from, first) + 1);
  return shareOf(count, last - first + 1);
}

/** The dossier's pages read, over every document. */
export function dossierShare(documents: readonly { seen: readonly PageRange[]; pages: number | null }[]): Share {
  let seen = 0;
  let total = 0;
  for (const document of documents) {
    const share = documentShare(document.seen, document.pages);
    seen += share.seen;
    total += share.total;
  }
  return shareOf(seen, total);
}
