import { describe, expect, it } from 'vitest';
import type { FindHit } from '../../../shared/viewer';
import { groupHits, occurrenceOnPage, splitSnippet, stepHit } from './find-hits';

const hit = (document: string, page: number): FindHit => ({ document, page, snippet: `${document}@${page}`, match: [0, 1] });

describe('groupHits', () => {
  it('groups by document in the order documents first appear, keeping each hit’s overall index', () => {
    const hits = [hit('第一卷/02.pdf', 1), hit('第一卷/02.pdf', 4), hit('第二卷/01.pdf', 2), hit('第一卷/02.pdf', 7)];
    const groups = groupHits(hits);
    expect(groups.map((group) => group.document)).toEqual(['第一卷/02.pdf', '第二卷/01.pdf']);
    expect(groups[0]?.hits.map((item) => [item.hit.page, item.index])).toEqual([
      [1, 0],
      [4, 1],
      [7, 3],
    ]);
    expect(groups[1]?.hits.map((item) => item.index)).toEqual([2]);
  });

  it('gives no groups for no hits', () => {
    expect(groupHits([])).toEqual([]);
  });
});

describe('splitSnippet', () => {
  it('splits around the match', () => {
    expect(splitSnippet('被告人陈某驾驶机动车', [3, 5])).toEqual({ before: '被告人', match: '陈某', after: '驾驶机动车' });
  });

  it('marks a match at either end', () => {
    expect(splitSnippet('陈某驾驶', [0, 2])).toEqual({ before: '', match: '陈某', after: '驾驶' });
    expect(splitSnippet('驾驶人陈某', [3, 5])).toEqual({ before: '驾驶人', match: '陈某', after: '' });
  });

  it('clamps a range past the end or reversed instead of losing text', () => {
    expect(splitSnippet('abcdef', [4, 99])).toEqual({ before: 'abcd', match: 'ef', after: '' });
    expect(splitSnippet('abcdef', [4, 2])).toEqual({ before: 'abcd', match: '', after: 'ef' });
    expect(splitSnippet('abcdef', [-3, 1])).toEqual({ before: '', match: 'a', after: 'bcdef' });
  });
});

describe('stepHit', () => {
  it('starts at the first hit going down and the last going up', () => {
    expect(stepHit(-1, 5, 1)).toBe(0);
    expect(stepHit(-1, 5, -1)).toBe(4);
  });

  it('wraps at both ends', () => {
    expect(stepHit(4, 5, 1)).toBe(0);
    expect(stepHit(0, 5, -1)).toBe(4);
    expect(stepHit(2, 5, 1)).toBe(3);
  });

  it('has nowhere to go without hits', () => {
    expect(stepHit(0, 0, 1)).toBe(-1);
  });
});

describe('occurrenceOnPage', () => {
  it('counts the hits before it on the same page of the same document', () => {
    const hits = [hit('a.pdf', 1), hit('a.pdf', 2), hit('a.pdf', 2), hit('b.pdf', 2), hit('a.pdf', 2)];
    expect(hits.map((_, index) => occurrenceOnPage(hits, index))).toEqual([0, 0, 1, 0, 2]);
  });

  it('is 0 for an index past the list', () => {
    expect(occurrenceOnPage([hit('a.pdf', 1)], 5)).toBe(0);
  });
});
