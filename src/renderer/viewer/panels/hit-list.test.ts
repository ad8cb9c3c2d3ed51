import { describe, expect, it } from 'vitest';
import type { FindHit } from '../../../shared/viewer';
import {
  appendHits,
  countOf,
  countsByDocument,
  countsByVolume,
  EMPTY_HIT_LIST,
  filterRuns,
  hitAt,
  layoutRows,
  NO_FILTER,
  occurrenceOnPage,
  positionOf,
  rowsInView,
  stepFrom,
  topOfHit,
  type HitList,
} from './hit-list';

const hit = (document: string, page: number): FindHit => ({ document, page, snippet: `${document}@${page}`, match: [0, 1] });

// 第一卷: a (3 hits), b (2); 第二卷: c (4); d is outside the tree.
const VOLUMES: Record<string, number> = { 'v1/a.pdf': 0, 'v1/b.pdf': 0, 'v2/c.pdf': 1 };
const volumeOf = (document: string) => VOLUMES[document] ?? -1;

function sample(): HitList {
  let list = appendHits(EMPTY_HIT_LIST, [hit('v1/a.pdf', 1), hit('v1/a.pdf', 1)]);
  // The next batch continues document a, then b and c.
  list = appendHits(list, [hit('v1/a.pdf', 4), hit('v1/b.pdf', 2), hit('v1/b.pdf', 3)]);
  list = appendHits(list, []);
  return appendHits(list, [hit('v2/c.pdf', 1), hit('v2/c.pdf', 1), hit('v2/c.pdf', 1), hit('v2/c.pdf', 9)]);
}

describe('appendHits', () => {
  it('keeps every hit in order and one run per document, across batches', () => {
    const list = sample();
    expect(list.hits).toHaveLength(9);
    expect(list.runs).toEqual([
      { document: 'v1/a.pdf', start: 0, end: 3 },
      { document: 'v1/b.pdf', start: 3, end: 5 },
      { document: 'v2/c.pdf', start: 5, end: 9 },
    ]);
  });

  it('leaves the list it was given alone', () => {
    const before = appendHits(EMPTY_HIT_LIST, [hit('v1/a.pdf', 1)]);
    const after = appendHits(before, [hit('v1/a.pdf', 2)]);
    expect(before.hits).toHaveLength(1);
    expect(before.runs[0]?.end).toBe(1);
    expect(after.runs[0]?.end).toBe(2);
    expect(EMPTY_HIT_LIST.hits).toHaveLength(0);
  });

  it('handles a large list in runs, not hit by hit', () => {
    let list = EMPTY_HIT_LIST;
    for (let d = 0; d < 50; d++) list = appendHits(list, Array.from({ length: 1000 }, (_, i) => hit(`d${d}.pdf`, i)));
    expect(list.hits).toHaveLength(50_000);
    expect(list.runs).toHaveLength(50);
    expect(countOf(list.runs)).toBe(50_000);
  });
});

describe('counts and filters', () => {
  it('counts per document and per volume', () => {
    const { runs } = sample();
    expect([...countsByDocument(runs)]).toEqual([
      ['v1/a.pdf', 3],
      ['v1/b.pdf', 2],
      ['v2/c.pdf', 4],
    ]);
    expect([...countsByVolume(runs, volumeOf)]).toEqual([
      [0, 5],
      [1, 4],
    ]);
    expect(countOf(runs)).toBe(9);
  });

  it('filters by volume, by document, or both', () => {
    const { runs } = sample();
    expect(filterRuns(runs, NO_FILTER, volumeOf)).toEqual(runs);
    expect(countOf(filterRuns(runs, { volume: 0, document: null }, volumeOf))).toBe(5);
    expect(filterRuns(runs, { volume: 1, document: null }, volumeOf).map((run) => run.document)).toEqual(['v2/c.pdf']);
    expect(countOf(filterRuns(runs, { volume: null, document: 'v1/b.pdf' }, volumeOf))).toBe(2);
    // A document outside the volume chosen: nothing.
    expect(filterRuns(runs, { volume: 1, document: 'v1/b.pdf' }, volumeOf)).toEqual([]);
  });

  it('counts a hit’s place among the filtered hits (the n of n / total)', () => {
    const { runs } = sample();
    expect(positionOf(runs, 0)).toBe(0);
    expect(positionOf(runs, 6)).toBe(6);
    const second = filterRuns(runs, { volume: 1, document: null }, volumeOf);
    expect(positionOf(second, 6)).toBe(1);
    expect(positionOf(second, 2)).toBe(-1);
    expect(hitAt(second, 3)).toBe(8);
    expect(hitAt(second, 4)).toBe(-1);
    expect(hitAt(second, -1)).toBe(-1);
  });
});

describe('stepFrom', () => {
  it('goes to the next and previous hit, wrapping at both ends', () => {
    const { runs } = sample();
    expect(stepFrom(runs, 0, 1)).toBe(1);
    expect(stepFrom(runs, 2, 1)).toBe(3);
    expect(stepFrom(runs, 8, 1)).toBe(0);
    expect(stepFrom(runs, 0, -1)).toBe(8);
    expect(stepFrom(runs, 5, -1)).toBe(4);
  });

  it('starts at the first hit going forward and the last going back', () => {
    const { runs } = sample();
    expect(stepFrom(runs, -1, 1)).toBe(0);
    expect(stepFrom(runs, -1, -1)).toBe(8);
  });

  it('walks only the filtered hits, and from a hit the filter leaves out goes to the nearest one', () => {
    const { runs } = sample();
    const b = filterRuns(runs, { volume: null, document: 'v1/b.pdf' }, volumeOf);
    expect(stepFrom(b, 3, 1)).toBe(4);
    expect(stepFrom(b, 4, 1)).toBe(3);
    expect(stepFrom(b, 1, 1)).toBe(3);
    expect(stepFrom(b, 1, -1)).toBe(4);
    expect(stepFrom(b, 7, 1)).toBe(3);
    expect(stepFrom(b, 7, -1)).toBe(4);
    const ac = runs.filter((run) => run.document !== 'v1/b.pdf');
    expect(stepFrom(ac, 3, 1)).toBe(5);
    expect(stepFrom(ac, 3, -1)).toBe(2);
  });

  it('has nowhere to go without hits', () => {
    expect(stepFrom([], 0, 1)).toBe(-1);
    expect(stepFrom([], -1, -1)).toBe(-1);
  });
});

describe('occurrenceOnPage', () => {
  it('counts the hits just before it on the same page of the same document', () => {
    const hits = [hit('a.pdf', 1), hit('a.pdf', 2), hit('a.pdf', 2), hit('b.pdf', 2), hit('b.pdf', 2), hit('b.pdf', 2)];
    expect(hits.map((_, index) => occurrenceOnPage(hits, index))).toEqual([0, 0, 1, 0, 1, 2]);
  });

  it('is 0 for an index past the list', () => {
    expect(occurrenceOnPage([hit('a.pdf', 1)], 5)).toBe(0);
  });
});

describe('the virtual list’s rows', () => {
  // Heading 30 px, hit 40 px: a at 0 (hits 30, 70, 110), b at 150 (180, 220), c at 260 (290 … 410).
  const layout = layoutRows(sample().runs, 30, 40);

  it('stacks a heading and the hits of each run', () => {
    expect(layout.tops).toEqual([0, 150, 260]);
    expect(layout.total).toBe(450);
    expect(topOfHit(layout, 0)).toBe(30);
    expect(topOfHit(layout, 4)).toBe(220);
    expect(topOfHit(layout, 8)).toBe(410);
    expect(topOfHit(layoutRows(filterRuns(sample().runs, { volume: 1, document: null }, volumeOf), 30, 40), 4)).toBeNull();
  });

  it('gives only the rows in view (and a few around)', () => {
    const rows = rowsInView(layout, 160, 80, 0);
    expect(rows).toEqual([
      { kind: 'heading', run: layout.runs[1], top: 150 },
      { kind: 'hit', index: 3, top: 180 },
      { kind: 'hit', index: 4, top: 220 },
    ]);
    const around = rowsInView(layout, 160, 80, 1);
    expect(around.map((row) => (row.kind === 'hit' ? row.index : row.run.document))).toEqual([2, 'v1/b.pdf', 3, 4, 'v2/c.pdf']);
  });

  it('stays small for a huge list', () => {
    let list = EMPTY_HIT_LIST;
    for (let d = 0; d < 100; d++) list = appendHits(list, Array.from({ length: 1000 }, (_, i) => hit(`d${d}.pdf`, i)));
    const big = layoutRows(list.runs, 30, 40);
    const rows = rowsInView(big, big.total / 2, 600);
    expect(rows.length).toBeLessThan(30);
    expect(rows.every((row) => row.top + 40 > big.total / 2 - 4 * 40 && row.top < big.total / 2 + 600 + 4 * 40)).toBe(true);
  });
});
