import { describe, expect, it } from 'vitest';
import { splitSnippet } from './find-hits';

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
