import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, idNumberProblem, maskIdNumber } from './id-number';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of published examples', () => {
    // The worked example of GB 11643-1999 Annex: 11010519491231002X.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('1101051949123100')).toBeNull();
  });

  it('accepts valid numbers and names the problem of invalid ones', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('440524188001010014')).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('11010519491331002X')).toBe('birth-date');
    expect(idNumberProblem('11010519490230002X')).toBe('birth-date');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
    expect(idNumberProblem('1101051949123100')).toBe('format');
  });

  it('masks all but the region and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
