import { describe, expect, it } from 'vitest';
import { leadUpTo, splitSnippet } from './find-hits';

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

describe('leadUpTo', () => {
  it('keeps the last characters before the match, after an ellipsis', () => {
    const parts = { before: '重庆市涪陵区公安局犯罪嫌疑人', match: '陈某', after: '驾驶' };
    expect(leadUpTo(parts, 5)).toEqual({ before: '…犯罪嫌疑人', match: '陈某', after: '驾驶' });
  });

  it('leaves a short lead alone and never splits a character outside the basic plane', () => {
    const parts = { before: '被告人', match: '陈某', after: '' };
    expect(leadUpTo(parts, 5)).toBe(parts);
    expect(leadUpTo({ before: 'ab𠀀c', match: 'x', after: '' }, 2).before).toBe('…𠀀c');
  });
});
