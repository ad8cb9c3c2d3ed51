import { describe, expect, it } from 'vitest';
import { chineseNumeral, chineseYear } from './chinese-numerals';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [2024, '二千零二十四'],
    [1005, '一千零五'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it('refuses numbers it cannot name', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });

  it('writes years digit by digit', () => {
    expect(chineseYear(2024)).toBe('二〇二四');
  });
});
