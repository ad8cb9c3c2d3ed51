import { normalizeForSearch, normalizeWithSourceMap, sourceRange } from '../../shared/cjk-text';

/** A stretch of one text-layer item to mark: characters [start, end) of items[item]. */
export interface ItemRange {
  /** Which occurrence on the page it belongs to (0 for the first). */
  match: number;
  item: number;
  start: number;
  end: number;
}

/**
 * Every occurrence of the query among a page's text items (as pdf.js's text layer holds them),
 * matched as search matches them — Kangxi radicals as ideographs, full-width forms, case, no
 * whitespace — and split back onto the items, since an occurrence may run across several.
 */
export function highlightRanges(items: readonly string[], query: string): ItemRange[] {
  const needle = normalizeForSearch(query);
  if (needle === '') return [];
  const starts: number[] = [];
  let at = 0;
  for (const item of items) {
    starts.push(at);
    at += item.length;
  }
  const mapped = normalizeWithSourceMap(items.join(''));
  const ranges: ItemRange[] = [];
  let match = 0;
  for (let found = mapped.normalized.indexOf(needle); found !== -1; found = mapped.normalized.indexOf(needle, found + needle.length)) {
    const [begin, end] = sourceRange(mapped, found, found + needle.length);
    items.forEach((item, index) => {
      const itemStart = starts[index] as number;
      const from = Math.max(begin, itemStart);
      const to = Math.min(end, itemStart + item.length);
      if (from < to) ranges.push({ match, item: index, start: from - itemStart, end: to - itemStart });
    });
    match += 1;
  }
  return ranges;
}
