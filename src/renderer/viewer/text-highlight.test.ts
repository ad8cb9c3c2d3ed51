import { describe, expect, it } from 'vitest';
import { highlightRanges } from './text-highlight';

describe('highlightRanges', () => {
  it('marks every occurrence within one item', () => {
    expect(highlightRanges(['被告人张三称张三不在场'], '张三')).toEqual([
      { match: 0, item: 0, start: 3, end: 5 },
      { match: 1, item: 0, start: 6, end: 8 },
    ]);
  });

  it('finds text written with Kangxi radicals and spaces, marking the original characters', () => {
    // ⻅ (U+2EC5) for 见, ⼈ (U+2F08) for 人, and a space between the characters of 证人.
    const items = ['现场⻅证', '⼈ 证言'];
    expect(highlightRanges(items, '见证人')).toEqual([
      { match: 0, item: 0, start: 2, end: 4 },
      { match: 0, item: 1, start: 0, end: 1 },
    ]);
  });

  it('folds full-width forms and case', () => {
    expect(highlightRanges(['车牌号ＡＢ１２３'], 'ab123')).toEqual([{ match: 0, item: 0, start: 3, end: 8 }]);
  });

  it('marks nothing for an empty or missing query', () => {
    expect(highlightRanges(['张三'], '  ')).toEqual([]);
    expect(highlightRanges(['张三'], '李四')).toEqual([]);
    expect(highlightRanges([], '张三')).toEqual([]);
  });
});
