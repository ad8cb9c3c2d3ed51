import { describe, expect, it } from 'vitest';
import { cornerStamp, type PositionedText } from './corner-stamp';

const A4 = [0, 0, 595, 842];
const at = (str: string, x: number, y: number, width = 12, height = 11): PositionedText => ({ str, transform: [height, 0, 0, height, x, y], width, height });
const body = [at('讯 问 笔 录', 250, 764, 100, 18), at('时间：2024年3月5日', 72, 730, 200)];

describe('cornerStamp', () => {
  it('reads a number alone in the top right or top left corner', () => {
    expect(cornerStamp([...body, at('23', 530, 800)], A4)).toBe(23);
    expect(cornerStamp([at('７', 40, 805), ...body], A4)).toBe(7);
  });

  it('ignores numbers in the body, at the bottom, in the middle or sharing their line', () => {
    expect(cornerStamp([...body, at('23', 530, 400)], A4)).toBeNull();
    expect(cornerStamp([...body, at('23', 290, 800)], A4)).toBeNull();
    expect(cornerStamp([...body, at('23', 530, 40)], A4)).toBeNull();
    expect(cornerStamp([...body, at('23', 530, 800), at('第', 500, 800)], A4)).toBeNull();
    expect(cornerStamp([...body, at('23页', 530, 800)], A4)).toBeNull();
    expect(cornerStamp(body, A4)).toBeNull();
  });

  it('takes none when two corners carry numbers', () => {
    expect(cornerStamp([...body, at('23', 530, 800), at('5', 40, 780)], A4)).toBeNull();
  });
});
