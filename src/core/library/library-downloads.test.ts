// The download side of the library: prepared folders, verified archives becoming dossiers, re-downloads.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type WrittenDossier } from '../../mock-portal/dossier';
import { closeTestLibraries, openTestLibrary, type TestLibrary } from './library-test-kit';

const OPEN_PASSWORD = '5160387';
const APPOINTMENT = 'appt-20250301-0007';
const UNIT = '重庆市涪陵区人民检察院';

let work: string;
let dossier: WrittenDossier;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-downloads-'));
  dossier = await writeDossierFile(
    { seed: 'library-downloads', caseName: '王五涉嫌合同诈骗案', unitName: UNIT, suspects: ['王五'], pages: 9, format: 'zip', openPassword: OPEN_PASSWORD },
    join(work, '王五涉嫌合同诈骗案.zip'),
  );
}, 60_000);

afterEach(closeTestLibraries);
afterAll(() => rm(work, { recursive: true, force: true }));

/** What the downloader does: the verified file renamed into the prepared folder, then handed over. */
async function deliver(kit: TestLibrary, source: string, fileName: string) {
  const folder = kit.library.folderOf(APPOINTMENT);
  await copyFile(source, join(folder, fileName));
  const bytes = await readFile(source);
  return kit.library.addDownloaded({
    id: APPOINTMENT,
    caseName: '王五涉嫌合同诈骗案',
    unit: UNIT,
    archivePath: join(folder, fileName),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  });
}

describe('prepareDownloadFolder', () => {
  it('gives each appointment one folder named after the case, safe on every OS, unlisted until verified', async () => {
    const kit = await openTestLibrary();
    const folder = await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    expect(folder).toBe(join(kit.folder.current, '王五涉嫌合同诈骗案'));
    expect(JSON.parse(await readFile(join(folder, 'dossier.json'), 'utf8'))).toMatchObject({ id: APPOINTMENT, status: 'downloading', archive: null });
    expect(await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT })).toBe(folder);

    const other = await kit.library.prepareDownloadFolder({ id: 'appt-other', caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    expect(other).toBe(join(kit.folder.current, '王五涉嫌合同诈骗案 (2)'));
    const odd = await kit.library.prepareDownloadFolder({ id: 'appt-odd', caseName: '赵六/钱七: 故意伤害案?. ', unit: null });
    expect(odd).toBe(join(kit.folder.current, '赵六_钱七_ 故意伤害案_'));

    expect(kit.library.list()).toEqual([]);
    await expect(kit.library.get(APPOINTMENT)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kit.library.extract(APPOINTMENT)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(kit.library.pendingDownloads().map((pending) => pending.id).sort()).toEqual([APPOINTMENT, 'appt-odd', 'appt-other']);

    // After a restart the prepared folders are still known, and still the same.
    await kit.reopen();
    expect(kit.library.pendingDownloads()).toContainEqual({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT, folder });
    expect(await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT })).toBe(folder);
  });
});

describe('addDownloaded', () => {
  it('makes a verified archive a dossier and extracts it in the background with the stored open password', async () => {
    const kit = await openTestLibrary();
    await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    // The SMS and the download stored both passwords for the appointment.
    await kit.passwords.store(APPOINTMENT, { download: 'dl-PASS', open: OPEN_PASSWORD });

    const added = await deliver(kit, dossier.filePath, dossier.fileName);
    expect(added).toMatchObject({ id: APPOINTMENT, source: 'portal', unit: UNIT, passwords: { download: true, open: true } });
    expect(['pending', 'extracting']).toContain(added.extraction.state);
    expect(kit.library.pendingDownloads()).toEqual([]);

    const done = await kit.library.whenIdle(APPOINTMENT);
    expect(done).toMatchObject({ extraction: { state: 'extracted', error: null }, volumes: 1, pages: 9, archive: { sha256: dossier.sha256 } });
    expect(kit.library.list().map((summary) => summary.id)).toEqual([APPOINTMENT]);
    expect(await kit.library.passwords(APPOINTMENT)).toEqual({ download: 'dl-PASS', open: OPEN_PASSWORD });
  }, 30_000);

  it('keeps the earlier extracted files until a new download extracts, then replaces them', async () => {
    const kit = await openTestLibrary();
    const folder = await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    await kit.passwords.store(APPOINTMENT, { download: null, open: OPEN_PASSWORD });
    await deliver(kit, dossier.filePath, dossier.fileName);
    const first = await kit.library.whenIdle(APPOINTMENT);
    expect(first.extraction.state).toBe('extracted');

    // Downloading again uses the same folder; the dossier stays listed meanwhile.
    expect(await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT })).toBe(folder);
    expect(kit.library.list()).toHaveLength(1);

    // A new copy that turns out broken: the earlier files stay, readable.
    const broken = join(work, 'broken.zip');
    const bytes = await readFile(dossier.filePath);
    await writeFile(broken, Buffer.concat([bytes.subarray(0, 2000), Buffer.alloc(2000, 7), bytes.subarray(4000)]));
    await deliver(kit, broken, 'v2.zip');
    const failed = await kit.library.whenIdle(APPOINTMENT);
    expect(failed.extraction).toMatchObject({ state: 'failed', error: { code: 'CORRUPT_ARCHIVE' } });
    expect(failed.archive.fileName).toBe('v2.zip');
    expect(existsSync(join(folder, dossier.fileName))).toBe(false);
    expect(existsSync(join(folder, '王五涉嫌合同诈骗案', '第一卷'))).toBe(true);
    expect((await kit.library.get(APPOINTMENT)).files.length).toBeGreaterThan(0);

    // A good one replaces them.
    await deliver(kit, dossier.filePath, 'v3.zip');
    const replaced = await kit.library.whenIdle(APPOINTMENT);
    expect(replaced).toMatchObject({ extraction: { state: 'extracted' }, pages: 9, archive: { fileName: 'v3.zip' } });
    expect((await readdir(folder)).sort()).toEqual(['dossier.json', 'v3', 'v3.zip']);
    expect((await stat(join(folder, 'v3', '第一卷'))).isDirectory()).toBe(true);
  }, 30_000);

  it('links the dossier to its appointment: downloaded once verified, readable once extracted, after a restart too', async () => {
    const kit = await openTestLibrary();
    await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    await kit.passwords.store(APPOINTMENT, { download: null, open: OPEN_PASSWORD });
    // A folder prepared for a download that is not verified yet is no dossier of the appointment.
    expect(kit.library.downloadedFor(APPOINTMENT)).toBeNull();

    await deliver(kit, dossier.filePath, dossier.fileName);
    expect(kit.library.downloadedFor(APPOINTMENT)).toMatchObject({ dossierId: APPOINTMENT });
    await kit.library.whenIdle(APPOINTMENT);
    expect(kit.library.downloadedFor(APPOINTMENT)).toEqual({ dossierId: APPOINTMENT, readable: true });
    expect(kit.library.downloadedFor('appt-other')).toBeNull();

    // The link is the id dossier.json keeps: rebuilt from disk it is still there.
    await kit.reopen();
    expect(kit.library.downloadedFor(APPOINTMENT)).toEqual({ dossierId: APPOINTMENT, readable: true });

    // An imported copy is no appointment's download.
    const imported = await kit.library.importArchive({ archivePath: dossier.filePath, password: OPEN_PASSWORD });
    expect(kit.library.downloadedFor(imported.id)).toBeNull();
  }, 30_000);

  it('refuses an archive outside the prepared folder, of the wrong size, or for an unknown id', async () => {
    const kit = await openTestLibrary();
    const folder = await kit.library.prepareDownloadFolder({ id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT });
    const base = { id: APPOINTMENT, caseName: '王五涉嫌合同诈骗案', unit: UNIT, sha256: dossier.sha256, size: dossier.size };
    await expect(kit.library.addDownloaded({ ...base, archivePath: dossier.filePath })).rejects.toMatchObject({ code: 'VALIDATION' });
    await copyFile(dossier.filePath, join(folder, 'a.zip'));
    await expect(kit.library.addDownloaded({ ...base, archivePath: join(folder, 'a.zip'), size: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(kit.library.addDownloaded({ ...base, id: 'appt-unknown', archivePath: join(folder, 'a.zip') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kit.library.list()).toEqual([]);
  });
});
