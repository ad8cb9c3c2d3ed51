import { describe, expect, it } from 'vitest';
import { scorePage, sumScores } from './scan-score';

describe('scorePage', () => {
  it('counts edits against the truth without whitespace, and the rare characters read back', () => {
    // 涪 read as 培 (one edit); line breaks and spaces are no error.
    const score = scorePage('重庆市 培陵区\n公安局', '重庆市涪陵区公安局');
    expect(score).toEqual({ errors: 1, characters: 9, rareDrawn: 1, rareRead: 0 });
    expect(scorePage('重庆市涪陵区\n公安局', '重庆市涪陵区公安局')).toEqual({ errors: 0, characters: 9, rareDrawn: 1, rareRead: 1 });
  });

  it('credits a rare character no more often than it was drawn', () => {
    const score = scorePage('盱眙盱眙盱眙', '盱眙县盱眙');
    expect(score.rareDrawn).toBe(4);
    expect(score.rareRead).toBe(4);
    expect(scorePage('盱县', '盱眙县')).toMatchObject({ rareDrawn: 2, rareRead: 1 });
  });
});

describe('sumScores', () => {
  it('weighs pages by their characters and keeps the worst page', () => {
    const total = sumScores([
      { errors: 1, characters: 100, rareDrawn: 2, rareRead: 2 },
      { errors: 3, characters: 10, rareDrawn: 1, rareRead: 0 },
    ]);
    expect(total).toMatchObject({ pages: 2, errors: 4, characters: 110, rareDrawn: 3, rareRead: 2 });
    expect(total.cerPercent).toBeCloseTo(400 / 110, 6);
    expect(total.worstPagePercent).toBeCloseTo(30, 6);
  });
});
