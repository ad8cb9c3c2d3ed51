import { describe, expect, it } from 'vitest';
import { parsePageRange } from './print-range';

describe('parsePageRange', () => {
  it('reads a range, a single page and several parts', () => {
    expect(parsePageRange('3-7', 10)).toEqual({ ok: true, pages: [3, 4, 5, 6, 7] });
    expect(parsePageRange(' 5 ', 10)).toEqual({ ok: true, pages: [5] });
    expect(parsePageRange('1-2, 9，4', 10)).toEqual({ ok: true, pages: [1, 2, 9, 4] });
  });

  it('accepts the dashes and digits a Chinese keyboard types', () => {
    expect(parsePageRange('３–５', 10)).toEqual({ ok: true, pages: [3, 4, 5] });
    expect(parsePageRange('2 至 4', 10)).toEqual({ ok: true, pages: [2, 3, 4] });
    expect(parsePageRange('2～3', 10)).toEqual({ ok: true, pages: [2, 3] });
  });

  it('reads a reversed range as the same pages in order', () => {
    expect(parsePageRange('7-3', 10)).toEqual({ ok: true, pages: [3, 4, 5, 6, 7] });
  });

  it('names each page once', () => {
    expect(parsePageRange('2-4, 3-5', 10)).toEqual({ ok: true, pages: [2, 3, 4, 5] });
  });

  it('refuses pages outside the document', () => {
    expect(parsePageRange('8-11', 10)).toEqual({ ok: false, error: 'outside' });
    expect(parsePageRange('0', 10)).toEqual({ ok: false, error: 'outside' });
    expect(parsePageRange('0-2', 10)).toEqual({ ok: false, error: 'outside' });
    expect(parsePageRange('1', 0)).toEqual({ ok: false, error: 'outside' });
  });

  it('refuses what is not a page range, with a reason', () => {
    expect(parsePageRange('', 10)).toEqual({ ok: false, error: 'empty' });
    expect(parsePageRange('   ', 10)).toEqual({ ok: false, error: 'empty' });
    expect(parsePageRange('abc', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('3-', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('-3', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('1-2-3', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('2.5', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('1,,2', 10)).toEqual({ ok: false, error: 'syntax' });
    expect(parsePageRange('9999999', 10)).toEqual({ ok: false, error: 'syntax' });
  });
});
