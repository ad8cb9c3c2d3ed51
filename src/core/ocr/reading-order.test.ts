import { describe, expect, it } from 'vitest';
import type { PageTextLine } from '../../shared/ocr';
import { hitBoxes } from './hit-boxes';
import { pageTextOf } from './reading-order';

const line = (text: string, box: [number, number, number, number]): PageTextLine => ({ text, box, confidence: 0.9 });

describe('reading order', () => {
  it('puts lines top to bottom and the pieces of one printed line left to right, whatever order the detector gave', () => {
    const pieces = [
      line('答：我听清楚了。', [0.1, 0.3, 0.5, 0.33]),
      line('被讯问人：', [0.1, 0.2, 0.25, 0.23]),
      line('陈志强', [0.6, 0.201, 0.7, 0.232]),
      line('讯问笔录', [0.4, 0.1, 0.6, 0.14]),
    ];
    const { text, lines, spans } = pageTextOf(pieces);
    expect(text).toBe('讯问笔录\n被讯问人： 陈志强\n答：我听清楚了。');
    expect(lines.map((piece) => piece.text)).toEqual(['讯问笔录', '被讯问人：', '陈志强', '答：我听清楚了。']);
    for (const [i, [start, end]] of spans.entries()) expect(text.slice(start, end)).toBe(lines[i]?.text);
  });

  it('joins close pieces without a space and keeps text of empty pieces out', () => {
    const { text } = pageTextOf([line('问：', [0.1, 0.1, 0.14, 0.13]), line('', [0.5, 0.1, 0.6, 0.13]), line('你叫什么名字？', [0.145, 0.1, 0.4, 0.13])]);
    expect(text).toBe('问：你叫什么名字？');
  });
});

describe('hit boxes on a recognised page', () => {
  it('gives digits half the width of ideographs', () => {
    // 2 ideographs + 4 digits + 1 ideograph = 2 + 2.2 + 1 = 5.2 ems over 0.52 of the page.
    const lines = [line('生于1977年', [0, 0.1, 0.52, 0.13])];
    const [year] = hitBoxes(lines, 2, 6);
    expect(year?.[0]).toBeCloseTo(0.2);
    expect(year?.[2]).toBeCloseTo(0.42);
  });

  it('cuts the hit out of its line in proportion, one box per line it runs over', () => {
    const lines = [line('一二三四五六七八九十', [0.1, 0.2, 0.6, 0.23]), line('甲乙丙丁', [0.1, 0.25, 0.3, 0.28])];
    const { text } = pageTextOf(lines);
    const at = text.indexOf('三四');
    const [box] = hitBoxes(lines, at, at + 2);
    expect(box?.[0]).toBeCloseTo(0.2);
    expect(box?.[2]).toBeCloseTo(0.3);
    expect(box?.[1]).toBe(0.2);
    const across = text.indexOf('九十\n甲');
    const boxes = hitBoxes(lines, across, across + 4);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]?.[0]).toBeCloseTo(0.5);
    expect(boxes[1]?.[2]).toBeCloseTo(0.15);
  });
});
