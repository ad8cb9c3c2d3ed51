/**
 * An append-only file of records, each sealed with AES-256-GCM: what a dossier's pages say is the
 * dossier's content, so it is never on disk in plaintext. Appending one record per page means a
 * kill loses at most the page being written; a torn or tampered tail is cut off when read.
 *
 * Layout: "DDTX1\n", then per record a 4-byte big-endian length, a 12-byte IV, the ciphertext and
 * its 16-byte tag. The additional data binds each record to its dossier.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { open, readFile, truncate } from 'node:fs/promises';

const MAGIC = Buffer.from('DDTX1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** No single record is anywhere near this (a page's text and its lines): larger means damage. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export function seal(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(IV_BYTES + body.length + TAG_BYTES);
  return Buffer.concat([length, iv, body, cipher.getAuthTag()]);
}

function unseal(key: Buffer, aad: string, sealed: Buffer): Buffer {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
}

export interface LogContents {
  records: Buffer[];
  /** The file held records this key cannot open (another key, damage): they were dropped. */
  damaged: boolean;
}

/**
 * The records of the log, in order. Reading stops at the first record that is torn or does not
 * authenticate; the file is cut back to what was read, so appending goes on from there. A missing
 * file is an empty log.
 */
export async function readLog(path: string, key: Buffer, aad: string): Promise<LogContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], damaged: false };
    throw error;
  }
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    await truncate(path, 0);
    return { records: [], damaged: bytes.length > 0 };
  }
  const records: Buffer[] = [];
  let at = MAGIC.length;
  let damaged = false;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) break;
    const length = bytes.readUInt32BE(at);
    if (length < IV_BYTES + TAG_BYTES || length > MAX_RECORD_BYTES || at + 4 + length > bytes.length) break;
    try {
      records.push(unseal(key, aad, bytes.subarray(at + 4, at + 4 + length)));
    } catch {
      damaged = true;
      break;
    }
    at += 4 + length;
  }
  if (at < bytes.length) {
    damaged = damaged || records.length === 0;
    await truncate(path, at);
  }
  return { records, damaged };
}

/** Appends sealed records (creating the file, owner-only, with its magic when new) and syncs. */
export async function appendLog(path: string, sealed: readonly Buffer[]): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    const { size } = await handle.stat();
    await handle.writeFile(Buffer.concat(size === 0 ? [MAGIC, ...sealed] : [...sealed]));
    await handle.sync();
  } finally {
    await handle.close();
  }
}
