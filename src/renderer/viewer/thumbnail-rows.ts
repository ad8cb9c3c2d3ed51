/**
 * The rows of the volume's thumbnail strip: each document's title, then its pages. Rows have fixed
 * heights by kind, so where each sits and which are in view is arithmetic (page-layout's), and a
 * 2,000-page volume mounts only the dozen rows on screen.
 */
import { layoutPages, pageWindow, type PageLayout, type PageRange } from './page-layout';

export type ThumbRow = { kind: 'title'; document: string } | { kind: 'page'; document: string; page: number };

export interface RowHeights {
  title: number;
  page: number;
}

/** Every page of the documents, in order, each document headed by its title row. */
export function thumbnailRows(documents: readonly { path: string; pages: number | null }[]): ThumbRow[] {
  return documents.flatMap(({ path, pages }): ThumbRow[] => [
    { kind: 'title', document: path },
    ...Array.from({ length: Math.max(1, pages ?? 1) }, (_, i): ThumbRow => ({ kind: 'page', document: path, page: i + 1 })),
  ]);
}

export function layoutRows(rows: readonly ThumbRow[], heights: RowHeights, padding: number): PageLayout {
  return layoutPages(
    rows.map((row) => (row.kind === 'title' ? heights.title : heights.page)),
    0,
    padding,
  );
}

/** The rows to mount: those in view and `around` more on each side. */
export function visibleRows(layout: PageLayout, scrollTop: number, viewHeight: number, around: number): PageRange | null {
  return pageWindow(layout, scrollTop, viewHeight, around);
}

export function rowOf(rows: readonly ThumbRow[], document: string, page: number): number {
  return rows.findIndex((row) => row.kind === 'page' && row.document === document && row.page === page);
}

/**
 * Where to scroll so row `index` is in full view: null when it already is, else the scroll that
 * centres it (a jump elsewhere in the volume lands with its neighbours around it).
 */
export function scrollToShow(layout: PageLayout, index: number, scrollTop: number, viewHeight: number): number | null {
  const top = layout.tops[index];
  const height = layout.heights[index];
  if (top === undefined || height === undefined || viewHeight <= 0) return null;
  if (top >= scrollTop && top + height <= scrollTop + viewHeight) return null;
  const centred = Math.round(top - (viewHeight - height) / 2);
  return Math.max(0, Math.min(centred, layout.total - viewHeight));
}
