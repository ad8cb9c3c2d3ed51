import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseByteRange(undefined, 100)).toEqual({ kind: 'full' });
  });

  it('reads first-last, open-ended and suffix ranges, clamped to the file', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseByteRange('bytes=10-', 100)).toEqual({ kind: 'partial', start: 10, end: 99 });
    expect(parseByteRange('bytes=-5', 100)).toEqual({ kind: 'partial', start: 95, end: 99 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseByteRange(' Bytes = 3 - 3 ', 100)).toEqual({ kind: 'partial', start: 3, end: 3 });
  });

  it('refuses ranges it cannot satisfy or does not understand', () => {
    for (const header of [
      'bytes=100-',
      'bytes=100-200',
      'bytes=-0',
      'bytes=5-4',
      'bytes=0-1,5-6',
      'bytes=abc',
      'bytes=-',
      'items=0-1',
      'bytes=1234567890123456-',
      '',
    ]) {
      expect(parseByteRange(header, 100).kind, header).toBe('unsatisfiable');
    }
    expect(parseByteRange('bytes=0-', 0).kind).toBe('unsatisfiable');
  });
});
