/**
 * 1,000 hostile archives through listArchive: truncated and bit-flipped zips and 7z files, headers
 * declaring huge sizes and absurd entry counts, bad and deeply nested names, symlinks. Every listing
 * ends within its timeout with a listing or an archive error (never another exception, never a hang),
 * and the main process's memory stays bounded. Seeded, so a failure can be replayed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/errors';
import { seededRandom } from '../../shared/seeded-random';
import { DEFAULT_ARCHIVE_LIMITS } from './archive-limits';
import { entryProblem } from './entry-safety';
import { listArchive } from './list-archive';
import { pythonZip, sevenZipPack, stage } from './test-archives';

const SEED = Number(process.env['ARCHIVE_FUZZ_SEED'] ?? 20_261_202);
const CASES = 1_000;
const LIST_TIMEOUT_MS = 10_000;
const PARALLEL = 2;
const EXPECTED_CODES = new Set<ErrorCode>(['CORRUPT_ARCHIVE', 'UNSUPPORTED_ARCHIVE', 'UNSAFE_ARCHIVE', 'PAYLOAD_TOO_LARGE', 'PASSWORD_REQUIRED']);

let work: string;
const bases: { name: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'archive-fuzz-'));
  const source = await stage({ '第一卷/01_起诉意见书.txt': '起诉意见书'.repeat(50), '第一卷/02_讯问笔录.txt': '笔录'.repeat(300), 'readme.txt': 'hello' });
  const packs: [string, string[]][] = [
    ['deflate.zip', ['-tzip']],
    ['stored.zip', ['-tzip', '-mx=0']],
    ['aes.zip', ['-tzip', '-mem=AES256', '-pfuzz']],
    ['plain.7z', ['-t7z']],
    ['headers.7z', ['-t7z', '-pfuzz', '-mhe=on']],
  ];
  for (const [name, switches] of packs) {
    await sevenZipPack(source, join(work, name), switches);
    bases.push({ name, bytes: await readFile(join(work, name)) });
  }
  await rm(source, { recursive: true, force: true });
  const pythonBases: [string, string][] = [
    ['names.zip', `for n in ['../up.txt', '/abs', 'C:\\\\x', 'CON', 'a\\x01b', '.', 'x' * 300, 'a/' * 400 + 'deep.txt', '卷/Scan.pdf', '卷/scan.pdf']:\n    z.writestr(n, 'x')`],
    ['link.zip', `info = ZipInfo('link')\ninfo.create_system = 3\ninfo.external_attr = 0o120777 << 16\nz.writestr(info, '/etc/passwd')\nz.writestr('link/x', 'y')`],
    ['many.zip', `for i in range(3000):\n    z.writestr(f'v/{i}.txt', b'')`],
    ['zeros.zip', `z.writestr(ZipInfo('zeros.bin'), bytes(4 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)`],
  ];
  for (const [name, body] of pythonBases) {
    await pythonZip(join(work, name), body);
    bases.push({ name, bytes: await readFile(join(work, name)) });
  }
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function positions(bytes: Buffer, marker: Buffer): number[] {
  const out: number[] = [];
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) out.push(at);
  return out;
}

/** One hostile variant of a base archive; the label says what was done. */
function mutate(base: Buffer, next: () => number): { bytes: Buffer; label: string } {
  const bytes = Buffer.from(base);
  const pick = (n: number): number => Math.floor(next() * n);
  const kind = pick(7);
  switch (kind) {
    case 0: {
      const at = pick(bytes.length);
      return { bytes: bytes.subarray(0, at), label: `truncated at ${at}` };
    }
    case 1: {
      // Flip bytes in the headers: the first 64 and the last 128 bytes.
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i++) {
        const at = next() < 0.5 ? pick(Math.min(64, bytes.length)) : Math.max(0, bytes.length - 1 - pick(128));
        bytes[at] = (bytes[at] as number) ^ (1 << pick(8));
      }
      return { bytes, label: `${flips} header bytes flipped` };
    }
    case 2: {
      const flips = 1 + pick(32);
      for (let i = 0; i < flips; i++) bytes[pick(bytes.length)] = pick(256);
      return { bytes, label: `${flips} random bytes changed` };
    }
    case 3: {
      // Declared sizes: huge, in local and central zip headers.
      const size = [0xffffffff, 0x80000000, 0x7fffffff, 0][pick(4)] as number;
      for (const at of positions(bytes, ZIP_LOCAL)) if (at + 26 <= bytes.length) bytes.writeUInt32LE(size, at + 22);
      for (const at of positions(bytes, ZIP_CENTRAL)) if (at + 28 <= bytes.length) bytes.writeUInt32LE(size, at + 24);
      return { bytes, label: `declared size ${size}` };
    }
    case 4: {
      // Absurd entry counts and directory sizes in the end record.
      for (const at of positions(bytes, ZIP_END)) {
        if (at + 22 > bytes.length) continue;
        bytes.writeUInt16LE(0xffff, at + 8);
        bytes.writeUInt16LE(0xffff, at + 10);
        if (next() < 0.5) bytes.writeUInt32LE(pick(0xffffffff), at + 12);
        if (next() < 0.5) bytes.writeUInt32LE(pick(0xffffffff), at + 16);
      }
      // 7z: a start header pointing anywhere.
      if (bytes.length >= 32 && bytes[0] === 0x37) bytes.writeUInt32LE(pick(0xffffffff), 12 + 4 * pick(3));
      return { bytes, label: 'absurd entry count / directory size' };
    }
    case 5: {
      // Name lengths and extra fields lying about their size.
      for (const at of positions(bytes, ZIP_CENTRAL)) if (at + 34 <= bytes.length) bytes.writeUInt16LE(pick(0x10000), at + 28 + 2 * pick(3));
      return { bytes, label: 'name/extra/comment lengths changed' };
    }
    default: {
      // Bytes spliced from elsewhere in the file (repeated headers, overlapping entries).
      const from = pick(bytes.length);
      const length = pick(Math.min(512, bytes.length - from));
      const to = pick(bytes.length);
      return { bytes: Buffer.concat([bytes.subarray(0, to), bytes.subarray(from, from + length), bytes.subarray(to)]), label: `spliced ${length} bytes` };
    }
  }
}

describe('listArchive against 1,000 hostile archives', () => {
  it(`lists or refuses each one in bounded time and memory (seed ${SEED})`, async () => {
    const next = seededRandom(SEED);
    const cases = Array.from({ length: CASES }, (_, i) => {
      const base = bases[i % bases.length] as (typeof bases)[number];
      const { bytes, label } = mutate(base.bytes, next);
      return { name: `${i}-${base.name}`, bytes, label };
    });
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const started = performance.now();
    let slowest = 0;
    let index = 0;
    const worker = async (): Promise<void> => {
      while (index < cases.length) {
        const item = cases[index++] as (typeof cases)[number];
        const path = join(work, item.name);
        await writeFile(path, item.bytes);
        const begin = performance.now();
        try {
          const listing = await listArchive(path, { timeoutMs: LIST_TIMEOUT_MS });
          // What it lists is what extraction would write: vetted, within the limits.
          if (listing.entries.length > DEFAULT_ARCHIVE_LIMITS.maxEntries || listing.totalBytes > DEFAULT_ARCHIVE_LIMITS.maxUnpackedBytes) problems.push(`${item.name} (${item.label}): over a limit`);
          for (const entry of listing.entries) {
            const saved = entry.saved ?? entry.path;
            if (entryProblem({ name: saved, attributes: '', link: '', anti: false }) !== null || saved.split('/').some((part) => part === '.' || part === '')) {
              problems.push(`${item.name} (${item.label}): unsafe saved name ${JSON.stringify(saved)}`);
            }
          }
          outcomes.set('listed', (outcomes.get('listed') ?? 0) + 1);
        } catch (error) {
          if (error instanceof AppError && EXPECTED_CODES.has(error.code)) outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
          else problems.push(`${item.name} (${item.label}): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        }
        slowest = Math.max(slowest, performance.now() - begin);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        await rm(path, { force: true });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.warn(
      `archive fuzz (seed ${SEED}): ${CASES} archives in ${seconds.toFixed(1)} s, slowest ${Math.round(slowest)} ms, rss +${Math.round((rssPeak - rssBefore) / 1024 / 1024)} MB;`,
      Object.fromEntries(outcomes),
    );
    expect(problems).toEqual([]);
    // Each listing ended within its timeout (a timeout is reported as CORRUPT_ARCHIVE, not a hang).
    expect(slowest).toBeLessThan(LIST_TIMEOUT_MS + 2_000);
    expect(rssPeak - rssBefore).toBeLessThan(256 * 1024 * 1024);
    // Both kinds of outcome happened: the corpus is not all rubbish, nor all fine.
    expect(outcomes.get('listed') ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].filter((key) => key !== 'listed').length).toBeGreaterThan(2);
  }, 180_000);
});
