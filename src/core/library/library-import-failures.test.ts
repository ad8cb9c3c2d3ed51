// 导入卷宗 that goes wrong leaves nothing in 卷宗库; limits from the settings; names renamed for every OS are recorded.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountTmpfs, pythonZip, unmount } from '../archives/test-archives';
import { closeTestLibraries, openTestLibrary } from './library-test-kit';
import { LibraryService } from './library-service';

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
let work: string;
const mounts: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-import-failures-'));
});
afterEach(async () => {
  await closeTestLibraries();
  for (const mount of mounts.splice(0)) await unmount(mount);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Nothing of any dossier: no folder in the managed folder, nothing listed, also after a restart. */
async function nothingLeft(kit: Awaited<ReturnType<typeof openTestLibrary>>): Promise<void> {
  expect(await readdir(kit.folder.current)).toEqual([]);
  expect(kit.library.list()).toEqual([]);
  await kit.reopen();
  expect(kit.library.list()).toEqual([]);
}

/** A zip of one small file whose headers (local and central) declare `declared` unpacked bytes. */
async function zipDeclaring(name: string, declared: number): Promise<string> {
  const path = join(work, name);
  await pythonZip(path, `z.writestr(ZipInfo('第一卷/扫描件.pdf'), b'%PDF-' + bytes(995), compress_type=zipfile.ZIP_DEFLATED)`);
  const bytes = await readFile(path);
  bytes.writeUInt32LE(declared, 22);
  bytes.writeUInt32LE(declared, bytes.indexOf(CENTRAL_HEADER) + 24);
  await writeFile(path, bytes);
  return path;
}

async function tinyDisk(options: string): Promise<string | null> {
  const dir = await mkdtemp(join(work, 'disk-'));
  const why = await mountTmpfs(dir, options);
  if (why) {
    console.warn(`skipped: ${why}`);
    return null;
  }
  mounts.push(dir);
  return dir;
}

describe('importArchive: failures leave no dossier', () => {
  it('removes the folder and the index entry when the first extraction fails (damaged data)', async () => {
    const kit = await openTestLibrary();
    const archive = join(work, 'damaged.zip');
    await pythonZip(archive, `z.writestr(ZipInfo('第一卷/笔录.txt'), '讯问笔录' * 200)`);
    const bytes = await readFile(archive);
    const at = bytes.indexOf(Buffer.from('讯问笔录')) + 7;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    await writeFile(archive, bytes);
    const changes = kit.changes.length;
    await expect(kit.library.importArchive({ archivePath: archive })).rejects.toMatchObject({ code: 'CORRUPT_ARCHIVE', message: expect.stringContaining('压缩包已损坏') });
    // 卷宗库 was told it went away again.
    expect(kit.changes.length).toBeGreaterThan(changes);
    await nothingLeft(kit);
  });

  it('honours the unpacked size setting, and refuses a bomb by its ratio, before copying anything', async () => {
    const kit = await openTestLibrary();
    const archive = await zipDeclaring('big.zip', 2 * 1024 ** 3);
    const strict = new LibraryService({ dataDir: kit.dataDir, folder: () => kit.folder.current, passwords: kit.passwords, events: kit.events, maxUnpackedGb: () => 1 });
    await expect(strict.importArchive({ archivePath: archive })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '压缩包解压后共 2.0 GB，超过了限制（1.0 GB），已拒绝解压。卷宗确实这么大时，可在设置中调高“解压大小上限”',
    });
    await strict.close();
    // Within the default 20 GB, but 2 GB from 159 bytes is no dossier.
    await expect(kit.library.importArchive({ archivePath: archive })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/^压缩包解压后共 2\.0 GB，是压缩包大小（159 字节）的 \d+ 倍，超过了限制（200 倍）/),
    });
    await nothingLeft(kit);
  });

  it.skipIf(process.platform !== 'linux')('says DISK_FULL when the disk fills up while extracting, and what the free-space check keeps', async () => {
    const full = await tinyDisk('size=64m,nr_inodes=40');
    if (!full) return;
    const kit = await openTestLibrary();
    kit.folder.current = join(full, '卷宗台');
    const many = join(work, 'many.zip');
    await pythonZip(many, `for i in range(60):\n    z.writestr(f'第一卷/{i:02}.txt', f'第 {i} 页')`);
    await expect(kit.library.importArchive({ archivePath: many })).rejects.toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('解压时磁盘已满') });
    await nothingLeft(kit);

    const small = await tinyDisk('size=8m');
    if (!small) return;
    kit.folder.current = join(small, '卷宗台');
    await kit.library.load();
    await expect(kit.library.importArchive({ archivePath: many })).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
      message: expect.stringMatching(/^磁盘空间不足，无法解压：需要 \d+ 字节，另需保留 16 MB 余量，但只有 [\d.]+ MB 可用$/),
    });
    await nothingLeft(kit);
  });
});

describe('importArchive: names saved for every OS', () => {
  it('records renamed entries in dossier.json, which keeps one compact line per file', async () => {
    const kit = await openTestLibrary();
    const archive = join(work, '王五案.zip');
    await pythonZip(archive, `z.writestr(ZipInfo('./'), '')\nz.writestr('第一卷/aux.pdf', 'a')\nz.writestr('第一卷/说明. ', 'b')\nz.writestr('第二卷/01.pdf', 'c')`);
    const summary = await kit.library.importArchive({ archivePath: archive });
    expect(summary.extraction.state).toBe('extracted');
    const detail = await kit.library.get(summary.id);
    expect(detail.files.map((file) => [file.path, file.volume])).toEqual([
      ['第一卷/aux_.pdf', '第一卷'],
      ['第一卷/说明', '第一卷'],
      ['第二卷/01.pdf', '第二卷'],
    ]);
    const folder = kit.library.folderOf(summary.id);
    const text = await readFile(join(folder, 'dossier.json'), 'utf8');
    const record = JSON.parse(text) as { renamed: unknown; files: unknown[] };
    expect(record.renamed).toEqual([
      { original: '第一卷/aux.pdf', saved: '第一卷/aux_.pdf' },
      { original: '第一卷/说明. ', saved: '第一卷/说明' },
    ]);
    expect(text).toContain('\n    {"path":"第一卷/aux_.pdf","size":1},\n');
    expect(text).not.toContain('"volume"');
    expect(await readFile(join(folder, '王五案', '第一卷', 'aux_.pdf'), 'utf8')).toBe('a');
    // Read back from disk (no index), the volumes are derived again.
    await rm(join(kit.dataDir, 'library-index.json'), { force: true });
    await kit.reopen();
    expect((await kit.library.get(summary.id)).files.map((file) => file.volume)).toEqual(['第一卷', '第一卷', '第二卷']);
  });
});

describe('importArchive: many small files', () => {
  it('imports 5,000 files without per-file work on dossier.json, which stays small', async () => {
    const kit = await openTestLibrary();
    const archive = join(work, '赵六案.zip');
    await pythonZip(archive, `for i in range(5000):\n    z.writestr(f'第{i // 500 + 1}卷/{i:05}_材料.txt', f'第 {i} 份')`);
    const started = performance.now();
    const summary = await kit.library.importArchive({ archivePath: archive });
    const seconds = (performance.now() - started) / 1000;
    const size = (await readFile(join(kit.library.folderOf(summary.id), 'dossier.json'))).length;
    console.warn(`5,000 files imported in ${seconds.toFixed(1)} s; dossier.json ${size} bytes`);
    expect(summary).toMatchObject({ extraction: { state: 'extracted' }, volumes: 10 });
    expect((await kit.library.get(summary.id)).files).toHaveLength(5000);
    // Some 60 bytes a file: the path (about 30 UTF-8 bytes here) and the size.
    expect(size).toBeLessThan(5000 * 64);
    expect(seconds).toBeLessThan(60);
  }, 90_000);
});
