/**
 * The hits of a streamed search as the 搜索 panel walks them: appended batch by batch, kept as runs
 * of one document (hits come in document, page, position order), filtered by volume or document,
 * counted, stepped through with wrap-around, and laid out as rows of fixed heights for a virtual
 * list. Work per batch and per filter is by run (a few per document), not by hit.
 */
import type { FindHit } from '../../../shared/viewer';

/** Hits [start, end) of the list, all in one document. */
export interface HitRun {
  document: string;
  start: number;
  end: number;
}

export interface HitList {
  hits: readonly FindHit[];
  runs: readonly HitRun[];
}

export const EMPTY_HIT_LIST: HitList = { hits: [], runs: [] };

/** The list with a batch appended (a batch continuing the last document extends its run). */
export function appendHits(list: HitList, batch: readonly FindHit[]): HitList {
  if (batch.length === 0) return list;
  const hits = list.hits.concat(batch);
  const runs = list.runs.slice();
  let at = list.hits.length;
  for (const hit of batch) {
    const last = runs[runs.length - 1];
    if (last && last.document === hit.document && last.end === at) runs[runs.length - 1] = { ...last, end: at + 1 };
    else runs.push({ document: hit.document, start: at, end: at + 1 });
    at += 1;
  }
  return { hits, runs };
}

/** Which hits the panel lists: a volume (its index in the viewer's tree) and/or one document; null = all. */
export interface HitFilter {
  volume: number | null;
  document: string | null;
}

export const NO_FILTER: HitFilter = { volume: null, document: null };

/** The runs the filter keeps; `volumeOf` gives a document's volume index (-1 when it is not in the tree). */
export function filterRuns(runs: readonly HitRun[], filter: HitFilter, volumeOf: (document: string) => number): HitRun[] {
  return runs.filter(
    (run) => (filter.document === null || run.document === filter.document) && (filter.volume === null || volumeOf(run.document) === filter.volume),
  );
}

export function countOf(runs: readonly HitRun[]): number {
  let total = 0;
  for (const run of runs) total += run.end - run.start;
  return total;
}

/** Hits per document, in the order documents first appear. */
export function countsByDocument(runs: readonly HitRun[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.document, (counts.get(run.document) ?? 0) + run.end - run.start);
  return counts;
}

/** Hits per volume index. */
export function countsByVolume(runs: readonly HitRun[], volumeOf: (document: string) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const run of runs) {
    const volume = volumeOf(run.document);
    counts.set(volume, (counts.get(volume) ?? 0) + run.end - run.start);
  }
  return counts;
}

/** Where hit `index` stands among the filtered hits (0-based), or -1 when the filter leaves it out. */
export function positionOf(runs: readonly HitRun[], index: number): number {
  let before = 0;
  for (const run of runs) {
    if (index >= run.start && index < run.end) return before + index - run.start;
    before += run.end - run.start;
  }
  return -1;
}

/** The index of the filtered hit at `position` (0-based), or -1. */
export function hitAt(runs: readonly HitRun[], position: number): number {
  if (position < 0) return -1;
  let left = position;
  for (const run of runs) {
    const size = run.end - run.start;
    if (left < size) return run.start + left;
    left -= size;
  }
  return -1;
}

/**
 * The next (step 1) or previous (-1) filtered hit from hit `active`, wrapping at both ends. From no
 * hit, or one the filter leaves out, it is the first filtered hit after it (or before it, going back).
 * -1 when the filter keeps none.
 */
export function stepFrom(runs: readonly HitRun[], active: number, step: 1 | -1): number {
  const total = countOf(runs);
  if (total === 0) return -1;
  const position = positionOf(runs, active);
  if (position !== -1) return hitAt(runs, (position + step + total) % total);
  if (step === 1) {
    const run = runs.find((candidate) => candidate.start > active);
    return run ? run.start : (runs[0] as HitRun).start;
  }
  const run = runs.findLast((candidate) => candidate.end - 1 < active);
  return run && active >= 0 ? run.end - 1 : (runs[runs.length - 1] as HitRun).end - 1;
}

/**
 * Which of its page's matches hit `index` is (0-based): a page's hits are next to each other, so it
 * is the number of hits just before it on the same page. The page then marks that occurrence.
 */
export function occurrenceOnPage(hits: readonly FindHit[], index: number): number {
  const hit = hits[index];
  if (!hit) return 0;
  let count = 0;
  for (let i = index - 1; i >= 0; i--) {
    const other = hits[i] as FindHit;
    if (other.document !== hit.document || other.page !== hit.page) break;
    count += 1;
  }
  return count;
}

/** A row of the virtual list: a document's heading, or one hit. */
export type HitRow = { kind: 'heading'; run: HitRun; top: number } | { kind: 'hit'; index: number; top: number };

export interface RowLayout {
  runs: readonly HitRun[];
  /** Each run's top (its heading's), in px. */
  tops: number[];
  total: number;
  heading: number;
  row: number;
}

/** Fixed heights: a heading above each run, then its hits. */
export function layoutRows(runs: readonly HitRun[], heading: number, row: number): RowLayout {
  const tops: number[] = [];
  let at = 0;
  for (const run of runs) {
    tops.push(at);
    at += heading + (run.end - run.start) * row;
  }
  return { runs, tops, total: at, heading, row };
}

/** The rows that meet [top, top + height), with `overscan` rows more on each side. */
export function rowsInView(layout: RowLayout, top: number, height: number, overscan = 4): HitRow[] {
  const from = top - overscan * layout.row;
  const to = top + height + overscan * layout.row;
  const rows: HitRow[] = [];
  // The last run starting at or above `from`, found by halving.
  let low = 0;
  let high = layout.runs.length - 1;
  let first = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((layout.tops[mid] as number) <= from) {
      first = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let r = first; r < layout.runs.length; r++) {
    const run = layout.runs[r] as HitRun;
    const runTop = layout.tops[r] as number;
    if (runTop >= to) break;
    if (runTop + layout.heading > from) rows.push({ kind: 'heading', run, top: runTop });
    const body = runTop + layout.heading;
    const size = run.end - run.start;
    const begin = Math.max(0, Math.floor((from - body) / layout.row));
    const end = Math.min(size, Math.ceil((to - body) / layout.row));
    for (let i = begin; i < end; i++) rows.push({ kind: 'hit', index: run.start + i, top: body + i * layout.row });
  }
  return rows;
}

/** The top of hit `index`'s row, or null when the filter leaves it out. */
export function topOfHit(layout: RowLayout, index: number): number | null {
  for (let r = 0; r < layout.runs.length; r++) {
    const run = layout.runs[r] as HitRun;
    if (index >= run.start && index < run.end) return (layout.tops[r] as number) + layout.heading + (index - run.start) * layout.row;
  }
  return null;
}
