import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Streamed SHA-256 of a file that must be `size` bytes long (it is read in place, never opened for
 * writing); stops when `signal` aborts, so closing the app does not wait for a multi-GB hash.
 */
export async function fileSha256(path: string, size: number, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  let seen = 0;
  for await (const chunk of createReadStream(path, signal ? { signal } : {})) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    seen += bytes.length;
  }
  if (seen !== size) throw new Error(`the file changed while it was read (${seen} of ${size} bytes)`);
  return hash.digest('hex');
}
