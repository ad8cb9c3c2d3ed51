/** Reading a document's bytes through the contract, in ranges no larger than a call may return. */

/** Reads `length` bytes at `offset` (fewer only at the end of the file). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

/** [offset, length] pieces covering [begin, end), none longer than max. */
export function chunkRanges(begin: number, end: number, max: number): [number, number][] {
  if (!(max >= 1)) throw new RangeError('max must be at least 1');
  const pieces: [number, number][] = [];
  for (let offset = Math.max(0, begin); offset < end; offset += max) pieces.push([offset, Math.min(max, end - offset)]);
  return pieces;
}

/** The bytes of [begin, end), read piece by piece; stops early at the end of the file. */
export async function readRange(read: ReadBytes, begin: number, end: number, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const [offset, length] of chunkRanges(begin, end, max)) {
    const part = await read(offset, length);
    parts.push(part);
    total += part.length;
    if (part.length < length) break;
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
