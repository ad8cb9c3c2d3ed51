/**
 * Recovers the real names of zip entries written without the UTF-8 flag (bit 11). Windows tools
 * write those in the system code page, GBK/GB18030 in China, but p7zip decodes them as CP437 (or
 * Latin-1), giving mojibake. We read the central directory ourselves to see the flag and the raw
 * bytes, and map each name p7zip reports to the decoded one.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const UNICODE_PATH_EXTRA = 0x7075;
/** Beyond this a central directory is not a dossier's: skip the name recovery rather than read it all. */
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function fileSize(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}

/** Finds the central directory: [offset, size], or null when the file has no readable one. */
async function locateCentralDirectory(path: string): Promise<[number, number] | null> {
  const size = await fileSize(path);
  const tailStart = Math.max(0, size - (22 + 0xffff + 20));
  const tail = await readAt(path, tailStart, size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    let cdSize = tail.readUInt32LE(i + 12);
    let cdOffset = tail.readUInt32LE(i + 16);
    if ((cdSize === 0xffffffff || cdOffset === 0xffffffff) && i >= 20 && tail.readUInt32LE(i - 20) === EOCD64_LOCATOR) {
      const eocd64At = Number(tail.readBigUInt64LE(i - 12));
      const eocd64 = await readAt(path, eocd64At, 56);
      if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== EOCD64) return null;
      cdSize = Number(eocd64.readBigUInt64LE(40));
      cdOffset = Number(eocd64.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) return null;
    return [cdOffset, cdSize];
  }
  return null;
}

function unicodePathExtra(extra: Buffer, rawName: Buffer): string | null {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const body = extra.subarray(at + 4, at + 4 + length);
    // Info-ZIP Unicode Path: version 1, CRC-32 of the raw name, then the UTF-8 name.
    if (id === UNICODE_PATH_EXTRA && body.length > 5 && body[0] === 1 && body.readUInt32LE(1) === crc32(rawName)) {
      return body.subarray(5).toString('utf8');
    }
    at += 4 + length;
  }
  return null;
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Buffer): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The key both sides are compared by: p7zip may turn `\` into `/`. */
export function nameKey(name: string): string {
  return name.replaceAll('\\', '/');
}

/**
 * Maps the names p7zip reports (as `nameKey`) to the real names, for the entries that need it.
 * Empty when the file is not a readable zip or every name is flagged UTF-8 or plain ASCII.
 */
export async function zipNameFixes(path: string): Promise<Map<string, string>> {
  const fixes = new Map<string, string>();
  const located = await locateCentralDirectory(path);
  if (!located || located[1] > MAX_CENTRAL_DIRECTORY) return fixes;
  const directory = await readAt(path, located[0], located[1]);
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL; ) {
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const raw = directory.subarray(at + 46, at + 46 + nameLength);
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x0800) !== 0 || raw.every((byte) => byte < 0x80)) continue;
    const real = unicodePathExtra(extra, raw) ?? iconv.decode(raw, 'gb18030');
    for (const seen of [iconv.decode(raw, 'cp437'), raw.toString('latin1')]) fixes.set(nameKey(seen), real);
  }
  return fixes;
}
