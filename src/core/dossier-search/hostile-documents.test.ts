// Hostile documents in a dossier: read in the limited PDF thread, skipped with the limit named,
// never read again, while core keeps answering. Through DossierSearch, and through core itself.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sevenZipPack } from '../archives/test-archives';
import type { Core } from '../core';
import { fuzzBasePdf, pageTreePdf } from '../pdf/hostile-pdfs';
import { createPdfReader, sharedPdfReader, type PdfReader } from '../pdf-worker';
import { CoreHarness } from '../test-harness';
import { DossierSearch, type SearchableDossier } from './dossier-search';

/** Core's event loop never waits on a hostile document this long (it used to for minutes); generous for a busy CI machine. */
const MAX_STALL_MS = 2000;

const PLAIN = '第一卷/01_起诉意见书.pdf';
const WIDE = '第一卷/02_证据材料.pdf';
const NEGATIVE = '第一卷/03_讯问笔录.pdf';
const SLOW = '第一卷/04_鉴定意见.pdf';

let work: string;
let folder: string;
const harness = new CoreHarness();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hostile-documents-'));
  folder = join(work, 'dossier');
  await mkdir(join(folder, '第一卷'), { recursive: true });
  await writeFile(join(folder, PLAIN), await fuzzBasePdf());
  // 1.2 MB whose page tree lists 200,000 kids.
  await writeFile(join(folder, WIDE), pageTreePdf(200_000));
  await writeFile(join(folder, NEGATIVE), pageTreePdf(1, -5));
});
afterAll(async () => {
  await harness.closeAll();
  await rm(work, { recursive: true, force: true });
});

/** A reader that counts what it is asked to read. */
function counting(reader: PdfReader): { reader: PdfReader; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    reader: { ...reader, readPages: (path, passwords, options) => (reads.push(path), reader.readPages(path, passwords, options)) },
  };
}

/** How long the event loop's timers waited at most while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    stallMs = Math.max(stallMs, performance.now() - last);
    last = performance.now();
  }, 10);
  try {
    return { value: await work, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe('DossierSearch with hostile documents', () => {
  it('skips a document over a limit, names the limit, and never reads it again', async () => {
    const slowFolder = join(work, 'slow');
    await mkdir(join(slowFolder, '第一卷'), { recursive: true });
    await writeFile(join(slowFolder, PLAIN), await fuzzBasePdf());
    // Under the page limit, slow to read: ended by the time limit.
    await writeFile(join(slowFolder, SLOW), pageTreePdf(19_999));
    const base = createPdfReader({ timeouts: { readMs: 1500 } });
    const { reader, reads } = counting(base);
    try {
      const search = new DossierSearch({ reader });
      const dossier: SearchableDossier = { id: 'slow', folder: slowFolder, files: [{ path: PLAIN }, { path: SLOW }] };
      const { value: first, stallMs } = await longestStall(search.find(dossier, 'page', []));
      expect(stallMs).toBeLessThan(MAX_STALL_MS);
      expect(first.hits.map((hit) => hit.page)).toEqual([1, 2, 3]);
      expect(first.skipped).toEqual([{ document: SLOW, reason: 'limit' }]);
      expect(search.skipError('slow', SLOW)).toEqual({ code: 'LIMIT_EXCEEDED', message: `${SLOW}：超出读取限制：用时超过 1.5 秒` });
      const second = await search.find(dossier, 'page', ['other-password']);
      expect(second.skipped).toEqual(first.skipped);
      expect(await search.pageStamps(dossier, SLOW, [])).toBeNull();
      expect(await search.leadingPages(dossier, SLOW, [], 2)).toBeNull();
      expect(reads.filter((path) => path.endsWith('04_鉴定意见.pdf'))).toHaveLength(1);
    } finally {
      await base.close();
    }
  }, 30_000);
});

describe('dossier.find through core', () => {
  let core: Core;
  let id: string;

  beforeAll(async () => {
    core = await harness.open('http://127.0.0.1:9', { defaultLibraryFolder: join(work, 'library') });
    const archive = join(work, '陈浩然涉嫌诈骗案.zip');
    await sevenZipPack(folder, archive, ['-tzip']);
    id = (await core.api['library.import']({ source: { kind: 'path', path: archive } })).id;
  }, 60_000);

  it('counts the readable document and leaves the hostile ones without a page count, never negative', async () => {
    const detail = await core.api['library.get']({ id });
    const pages = Object.fromEntries(detail.files.map((file) => [file.path, file.pages]));
    expect(pages).toEqual({ [PLAIN]: 3, [WIDE]: null, [NEGATIVE]: null });
    // Counted: the readable pages, the hostile documents' unknown (not negative)
    expect(detail.pages).toBe(3);
  });

  it('does not count them again when pages are counted again (a new open password)', async () => {
    const counts = vi.spyOn(sharedPdfReader(), 'countPages');
    try {
      // Counting again ends with the dossier changed a second time (the first: the password kept).
      let changes = 0;
      const counted = new Promise<void>((resolve) => {
        const off = core.on('library.changed', (payload) => {
          if (payload.id === id && ++changes === 2) resolve(off());
        });
      });
      await core.api['library.rememberOpenPassword']({ id, password: '4826153' });
      await counted;
      expect(counts.mock.calls.map(([path]) => path.split(/[\\/]/).pop())).toEqual(['01_起诉意见书.pdf']);
      const detail = await core.api['library.get']({ id });
      expect(detail.files.map((file) => file.pages)).toEqual([3, null, null]);
    } finally {
      counts.mockRestore();
    }
  });

  it('answers other calls while the hostile documents are read, and lists them skipped', async () => {
    const find = core.api['dossier.find']({ dossierId: id, query: 'page' });
    const other = performance.now();
    const { value: list, stallMs } = await longestStall(core.api['library.list']({}));
    expect(performance.now() - other).toBeLessThan(MAX_STALL_MS);
    expect(list.map((summary) => summary.id)).toEqual([id]);
    const { value: result, stallMs: findStall } = await longestStall(find);
    expect(Math.max(stallMs, findStall)).toBeLessThan(MAX_STALL_MS);
    expect(result.hits.map((hit) => [hit.document, hit.page])).toEqual([
      [PLAIN, 1],
      [PLAIN, 2],
      [PLAIN, 3],
    ]);
    expect(result.skipped).toEqual([
      { document: WIDE, reason: 'limit' },
      { document: NEGATIVE, reason: 'damaged' },
    ]);
  });
});
