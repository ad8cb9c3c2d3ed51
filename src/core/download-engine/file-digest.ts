import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A SHA-256 fed with the first `length` bytes of a file: the running digest of a partial download. */
export async function hashFilePrefix(path: string, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (length <= 0) return hash;
  let seen = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: length - 1 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    seen += bytes.length;
  }
  if (seen !== length) throw new Error(`partial file shorter than expected (${seen} < ${length})`);
  return hash;
}
