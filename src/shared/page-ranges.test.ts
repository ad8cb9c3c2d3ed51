import { describe, expect, it } from 'vitest';
import { clipRanges, formatRanges, hasPage, mergeRanges, parseRanges, rangesCount, toRanges } from './page-ranges';

describe('page ranges', () => {
  it('packs pages into merged ranges and back into text', () => {
    const ranges = toRanges([5, 1, 2, 3, 3, 9, 4, 11, 10]);
    expect(ranges).toEqual([[1, 5], [9, 11]]);
    expect(rangesCount(ranges)).toBe(8);
    expect(formatRanges(ranges)).toBe('1-5,9-11');
    expect(formatRanges(toRanges([7]))).toBe('7');
    expect(parseRanges('1-5,9-11', 20)).toEqual(ranges);
    expect(hasPage(ranges, 10)).toBe(true);
    expect(hasPage(ranges, 6)).toBe(false);
  });

  it('merges overlapping and touching ranges, and clips to a shorter document', () => {
    expect(mergeRanges([[1, 3], [8, 9]], [[4, 5], [7, 7], [2, 2]])).toEqual([[1, 5], [7, 9]]);
    expect(clipRanges([[1, 3], [5, 9], [12, 14]], 6)).toEqual([[1, 3], [5, 6]]);
  });

  it('refuses text that is not ascending ranges within the document', () => {
    for (const bad of ['0', '3-1', '1-5,4', '1,,2', 'x', '1-21', '12345678', '-3']) expect(parseRanges(bad, 20)).toBeNull();
    expect(parseRanges('', 20)).toEqual([]);
  });
});
