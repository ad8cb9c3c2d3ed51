// 导入卷宗 against real archives: a generated dossier (AES-256 PDFs in a zip) and archives made by 7za.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type DossierSpec, type WrittenDossier } from '../../mock-portal/dossier';
import { pythonZip, sevenZipPack } from '../archives/test-archives';
import { closeTestLibraries, makePdf, openTestLibrary, PNG_1X1 } from './library-test-kit';

const OPEN_PASSWORD = '4826153';
const SPEC: DossierSpec = {
  seed: 'library-import',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然'],
  pages: 12,
  format: 'zip',
  openPassword: OPEN_PASSWORD,
};

let work: string;
let plain: WrittenDossier;
let locked: WrittenDossier;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-import-'));
  await mkdir(join(work, 'plain'));
  await mkdir(join(work, 'locked'));
  plain = await writeDossierFile(SPEC, join(work, 'plain', '陈浩然涉嫌诈骗案.zip'));
  // The archive itself locked with the same open password, as a whole-dossier password.
  locked = await writeDossierFile({ ...SPEC, seed: 'library-import-locked', archivePassword: OPEN_PASSWORD }, join(work, 'locked', '陈浩然涉嫌诈骗案.zip'));
}, 60_000);

afterEach(closeTestLibraries);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('importArchive', () => {
  it('copies a generated dossier, extracts it with the open password and counts volumes, documents and pages', async () => {
    const kit = await openTestLibrary();
    const states: string[] = [];
    const percents: (number | null)[] = [];
    kit.events.on('library.changed', () => {
      const extraction = kit.library.list()[0]?.extraction;
      if (extraction?.state === 'extracting') percents.push(extraction.percent);
      if (extraction && states.at(-1) !== extraction.state) states.push(extraction.state);
    });

    const summary = await kit.library.importArchive({ archivePath: plain.filePath, password: OPEN_PASSWORD });

    const documents = plain.volumes.flatMap((volume) => volume.documents);
    expect(summary).toMatchObject({
      caseName: '陈浩然涉嫌诈骗案',
      unit: null,
      source: 'import',
      archive: { fileName: '陈浩然涉嫌诈骗案.zip', size: plain.size, sha256: plain.sha256 },
      extraction: { state: 'extracted', percent: null, error: null },
      volumes: 1,
      documents: documents.length,
      pages: 12,
      passwords: { download: false, open: true },
      matchedFiles: [],
    });
    expect(summary.id).toMatch(/^imp-/);
    expect(states).toEqual(['pending', 'extracting', 'extracted']);
    expect(percents.length).toBeGreaterThan(0);
    expect(percents.every((percent) => typeof percent === 'number' && percent >= 0 && percent <= 100)).toBe(true);
    expect(kit.changes).toContain(summary.id);
    // Copied, never moved.
    expect(existsSync(plain.filePath)).toBe(true);

    const detail = await kit.library.get(summary.id);
    expect(detail.files.map((file) => ({ path: file.path, volume: file.volume, pages: file.pages }))).toEqual(
      documents.map((document) => ({ path: document.path, volume: '第一卷', pages: document.pages })),
    );
    expect(summary.extractedSize).toBe(detail.files.reduce((sum, file) => sum + file.size, 0));

    const folder = kit.library.folderOf(summary.id);
    expect(dirname(folder)).toBe(kit.folder.current);
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', '陈浩然涉嫌诈骗案', '陈浩然涉嫌诈骗案.zip']);
    expect(existsSync(join(folder, '陈浩然涉嫌诈骗案', '第一卷', '01_起诉意见书.pdf'))).toBe(true);
    expect(await kit.library.passwords(summary.id)).toEqual({ download: null, open: OPEN_PASSWORD });

    // The password is in the secret store only.
    await kit.library.close();
    const record = await readFile(join(folder, 'dossier.json'), 'utf8');
    const index = await readFile(join(kit.dataDir, 'library-index.json'), 'utf8');
    expect(JSON.parse(record)).toMatchObject({ version: 1, id: summary.id, status: 'ready', extractedDir: '陈浩然涉嫌诈骗案' });
    expect(record).not.toContain(OPEN_PASSWORD);
    expect(index).toContain(summary.id);
    expect(index).not.toContain(OPEN_PASSWORD);
  }, 30_000);

  it('asks for the password of a locked archive, refuses a wrong one and stores the right one', async () => {
    const kit = await openTestLibrary();
    const imported = await kit.library.importArchive({ archivePath: locked.filePath, caseName: '张三盗窃案' });
    expect(imported).toMatchObject({
      caseName: '张三盗窃案',
      extraction: { state: 'needs-password', error: { code: 'PASSWORD_REQUIRED' } },
      volumes: null,
      pages: null,
      passwords: { open: false },
    });
    const folder = kit.library.folderOf(imported.id);
    expect(folder.endsWith('张三盗窃案')).toBe(true);

    await expect(kit.library.extract(imported.id, 'not-the-password')).rejects.toMatchObject({ code: 'WRONG_PASSWORD', message: '压缩包密码不正确' });
    expect((await kit.library.get(imported.id)).extraction.state).toBe('needs-password');
    expect(await kit.library.passwords(imported.id)).toEqual({ download: null, open: null });
    // Nothing half-extracted was left behind.
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', '陈浩然涉嫌诈骗案.zip']);

    const extracted = await kit.library.extract(imported.id, OPEN_PASSWORD);
    expect(extracted).toMatchObject({ extraction: { state: 'extracted', error: null }, volumes: 1, pages: 12, passwords: { open: true } });
    expect(await kit.library.passwords(imported.id)).toEqual({ download: null, open: OPEN_PASSWORD });
  }, 30_000);

  it('uses the stored open password when extracting again', async () => {
    const kit = await openTestLibrary();
    const imported = await kit.library.importArchive({ archivePath: locked.filePath, password: OPEN_PASSWORD });
    expect(imported.extraction.state).toBe('extracted');
    const again = await kit.library.extract(imported.id);
    expect(again).toMatchObject({ extraction: { state: 'extracted' }, pages: 12 });
    const folder = kit.library.folderOf(imported.id);
    // The old extraction was replaced, not duplicated; no temporary folders stay.
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', '陈浩然涉嫌诈骗案', '陈浩然涉嫌诈骗案.zip']);
  }, 30_000);

  it('strips the folder that wraps the volumes and counts images as pages (7z with encrypted names)', async () => {
    const stage = await mkdtemp(join(tmpdir(), 'library-stage-'));
    try {
      const files: Record<string, Uint8Array> = {
        '李四诈骗案/第一卷/01_起诉意见书.pdf': await makePdf(3, 'Pw-7z'),
        '李四诈骗案/第二卷/01_讯问笔录.pdf': await makePdf(2, 'Pw-7z'),
        '李四诈骗案/第二卷/02_现场照片.png': PNG_1X1,
        '李四诈骗案/第二卷/说明.txt': new TextEncoder().encode('说明'),
      };
      for (const [path, bytes] of Object.entries(files)) {
        await mkdir(dirname(join(stage, 'src', path)), { recursive: true });
        await writeFile(join(stage, 'src', path), bytes);
      }
      const archive = join(stage, '李四诈骗案.7z');
      await sevenZipPack(join(stage, 'src'), archive, ['-t7z', '-pPw-7z', '-mhe=on']);

      const kit = await openTestLibrary();
      const withoutPassword = await kit.library.importArchive({ archivePath: archive });
      expect(withoutPassword.extraction).toMatchObject({ state: 'needs-password', error: { code: 'PASSWORD_REQUIRED' } });

      const summary = await kit.library.importArchive({ archivePath: archive, password: 'Pw-7z' });
      expect(summary).toMatchObject({ caseName: '李四诈骗案', extraction: { state: 'extracted' }, volumes: 2, documents: 3, pages: 6 });
      // Same case name, another dossier: its own folder.
      expect(kit.library.folderOf(summary.id)).toBe(join(kit.folder.current, '李四诈骗案 (2)'));
      const detail = await kit.library.get(summary.id);
      expect(detail.files.map((file) => [file.path, file.volume, file.pages])).toEqual([
        ['李四诈骗案/第一卷/01_起诉意见书.pdf', '第一卷', 3],
        ['李四诈骗案/第二卷/01_讯问笔录.pdf', '第二卷', 2],
        ['李四诈骗案/第二卷/02_现场照片.png', '第二卷', null],
        ['李四诈骗案/第二卷/说明.txt', '第二卷', null],
      ]);
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  }, 30_000);

  it('leaves a document that will not open uncounted without failing the extraction', async () => {
    const kit = await openTestLibrary();
    // No password given: the archive opens, its AES-256 PDFs do not.
    const summary = await kit.library.importArchive({ archivePath: plain.filePath });
    expect(summary).toMatchObject({ extraction: { state: 'extracted' }, volumes: 1, pages: null, passwords: { open: false } });
    expect((await kit.library.get(summary.id)).files.every((file) => file.pages === null)).toBe(true);
  }, 30_000);

  it('refuses a file that is not an archive, a damaged or a hostile one, and leaves no folder behind', async () => {
    const kit = await openTestLibrary();
    const notArchive = join(work, 'notes.zip');
    await writeFile(notArchive, '这不是压缩包，只是一段文字。'.repeat(20));
    await expect(kit.library.importArchive({ archivePath: notArchive })).rejects.toMatchObject({ code: 'UNSUPPORTED_ARCHIVE' });

    const damaged = join(work, 'damaged.zip');
    await copyFile(plain.filePath, damaged);
    await truncate(damaged, Math.floor(plain.size / 2));
    await expect(kit.library.importArchive({ archivePath: damaged })).rejects.toMatchObject({ code: 'CORRUPT_ARCHIVE' });

    const hostile = join(work, 'hostile.zip');
    await pythonZip(hostile, "z.writestr('第一卷/a.txt', 'ok')\nz.writestr('../../逃逸.txt', 'x')");
    await expect(kit.library.importArchive({ archivePath: hostile })).rejects.toMatchObject({ code: 'UNSAFE_ARCHIVE', message: expect.stringContaining('逃逸.txt') });

    await expect(kit.library.importArchive({ archivePath: join(work, 'missing.zip') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(kit.folder.current)).toEqual([]);
    expect(kit.library.list()).toEqual([]);
  }, 30_000);
});
