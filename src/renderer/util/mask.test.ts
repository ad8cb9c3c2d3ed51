import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, maskSecret } from './mask';

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps an already masked number and trims spaces', () => {
    expect(maskPhone('138****5678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
  });
  it('never shows a short number in full', () => {
    expect(maskPhone('12345')).toBe('1****');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('keeps region code and last four of an 18-digit ID', () => {
    expect(maskIdNumber('11010119900101123X')).toBe('110101********123X');
  });
  it('keeps a value the portal already masked', () => {
    expect(maskIdNumber('110101********1234')).toBe('110101********1234');
  });
  it('masks short values except the ends', () => {
    expect(maskIdNumber('A1234567')).toBe('A******7');
  });
});

describe('maskSecret', () => {
  it('shows six dots whatever the password, and its length in characters', () => {
    expect(maskSecret('135')).toEqual({ dots: '●●●●●●', length: 3 });
    expect(maskSecret('1500066')).toEqual({ dots: '●●●●●●', length: 7 });
  });
  it('never contains the password itself', () => {
    expect(JSON.stringify(maskSecret('150005'))).not.toContain('150005');
  });
});
