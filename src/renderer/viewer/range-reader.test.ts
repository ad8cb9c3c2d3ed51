import { describe, expect, it } from 'vitest';
import { chunkRanges, readRange } from './range-reader';

/** A file of `size` bytes (byte i = i mod 251) behind a read function that records its calls. */
function fakeFile(size: number) {
  const data = Uint8Array.from({ length: size }, (_, i) => i % 251);
  const calls: [number, number][] = [];
  const read = async (offset: number, length: number) => {
    calls.push([offset, length]);
    return data.slice(offset, offset + length);
  };
  return { data, calls, read };
}

describe('chunkRanges', () => {
  it('covers the range in pieces no larger than the limit', () => {
    expect(chunkRanges(0, 10, 4)).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    expect(chunkRanges(5, 5, 4)).toEqual([]);
    expect(() => chunkRanges(0, 10, 0)).toThrow(RangeError);
  });
});

describe('readRange', () => {
  it('reads a range larger than one call allows as several calls, in order', async () => {
    const file = fakeFile(10_000);
    const bytes = await readRange(file.read, 1000, 9500, 4096);
    expect(file.calls).toEqual([
      [1000, 4096],
      [5096, 4096],
      [9192, 308],
    ]);
    expect(bytes).toEqual(file.data.slice(1000, 9500));
  });

  it('returns a small range from one call and stops at the end of the file', async () => {
    const file = fakeFile(100);
    expect(await readRange(file.read, 10, 20, 4096)).toEqual(file.data.slice(10, 20));
    const tail = await readRange(file.read, 50, 300, 40);
    expect(tail).toEqual(file.data.slice(50, 100));
    expect(file.calls.slice(1)).toEqual([
      [50, 40],
      [90, 40],
    ]);
  });

  it('passes a failed read on', async () => {
    const failing = async () => {
      throw new Error('NOT_FOUND');
    };
    await expect(readRange(failing, 0, 10, 4)).rejects.toThrow('NOT_FOUND');
  });
});
