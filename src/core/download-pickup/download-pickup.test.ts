import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { PickupOffer } from '../../shared/pickup';
import { ZipWriter } from '../../mock-portal/dossier/zip-writer';
import { listArchive } from '../archives';
import { sevenZipPack, stage } from '../archives/test-archives';
import { DownloadPickup, type DownloadPickupOptions } from './download-pickup';
import { STATE_FILE_NAME } from './pickup-state-file';

const SETTLE = 2_000;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function zipBytes(files: Record<string, string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const writer = new ZipWriter((chunk) => void chunks.push(chunk), { names: 'utf8', modified: new Date('2026-11-20T08:00:00Z') });
  for (const [name, text] of Object.entries(files)) await writer.addFile(name, Buffer.from(text));
  await writer.finish();
  return Buffer.concat(chunks);
}

/** A dossier-looking zip: documents only, with `tag` making its bytes unique. */
function dossierZip(tag: string): Promise<Buffer> {
  return zipBytes({ '第一卷/01_起诉意见书.pdf': `%PDF-1.4 ${tag}`, '第一卷/02_现场照片.jpg': `jpeg ${tag}`, '第一卷/Thumbs.db': 'x' });
}

function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Harness {
  downloads: string;
  dataDir: string;
  clock: { now: number };
  offers: PickupOffer[];
  listed: string[];
  imports: Array<{ path: string; caseName: string | null }>;
  library: Map<string, string>;
  caseNames: string[];
  pickup: DownloadPickup;
  /** A new instance on the same folders and data (a restart). */
  restart(): Promise<DownloadPickup>;
  /** Two scans a settle period apart: what a file needs to be considered. */
  settle(): Promise<void>;
  /** The most imports that ran at the same time. */
  mostAtOnce(): number;
  /** Resolves with the next emitted offer that matches. */
  next(match: (offer: PickupOffer) => boolean): Promise<PickupOffer>;
}

async function harness(overrides: Partial<DownloadPickupOptions> & { auto?: boolean; importFails?: () => Error | null } = {}): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), 'download-pickup-'));
  const downloads = join(root, '下载');
  const dataDir = join(root, 'data');
  const libraryDir = join(root, 'library');
  await mkdir(downloads);
  await mkdir(libraryDir);
  const clock = { now: Date.now() };
  const offers: PickupOffer[] = [];
  const listed: string[] = [];
  const imports: Array<{ path: string; caseName: string | null }> = [];
  const library = new Map<string, string>();
  const caseNames: string[] = [];
  const waiters: Array<{ match: (offer: PickupOffer) => boolean; resolve: (offer: PickupOffer) => void }> = [];
  const instances: DownloadPickup[] = [];
  let running = 0;
  let most = 0;
  const make = (): DownloadPickup => {
    const pickup = new DownloadPickup({
      dataDir,
      folders: async () => [downloads],
      knownCaseNames: async () => [...caseNames],
      inLibrary: async (sha256) => (library.has(sha256) ? { dossierId: library.get(sha256) as string } : null),
      importArchive: async (path, caseName) => {
        imports.push({ path, caseName });
        running += 1;
        most = Math.max(most, running);
        try {
          const failure = overrides.importFails?.();
          if (failure) throw failure;
          // Like 导入卷宗: a copy into the library, the source only read.
          const dossierId = `d${imports.length}`;
          await copyFile(path, join(libraryDir, `${dossierId}.zip`));
          library.set(sha(await readFile(path)), dossierId);
          return { dossierId };
        } finally {
          running -= 1;
        }
      },
      autoImport: () => overrides.auto ?? false,
      emit: (offer) => {
        offers.push(offer);
        for (const waiter of waiters.splice(0)) {
          if (waiter.match(offer)) waiter.resolve(offer);
          else waiters.push(waiter);
        }
      },
      listArchive: (path, signal) => {
        listed.push(path);
        return listArchive(path, { timeoutMs: 30_000, signal });
      },
      now: () => clock.now,
      settleMs: SETTLE,
      ...overrides,
    });
    instances.push(pickup);
    return pickup;
  };
  const h: Harness = {
    downloads,
    dataDir,
    clock,
    offers,
    listed,
    imports,
    library,
    caseNames,
    pickup: make(),
    async restart() {
      await h.pickup.close();
      h.pickup = make();
      return h.pickup;
    },
    async settle() {
      await h.pickup.scanNow();
      clock.now += SETTLE;
      await h.pickup.scanNow();
    },
    mostAtOnce: () => most,
    next(match) {
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
  cleanups.push(async () => {
    for (const instance of instances) await instance.close();
    await rm(root, { recursive: true, force: true });
  });
  return h;
}

describe('DownloadPickup', () => {
  it('offers a Chrome download only once it is renamed from .crdownload and has settled', async () => {
    const h = await harness();
    const bytes = await dossierZip('a');
    const partial = join(h.downloads, '卷宗材料.zip.crdownload');
    await writeFile(partial, bytes);
    await h.settle();
    await h.settle();
    expect(h.pickup.list()).toEqual([]);

    await rename(partial, join(h.downloads, '卷宗材料.zip'));
    await h.pickup.scanNow();
    expect(h.pickup.list()).toEqual([]);
    h.clock.now += SETTLE;
    await h.pickup.scanNow();
    const info = await stat(join(h.downloads, '卷宗材料.zip'));
    expect(h.pickup.list()).toEqual([
      {
        id: sha(bytes).slice(0, 24),
        fileName: '卷宗材料.zip',
        folder: h.downloads,
        size: bytes.length,
        modifiedAt: new Date(info.mtimeMs).toISOString(),
        sha256: sha(bytes),
        caseName: null,
        state: 'offered',
        dossierId: null,
        error: null,
      },
    ]);
    expect(h.offers).toHaveLength(1);
    expect(h.imports).toEqual([]);
  });

  it('waits while a file still grows, and lists it only once it is whole', async () => {
    const h = await harness();
    const bytes = await dossierZip('growing');
    const path = join(h.downloads, 'dossier.ZIP');
    await writeFile(path, bytes.subarray(0, 100));
    await h.pickup.scanNow();
    h.clock.now += SETTLE;
    await appendFile(path, bytes.subarray(100));
    await h.pickup.scanNow();
    // Unchanged since the last scan, but not for long enough.
    h.clock.now += SETTLE - 1;
    await h.pickup.scanNow();
    expect(h.pickup.list()).toEqual([]);
    expect(h.listed).toEqual([]);
    h.clock.now += 1;
    await h.pickup.scanNow();
    expect(h.pickup.list().map((offer) => [offer.fileName, offer.sha256])).toEqual([['dossier.ZIP', sha(bytes)]]);
    expect(h.listed).toEqual([path]);
  });

  it('leaves Firefox’s empty placeholder alone while the .part beside it is written', async () => {
    const h = await harness();
    const bytes = await dossierZip('firefox');
    const final = join(h.downloads, '案卷.zip');
    await writeFile(final, '');
    await writeFile(`${final}.part`, bytes);
    await h.settle();
    await h.settle();
    expect(h.pickup.list()).toEqual([]);
    expect(h.listed).toEqual([]);
    await rename(`${final}.part`, final);
    await h.settle();
    expect(h.pickup.list().map((offer) => offer.fileName)).toEqual(['案卷.zip']);
  });

  it('does not offer an archive of other things, and never lists it again, even after a restart', async () => {
    const h = await harness();
    await writeFile(join(h.downloads, 'setup.zip'), await zipBytes({ 'setup.exe': 'MZ', 'readme.txt': 'hi', 'manual.pdf': '%PDF' }));
    await writeFile(join(h.downloads, 'empty-ish.zip'), await zipBytes({ '__MACOSX/._a.pdf': 'x', '.DS_Store': 'x' }));
    await h.settle();
    await h.settle();
    expect(h.pickup.list()).toEqual([]);
    expect(h.listed.sort()).toEqual([join(h.downloads, 'empty-ish.zip'), join(h.downloads, 'setup.zip')]);
    await h.restart();
    await h.settle();
    expect(h.listed).toHaveLength(2);
    expect(h.offers).toEqual([]);
  });

  it('lists again on a later scan when 7-Zip could not run, rather than remember a verdict', async () => {
    let broken = true;
    const h = await harness({
      listArchive: async (path, signal) => {
        if (broken) throw new Error('spawn 7za EACCES');
        return listArchive(path, { timeoutMs: 30_000, signal });
      },
    });
    await writeFile(join(h.downloads, 'a.zip'), await dossierZip('retry'));
    await h.settle();
    expect(h.pickup.list()).toEqual([]);
    broken = false;
    await h.pickup.scanNow();
    expect(h.pickup.list().map((offer) => offer.fileName)).toEqual(['a.zip']);
  });

  it('offers an archive named after a known case whatever it holds (NFKC, spaces ignored)', async () => {
    const h = await harness();
    h.caseNames.push('王五盗窃案', '张三故意伤害案');
    await writeFile(join(h.downloads, '张三　故意伤害案 卷宗.zip'), await zipBytes({ '说明.txt': 'x', '起诉意见书.pdf': '%PDF' }));
    await h.settle();
    expect(h.pickup.list().map((offer) => [offer.fileName, offer.caseName, offer.state])).toEqual([['张三　故意伤害案 卷宗.zip', '张三故意伤害案', 'offered']]);
  });

  it('offers a 7z with encrypted names only when its name carries a known case', async () => {
    const h = await harness();
    h.caseNames.push('李四诈骗案');
    const source = await stage({ '第一卷/01_起诉意见书.pdf': '%PDF-1.4 secret' });
    cleanups.push(() => rm(source, { recursive: true, force: true }));
    await sevenZipPack(source, join(h.downloads, '李四诈骗案.7z'), ['-t7z', '-pdownload-secret', '-mhe=on']);
    await sevenZipPack(source, join(h.downloads, 'unknown.7z'), ['-t7z', '-pother-secret', '-mhe=on']);
    await h.settle();
    expect(h.pickup.list().map((offer) => [offer.fileName, offer.caseName])).toEqual([['李四诈骗案.7z', '李四诈骗案']]);
  });

  it('offers the same bytes once, and reports an archive already in 卷宗库 without offering it', async () => {
    const h = await harness();
    const bytes = await dossierZip('dup');
    const held = await dossierZip('held');
    h.library.set(sha(held), 'dossier-7');
    await writeFile(join(h.downloads, '卷宗.zip'), bytes);
    await writeFile(join(h.downloads, '卷宗 (1).zip'), bytes);
    await writeFile(join(h.downloads, '旧卷宗.zip'), held);
    await h.settle();
    await h.settle();
    const offers = h.pickup.list();
    expect(offers.filter((offer) => offer.state === 'offered').map((offer) => offer.sha256)).toEqual([sha(bytes)]);
    expect(offers.filter((offer) => offer.state === 'in-library').map((offer) => [offer.fileName, offer.dossierId])).toEqual([['旧卷宗.zip', 'dossier-7']]);
    expect(offers).toHaveLength(2);
    expect(h.offers).toHaveLength(2);
    expect(h.imports).toEqual([]);
  });

  it('remembers an ignored archive across a restart, and starts empty from a damaged state file', async () => {
    const h = await harness();
    const bytes = await dossierZip('ignored');
    await writeFile(join(h.downloads, '不要的卷宗.zip'), bytes);
    await h.settle();
    const [offer] = h.pickup.list();
    expect((await h.pickup.ignore(offer?.id as string)).state).toBe('ignored');
    expect(h.offers.at(-1)?.state).toBe('ignored');

    const saved = await readFile(join(h.dataDir, STATE_FILE_NAME), 'utf8');
    expect(saved).toContain(sha(bytes));
    const again = await h.restart();
    // Another copy of the same bytes, under another name, is not offered either.
    await writeFile(join(h.downloads, '不要的卷宗 (1).zip'), bytes);
    await h.settle();
    expect(again.list()).toEqual([]);
    expect(h.offers).toHaveLength(2);

    await again.close();
    await writeFile(join(h.dataDir, STATE_FILE_NAME), '{"version": 1, "ignored": [');
    const fresh = await h.restart();
    await h.settle();
    expect(fresh.list().map((item) => item.state)).toEqual(['offered']);
  });

  it('imports by copying: the importer gets the path and the case, the browser’s file stays as it was', async () => {
    const failures: Array<Error | null> = [new AppError('INSUFFICIENT_SPACE', '磁盘空间不足')];
    const h = await harness({ importFails: () => failures.shift() ?? null });
    h.caseNames.push('赵六受贿案');
    const bytes = await dossierZip('import');
    const path = join(h.downloads, '赵六受贿案.zip');
    await writeFile(path, bytes);
    const before = await stat(path);
    await h.settle();
    const id = h.pickup.list()[0]?.id as string;

    const failed = await h.pickup.import(id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'INSUFFICIENT_SPACE', message: '磁盘空间不足' } });
    const done = await h.pickup.import(id);
    expect(done).toMatchObject({ state: 'imported', dossierId: 'd2', error: null });
    expect(h.imports).toEqual([
      { path, caseName: '赵六受贿案' },
      { path, caseName: '赵六受贿案' },
    ]);
    expect(h.offers.map((offer) => offer.state)).toEqual(['offered', 'importing', 'failed', 'importing', 'imported']);
    // Importing again does nothing.
    expect((await h.pickup.import(id)).state).toBe('imported');
    expect(h.imports).toHaveLength(2);

    const after = await stat(path);
    expect(await readFile(path)).toEqual(bytes);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);

    // After a restart the imported bytes are not offered again.
    h.library.clear();
    const again = await h.restart();
    await h.settle();
    expect(again.list()).toEqual([]);
  });

  it('fails an import whose file vanished or changed since the offer, in words the lawyer reads', async () => {
    const h = await harness();
    await writeFile(join(h.downloads, 'a.zip'), await dossierZip('a'));
    await writeFile(join(h.downloads, 'b.zip'), await dossierZip('b'));
    await h.settle();
    const byName = new Map(h.pickup.list().map((offer) => [offer.fileName, offer.id]));
    await rm(join(h.downloads, 'a.zip'));
    await appendFile(join(h.downloads, 'b.zip'), 'more');
    expect(await h.pickup.import(byName.get('a.zip') as string)).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
    const changed = await h.pickup.import(byName.get('b.zip') as string);
    expect(changed).toMatchObject({ state: 'failed', error: { code: 'CONFLICT' } });
    expect(changed.error?.message).toContain('改动');
    expect(h.imports).toEqual([]);
    await expect(h.pickup.import('0'.repeat(24))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('imports new offers at once when auto import is on, one at a time', async () => {
    const h = await harness({ auto: true });
    await writeFile(join(h.downloads, 'x.zip'), await dossierZip('x'));
    await writeFile(join(h.downloads, 'y.zip'), await dossierZip('y'));
    const x = h.next((offer) => offer.fileName === 'x.zip' && offer.state === 'imported');
    const y = h.next((offer) => offer.fileName === 'y.zip' && offer.state === 'imported');
    await h.settle();
    expect([(await x).dossierId, (await y).dossierId].sort()).toEqual(['d1', 'd2']);
    expect(h.imports.map((call) => call.path).sort()).toEqual([join(h.downloads, 'x.zip'), join(h.downloads, 'y.zip')]);
    expect(h.mostAtOnce()).toBe(1);
  });

  it('names the case on an offer once the app learns of it, and follows a copy when the first file goes', async () => {
    const h = await harness();
    const bytes = await dossierZip('copy');
    await writeFile(join(h.downloads, '孙七贪污案.zip'), bytes);
    await h.settle();
    expect(h.pickup.list().map((offer) => offer.caseName)).toEqual([null]);
    h.caseNames.push('孙七贪污案');
    await h.pickup.scanNow();
    expect(h.pickup.list().map((offer) => offer.caseName)).toEqual(['孙七贪污案']);

    await writeFile(join(h.downloads, 'copy.zip'), bytes);
    await rm(join(h.downloads, '孙七贪污案.zip'));
    await h.settle();
    const [offer] = h.pickup.list();
    expect([offer?.fileName, h.pickup.list().length]).toEqual(['copy.zip', 1]);
    expect((await h.pickup.import(offer?.id as string)).state).toBe('imported');
    expect(h.imports).toEqual([{ path: join(h.downloads, 'copy.zip'), caseName: null }]);
  });

  it('skips archives older than 14 days and folders that do not exist yet', async () => {
    const later = join(tmpdir(), `download-pickup-later-${process.pid}-${Date.now()}`);
    cleanups.push(() => rm(later, { recursive: true, force: true }));
    const h = await harness({ folders: async () => [later, join(later, 'missing')] });
    await mkdir(later);
    const old = join(later, 'old.zip');
    await writeFile(old, await dossierZip('old'));
    const month = new Date(h.clock.now - 30 * 24 * 3600 * 1000);
    await utimes(old, month, month);
    await writeFile(join(later, 'new.zip'), await dossierZip('new'));
    await h.settle();
    expect(h.pickup.list().map((offer) => offer.fileName)).toEqual(['new.zip']);
    expect(h.listed).toEqual([join(later, 'new.zip')]);
  });

  it('once started, notices a new download by itself', async () => {
    const h = await harness({ now: Date.now, settleMs: 50, pollMs: 60_000 });
    await h.pickup.start();
    await h.pickup.scanNow();
    const offered = h.next((offer) => offer.state === 'offered');
    await writeFile(join(h.downloads, '新卷宗.zip'), await dossierZip('watched'));
    expect((await offered).fileName).toBe('新卷宗.zip');
  });
});
