// Fuzzing the page counter as the library runs it (in the limited PDF thread): 1,000 seeded
// mutations of a real small PDF. No hang, no crash of this process, memory bounded, and every
// answer is a page count in range or a named error. Part of the normal suite: bounded to ~1 min.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import { seededRandom } from '../../shared/seeded-random';
import { fuzzBasePdf, MUTATIONS, mutatePdf, type Mutation } from '../pdf/hostile-pdfs';
import { PDF_LIMITS } from '../pdf';
import { createPdfReader, type PdfReader } from './pdf-reader';

const FILES = 1000;
const SEED = 12309;

let work: string;
let reader: PdfReader;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'count-fuzz-'));
  // As the library's, with a shorter time limit so that hangs cost the run little.
  reader = createPdfReader({ workers: 2, timeouts: { countMs: 2000 } });
});
afterAll(async () => {
  await reader.close();
  await rm(work, { recursive: true, force: true });
});

it('counts 1,000 hostile PDFs without a hang, a crash or unbounded memory', async () => {
  const base = await fuzzBasePdf();
  const random = seededRandom(SEED);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const started = performance.now();
  const outcomes = new Map<string, number>();
  const tally = (mutation: Mutation, outcome: string) => outcomes.set(`${mutation} ${outcome}`, (outcomes.get(`${mutation} ${outcome}`) ?? 0) + 1);

  // Two at a time, as many as the reader has threads.
  for (let index = 0; index < FILES; index += 2) {
    await Promise.all(
      [index, index + 1].map(async (i) => {
        const { mutation, bytes } = mutatePdf(base, i, random);
        const path = join(work, `${i}.pdf`);
        await writeFile(path, bytes);
        try {
          const pages = await reader.countPages(path);
          expect(Number.isInteger(pages) && pages >= 1 && pages <= PDF_LIMITS.maxPages, `${i} (${mutation}): ${pages}`).toBe(true);
          tally(mutation, 'counted');
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          expect(errorCodes, `${i} (${mutation}): ${String(error)}`).toContain(code);
          tally(mutation, String(code));
        } finally {
          await rm(path);
        }
      }),
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }

  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const after = process.memoryUsage();
  const summary = `${FILES} files in ${seconds.toFixed(1)} s, heap +${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(1)} MB, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB; ${JSON.stringify(Object.fromEntries(outcomes))}`;
  expect(seconds, summary).toBeLessThan(120);
  // This process's heap holds no document; the threads' memory is theirs, bounded by their limits.
  expect(after.heapUsed - before.heapUsed, summary).toBeLessThan(100 * 2 ** 20);
  expect(peakRss - before.rss, summary).toBeLessThan(1.5 * 2 ** 30);
  // Every kind of mutation was tried, and the readable ones were counted.
  for (const mutation of MUTATIONS) expect([...outcomes.keys()].some((key) => key.startsWith(`${mutation} `))).toBe(true);
  expect(outcomes.get('deep counted'), summary).toBeGreaterThan(0);
}, 150_000);
