import { describe, expect, it } from 'vitest';
import { layoutRows, rowOf, scrollToShow, thumbnailRows, visibleRows } from './thumbnail-rows';

const HEIGHTS = { title: 30, page: 170 };

describe('thumbnail rows', () => {
  const rows = thumbnailRows([
    { path: 'a.pdf', pages: 3 },
    { path: 'b.jpg', pages: null },
    { path: 'c.pdf', pages: 1000 },
  ]);

  it('heads each document with its title, then lists its pages', () => {
    expect(rows).toHaveLength(1 + 3 + 1 + 1 + 1 + 1000);
    expect(rows.slice(0, 6)).toEqual([
      { kind: 'title', document: 'a.pdf' },
      { kind: 'page', document: 'a.pdf', page: 1 },
      { kind: 'page', document: 'a.pdf', page: 2 },
      { kind: 'page', document: 'a.pdf', page: 3 },
      { kind: 'title', document: 'b.jpg' },
      { kind: 'page', document: 'b.jpg', page: 1 },
    ]);
    expect(rowOf(rows, 'c.pdf', 1)).toBe(7);
    expect(rowOf(rows, 'c.pdf', 1001)).toBe(-1);
  });

  it('places rows by their kind and mounts only those in view of a long volume', () => {
    const layout = layoutRows(rows, HEIGHTS, 8);
    expect(layout.tops.slice(0, 6)).toEqual([8, 38, 208, 378, 548, 578]);
    expect(layout.total).toBe(8 + 3 * 30 + 1004 * 170 + 8);

    // Deep in the 1,000 pages of c.pdf, a 600 px panel: a handful of rows, not a thousand.
    const scrollTop = layout.tops[rowOf(rows, 'c.pdf', 500)] as number;
    const range = visibleRows(layout, scrollTop, 600, 2);
    expect(range).not.toBeNull();
    const mounted = rows.slice(range?.first, (range?.last ?? 0) + 1);
    expect(mounted.length).toBeLessThanOrEqual(10);
    expect(mounted).toContainEqual({ kind: 'page', document: 'c.pdf', page: 500 });
    expect(mounted).toContainEqual({ kind: 'page', document: 'c.pdf', page: 503 });
    expect(visibleRows(layoutRows([], HEIGHTS, 8), 0, 600, 2)).toBeNull();
  });

  it('scrolls only to bring the current page into full view, centring it', () => {
    const layout = layoutRows(rows, HEIGHTS, 8);
    const index = rowOf(rows, 'a.pdf', 2);
    expect(scrollToShow(layout, index, 0, 600)).toBeNull();
    const far = rowOf(rows, 'c.pdf', 400);
    const scroll = scrollToShow(layout, far, 0, 600) as number;
    const top = layout.tops[far] as number;
    expect(top).toBeGreaterThanOrEqual(scroll);
    expect(top + 170).toBeLessThanOrEqual(scroll + 600);
    expect(scroll).toBe(Math.round(top - (600 - 170) / 2));
    // Half cut off at the bottom: brought in.
    expect(scrollToShow(layout, index, 300, 600)).not.toBeNull();
    // Never past the end, nor above the top.
    expect(scrollToShow(layout, rows.length - 1, 0, 600)).toBe(layout.total - 600);
    expect(scrollToShow(layout, 1, 5000, 600)).toBe(0);
  });
});
