/**
 * Sets of page numbers kept compact: ascending inclusive ranges ([1, 40], [52, 52]) in memory and
 * "1-40,52" on disk, so a 2,000-page volume read through is a few bytes, not a list of pages.
 */

export type PageRange = [first: number, last: number];

/** The pages as ascending, merged ranges (duplicates and order do not matter). */
export function toRanges(pages: Iterable<number>): PageRange[] {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: PageRange[] = [];
  for (const page of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && page === last[1] + 1) last[1] = page;
    else ranges.push([page, page]);
  }
  return ranges;
}

/** Pages counted across ranges. */
export function rangesCount(ranges: readonly PageRange[]): number {
  return ranges.reduce((sum, [first, last]) => sum + (last - first + 1), 0);
}

/** The union of two range lists, merged. */
export function mergeRanges(a: readonly PageRange[], b: readonly PageRange[]): PageRange[] {
  const all = [...a, ...b].map(([first, last]): PageRange => [first, last]).sort((x, y) => x[0] - y[0]);
  const merged: PageRange[] = [];
  for (const range of all) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** The ranges cut to pages 1..max (a document re-extracted with fewer pages). */
export function clipRanges(ranges: readonly PageRange[], max: number): PageRange[] {
  return ranges.filter(([first]) => first <= max).map(([first, last]): PageRange => [first, Math.min(last, max)]);
}

export function hasPage(ranges: readonly PageRange[], page: number): boolean {
  return ranges.some(([first, last]) => page >= first && page <= last);
}

/** "1-40,52" */
export function formatRanges(ranges: readonly PageRange[]): string {
  return ranges.map(([first, last]) => (first === last ? String(first) : `${first}-${last}`)).join(',');
}

/**
 * Reads "1-40,52" back; null for anything else (a damaged file), including pages outside 1..max and
 * ranges out of order.
 */
export function parseRanges(text: string, max: number): PageRange[] | null {
  if (text === '') return [];
  const ranges: PageRange[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d{1,7})(?:-(\d{1,7}))?$/.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    const previous = ranges[ranges.length - 1];
    if (first < 1 || last < first || last > max || (previous && first <= previous[1])) return null;
    ranges.push([first, last]);
  }
  return mergeRanges(ranges, []);
}
