// The index is a cache: rebuilt from the dossier folders when lost or damaged, overruled by the disk,
// and extractions a stopped run left unfinished start again.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sevenZipPack } from '../archives/test-archives';
import { closeTestLibraries, makePdf, openTestLibrary } from './library-test-kit';

let work: string;
let zipA: string;
let zipB: string;

async function pack(name: string, files: Record<string, Uint8Array>, switches: string[] = ['-tzip']): Promise<string> {
  const source = join(work, `${name}-src`);
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(source, path)), { recursive: true });
    await writeFile(join(source, path), bytes);
  }
  const out = join(work, name);
  await sevenZipPack(source, out, switches);
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-rebuild-'));
  zipA = await pack('甲案.zip', { '第一卷/01_起诉意见书.pdf': await makePdf(2, 'pw-a'), '第二卷/01_讯问笔录.pdf': await makePdf(3, 'pw-a') }, ['-tzip', '-ppw-a']);
  zipB = await pack('乙案.zip', { '第一卷/01_鉴定意见.pdf': await makePdf(4) });
});

afterEach(closeTestLibraries);
afterAll(() => rm(work, { recursive: true, force: true }));

async function record(folder: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(folder, 'dossier.json'), 'utf8')) as Record<string, unknown>;
}

describe('rebuilding the library', () => {
  it('lists the same dossiers after the index is deleted or corrupted', async () => {
    const kit = await openTestLibrary();
    await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    await kit.library.importArchive({ archivePath: zipB });
    await kit.library.prepareDownloadFolder({ id: 'appt-1', caseName: '丙案', unit: '某检察院' });
    const before = kit.library.list();
    expect(before.map((summary) => [summary.caseName, summary.pages])).toEqual([
      ['乙案', 4],
      ['甲案', 5],
    ]);
    await kit.library.close();

    await unlink(join(kit.dataDir, 'library-index.json'));
    await kit.reopen();
    expect(kit.library.list()).toEqual(before);
    expect(kit.library.pendingDownloads().map((pending) => pending.id)).toEqual(['appt-1']);
    await kit.library.close();

    await writeFile(join(kit.dataDir, 'library-index.json'), '{"version":1,"dossiers":[{"folder":');
    await kit.reopen();
    expect(kit.library.list()).toEqual(before);
    await kit.library.close();
    // Rewritten as a valid index.
    expect(JSON.parse(await readFile(join(kit.dataDir, 'library-index.json'), 'utf8'))).toMatchObject({ version: 1 });
  }, 30_000);

  it('believes the disk over the index: changed, damaged and deleted dossier folders', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    const b = await kit.library.importArchive({ archivePath: zipB });
    await kit.library.close();

    const folderA = kit.library.folderOf(a.id);
    await writeFile(join(folderA, 'dossier.json'), JSON.stringify({ ...(await record(folderA)), caseName: '甲案（改名）' }));
    await kit.reopen();
    expect(kit.library.list().find((summary) => summary.id === a.id)?.caseName).toBe('甲案（改名）');
    await kit.library.close();

    // A damaged dossier.json is repaired from the index.
    await writeFile(join(folderA, 'dossier.json'), '{ broken');
    await kit.reopen();
    expect(kit.library.list().find((summary) => summary.id === a.id)?.caseName).toBe('甲案（改名）');
    expect(await record(folderA)).toMatchObject({ id: a.id, caseName: '甲案（改名）' });
    await kit.library.close();

    await rm(kit.library.folderOf(b.id), { recursive: true });
    await kit.reopen();
    expect(kit.library.list().map((summary) => summary.id)).toEqual([a.id]);
  }, 30_000);

  it('keeps dossiers of an earlier managed folder listed, and scans only the current one when rebuilding', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    const firstFolder = kit.folder.current;
    kit.folder.current = join(kit.root, '新文件夹');
    const b = await kit.library.importArchive({ archivePath: zipB });
    expect(kit.library.folderOf(a.id).startsWith(firstFolder)).toBe(true);
    expect(kit.library.folderOf(b.id).startsWith(kit.folder.current)).toBe(true);

    await kit.reopen();
    expect(kit.library.list().map((summary) => summary.id).sort()).toEqual([a.id, b.id].sort());
    await kit.library.close();

    await unlink(join(kit.dataDir, 'library-index.json'));
    await kit.reopen();
    expect(kit.library.list().map((summary) => summary.id)).toEqual([b.id]);
  }, 30_000);

  it('picks up the dossiers of a new managed folder when loaded again', async () => {
    const elsewhere = await openTestLibrary();
    const b = await elsewhere.library.importArchive({ archivePath: zipB });
    await elsewhere.library.close();

    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    kit.folder.current = elsewhere.folder.current;
    await kit.library.load();
    // Newest first: a was imported after b.
    expect(kit.library.list().map((summary) => [summary.id, summary.folder])).toEqual([
      [a.id, join(kit.root, '卷宗台', '甲案')],
      [b.id, join(elsewhere.folder.current, '乙案')],
    ]);
  }, 30_000);

  it('extracts again what a stopped run left extracting, clearing its leftovers', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    await kit.library.close();
    const folder = kit.library.folderOf(a.id);
    // As a crash in the middle would leave it: state extracting, the old files moved aside, a staging folder.
    await writeFile(join(folder, 'dossier.json'), JSON.stringify({ ...(await record(folder)), extraction: { state: 'extracting', error: null } }));
    await rm(join(folder, '甲案'), { recursive: true });
    await mkdir(join(folder, '.library-new-0badf00d', 'raw'), { recursive: true });
    await writeFile(join(folder, '.library-new-0badf00d', 'raw', 'half.pdf'), 'half');

    await kit.reopen();
    const summary = await kit.library.whenIdle(a.id);
    expect(summary).toMatchObject({ extraction: { state: 'extracted' }, volumes: 2, pages: 5 });
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', '甲案', '甲案.zip']);
    expect(existsSync(join(folder, '甲案', '第二卷', '01_讯问笔录.pdf'))).toBe(true);
    expect(await record(folder)).toMatchObject({ extraction: { state: 'extracted', error: null } });
  }, 30_000);

  it('leaves an extraction another live process is running to that process', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    await kit.library.close();
    const folder = kit.library.folderOf(a.id);
    await writeFile(join(folder, 'dossier.json'), JSON.stringify({ ...(await record(folder)), extraction: { state: 'extracting', error: null } }));
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const staging = join(folder, `.library-new-${other.pid}-cafe`);
      await mkdir(staging);
      await kit.reopen();
      expect((await kit.library.whenIdle(a.id)).extraction.state).toBe('extracting');
      await expect(kit.library.extract(a.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(existsSync(staging)).toBe(true);
    } finally {
      other.kill();
      await once(other, 'exit');
    }
    // That process is gone: its leftovers are cleared and the dossier extracted again.
    await kit.reopen();
    expect((await kit.library.whenIdle(a.id)).extraction.state).toBe('extracted');
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', '甲案', '甲案.zip']);
  }, 30_000);

  it('finishes counting pages a stopped run left uncounted', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA, password: 'pw-a' });
    await kit.library.close();
    const folder = kit.library.folderOf(a.id);
    const saved = await record(folder);
    const files = (saved['files'] as { pages: number | null }[]).map((file) => ({ ...file, pages: null }));
    const counts = { ...(saved['counts'] as object), pages: null, pagesCounted: false };
    await writeFile(join(folder, 'dossier.json'), JSON.stringify({ ...saved, files, counts }));

    await kit.reopen();
    expect((await kit.library.whenIdle(a.id)).pages).toBe(5);
    expect((await kit.library.get(a.id)).files.map((file) => file.pages)).toEqual([2, 3]);
  }, 30_000);
});
