// The PDF reading thread against real hostile files: limits on pages, time and memory trip, the
// document is named, the worker is replaced, and core's event loop keeps running meanwhile.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateBombPdf, fuzzBasePdf, pageTreePdf } from '../pdf/hostile-pdfs';
import { createPdfReader } from './pdf-reader';

/** Core's event loop never waits on a hostile document this long (it used to for minutes); generous for a busy CI machine. */
const MAX_STALL_MS = 2000;

let work: string;
const readers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pdf-reader-'));
});
afterAll(async () => {
  await Promise.all(readers.map((reader) => reader.close()));
  await rm(work, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(work, name);
  await writeFile(path, bytes);
  return path;
}

function reader(...args: Parameters<typeof createPdfReader>) {
  const made = createPdfReader(...args);
  readers.push(made);
  return made;
}

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(ticker);
  return { result: result as PromiseSettledResult<T>, stallMs };
}

describe('the PDF reader', () => {
  it('counts pages and reads text in its thread, reusing it across documents', async () => {
    const pdfs = reader();
    const path = await file('plain.pdf', await fuzzBasePdf());
    expect(await pdfs.countPages(path)).toBe(3);
    const read = await pdfs.readPages(path, []);
    expect(read).toMatchObject({ texts: ['page 1', 'page 2', 'page 3'], pageCount: 3, password: null });
    expect((await pdfs.inspect(path, undefined, { text: true })).text).toEqual(['page1', 'page2', 'page3']);
  });

  it('gives an error for /Count -5, never -5, and for other counts that are no page count', async () => {
    const pdfs = reader();
    for (const count of ['-5', '0']) {
      const path = await file(`count${count}.pdf`, pageTreePdf(1, count));
      await expect(pdfs.countPages(path)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining(`页数无效（${count}）`) });
      await expect(pdfs.inspect(path, undefined)).rejects.toMatchObject({ code: 'INTERNAL' });
      await expect(pdfs.readPages(path, [])).rejects.toMatchObject({ code: 'INTERNAL' });
    }
    // Not an integer: pdf.js counts the page tree itself.
    expect(await pdfs.countPages(await file('count2.5.pdf', pageTreePdf(1, '2.5')))).toBe(1);
  });

  it('refuses a page tree of 200,000 kids at once, naming the page limit, without holding the event loop', async () => {
    const pdfs = reader();
    const bytes = pageTreePdf(200_000);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const path = await file('wide.pdf', bytes);
    const attempts: (() => Promise<unknown>)[] = [() => pdfs.countPages(path), () => pdfs.readPages(path, []), () => pdfs.inspect(path, undefined, { text: true })];
    for (const attempt of attempts) {
      const { result, stallMs } = await longestStall(attempt());
      expect(result).toMatchObject({ status: 'rejected', reason: { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('200000 页，上限 20000 页') } });
      expect(stallMs).toBeLessThan(MAX_STALL_MS);
    }
  });

  it('ends a document that reads too slowly by its time limit and reads the next one in a new thread', async () => {
    const pdfs = reader({ timeouts: { readMs: 1500 } });
    // Under the page limit, but every page is one more round through a 19,999-kid array.
    const path = await file('slow.pdf', pageTreePdf(19_999));
    const started = performance.now();
    const { result, stallMs } = await longestStall(pdfs.readPages(path, []));
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('用时超过 1.5 秒') } });
    // Ended by its limit, not read to the end (which takes minutes).
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(stallMs).toBeLessThan(MAX_STALL_MS);
    expect(await pdfs.countPages(await file('after-slow.pdf', await fuzzBasePdf()))).toBe(3);
  });

  it('stops a deflate bomb at the memory limit; core\'s own heap does not grow', async () => {
    const pdfs = reader({ worker: { externalMb: 256 } });
    // 1 GiB of spaces in a ~1 MB content stream.
    const path = await file('bomb.pdf', await deflateBombPdf(1024 * 1024 * 1024));
    global.gc?.();
    const before = process.memoryUsage();
    const { result, stallMs } = await longestStall(pdfs.readPages(path, []));
    const after = process.memoryUsage();
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'LIMIT_EXCEEDED', message: expect.stringContaining('内存超过 256 MB') } });
    expect(after.heapUsed - before.heapUsed).toBeLessThan(100 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * 1024 * 1024);
    expect(stallMs).toBeLessThan(MAX_STALL_MS);
    expect(await pdfs.countPages(path)).toBe(1);
  }, 60_000);
});
