import { describe, expect, it } from 'vitest';
import type { PageTextLine } from '../../shared/ocr';
import { recognisedStamp } from './recognised-stamp';

const line = (text: string, box: [number, number, number, number]): PageTextLine => ({ text, box, confidence: 0.9 });

describe('the 卷宗页码 stamped on a scan', () => {
  it('is a number alone in a top corner', () => {
    expect(recognisedStamp([line('23', [0.86, 0.03, 0.9, 0.05]), line('讯问笔录', [0.4, 0.1, 0.6, 0.13])])).toBe(23);
    expect(recognisedStamp([line('１２', [0.05, 0.03, 0.09, 0.05])])).toBe(12);
  });

  it('is not a number in the body, in the middle of the top, or sharing its line', () => {
    expect(recognisedStamp([line('23', [0.86, 0.5, 0.9, 0.52])])).toBeNull();
    expect(recognisedStamp([line('23', [0.48, 0.03, 0.52, 0.05])])).toBeNull();
    expect(recognisedStamp([line('23', [0.86, 0.03, 0.9, 0.05]), line('2026年3月', [0.1, 0.03, 0.3, 0.05])])).toBeNull();
  });
});
