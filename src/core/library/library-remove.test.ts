// Removing (to the trash) and revealing dossiers; passwords in a real keychain.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type WrittenDossier } from '../../mock-portal/dossier';
import { sevenZipPack } from '../archives/test-archives';
import { KeychainSecretStore } from '../secrets';
import { revealInFileManager } from './file-manager';
import { closeTestLibraries, makePdf, openTestLibrary } from './library-test-kit';

const OPEN_PASSWORD = '7391046';
let work: string;
let zip: string;
let generated: WrittenDossier;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-remove-'));
  const source = join(work, 'src');
  await mkdir(join(source, '第一卷'), { recursive: true });
  await writeFile(join(source, '第一卷', '01_起诉意见书.pdf'), await makePdf(2, OPEN_PASSWORD));
  zip = join(work, '孙八非法经营案.zip');
  await sevenZipPack(source, zip, ['-tzip', `-p${OPEN_PASSWORD}`]);
  generated = await writeDossierFile(
    { seed: 'library-remove', caseName: '周九涉嫌诈骗案', unitName: '北京市海淀区人民检察院', suspects: ['周九'], pages: 20, format: 'zip', openPassword: OPEN_PASSWORD },
    join(work, '周九涉嫌诈骗案.zip'),
  );
}, 60_000);

afterEach(closeTestLibraries);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('remove', () => {
  it('moves the folder to the trash, forgets the passwords and drops the dossier', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zip, password: OPEN_PASSWORD });
    const keep = await kit.library.importArchive({ archivePath: zip, password: OPEN_PASSWORD, caseName: '另一个' });
    const folder = kit.library.folderOf(a.id);
    kit.changes.length = 0;

    await kit.library.remove(a.id);
    expect(existsSync(folder)).toBe(false);
    const trashed = await readdir(kit.trashDir);
    expect(trashed).toEqual(['1-孙八非法经营案']);
    expect(existsSync(join(kit.trashDir, trashed[0] as string, 'dossier.json'))).toBe(true);
    expect(await kit.passwords.get(a.id)).toEqual({ download: null, open: null });
    expect(await kit.passwords.get(keep.id)).toEqual({ download: null, open: OPEN_PASSWORD });
    expect(kit.changes).toEqual([a.id]);
    expect(kit.library.list().map((summary) => summary.id)).toEqual([keep.id]);
    await expect(kit.library.get(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kit.library.remove(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Gone after a restart too.
    await kit.reopen();
    expect(kit.library.list().map((summary) => summary.id)).toEqual([keep.id]);
  }, 30_000);

  it('stops an extraction that is running and leaves nothing of the dossier behind', async () => {
    const kit = await openTestLibrary();
    const folder = await kit.library.prepareDownloadFolder({ id: 'appt-rm', caseName: '周九涉嫌诈骗案', unit: null });
    await kit.passwords.store('appt-rm', { download: null, open: OPEN_PASSWORD });
    await copyFile(generated.filePath, join(folder, generated.fileName));
    const bytes = await readFile(generated.filePath);
    const extracting = new Promise<void>((resolve) => {
      const off = kit.events.on('library.changed', () => {
        if (kit.library.list()[0]?.extraction.state === 'extracting') {
          off();
          resolve();
        }
      });
    });
    await kit.library.addDownloaded({
      id: 'appt-rm',
      caseName: '周九涉嫌诈骗案',
      unit: null,
      archivePath: join(folder, generated.fileName),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
    await extracting;
    await kit.library.remove('appt-rm');
    expect(existsSync(folder)).toBe(false);
    expect(await readdir(kit.folder.current)).toEqual([]);
    expect(kit.library.list()).toEqual([]);
  }, 30_000);

  it.runIf(process.platform === 'linux')('uses the `trash` package by default (XDG trash, no desktop needed)', async () => {
    // Under the home folder, so the trash package picks $XDG_DATA_HOME/Trash (pointed at our temp folder).
    const home = await mkdtemp(join(homedir(), '.library-trash-test-'));
    process.env['XDG_DATA_HOME'] = join(home, 'xdg-data');
    try {
      const kit = await openTestLibrary();
      kit.folder.current = join(home, '卷宗台');
      await kit.reopen({ trashItem: undefined });
      const a = await kit.library.importArchive({ archivePath: zip, password: OPEN_PASSWORD });
      const folder = kit.library.folderOf(a.id);
      await kit.library.remove(a.id);
      expect(existsSync(folder)).toBe(false);
      const trash = join(home, 'xdg-data', 'Trash');
      const [item] = await readdir(join(trash, 'files'));
      expect(existsSync(join(trash, 'files', item as string, 'dossier.json'))).toBe(true);
      expect(await readFile(join(trash, 'info', `${item as string}.trashinfo`), 'utf8')).toContain(`Path=${encodeURI(folder)}`);
    } finally {
      delete process.env['XDG_DATA_HOME'];
      await rm(home, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('reveal', () => {
  it('shows the dossier folder through the host', async () => {
    const shown: string[] = [];
    const kit = await openTestLibrary();
    await kit.reopen({ revealItem: async (path) => void shown.push(path) });
    const a = await kit.library.importArchive({ archivePath: zip, password: OPEN_PASSWORD });
    await kit.library.reveal(a.id);
    expect(shown).toEqual([kit.library.folderOf(a.id)]);
    await expect(kit.library.reveal('imp-unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 30_000);

  it.runIf(process.platform === 'linux')('says clearly when the file manager command is missing', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(work, 'empty-bin');
    try {
      await expect(revealInFileManager(work)).rejects.toMatchObject({ code: 'INTERNAL', message: '无法打开文件管理器：找不到命令 xdg-open' });
    } finally {
      process.env['PATH'] = path;
    }
  });
});

describe('with the OS keychain', () => {
  it('stores the open password of an import in the keychain and forgets it on removal', async () => {
    const secrets = await KeychainSecretStore.open('dossier-desk-test');
    const kit = await openTestLibrary({ secrets });
    const a = await kit.library.importArchive({ archivePath: zip, password: OPEN_PASSWORD, caseName: `钥匙串-${randomBytes(3).toString('hex')}` });
    try {
      expect(a).toMatchObject({ extraction: { state: 'extracted' }, pages: 2, passwords: { download: false, open: true } });
      expect(await kit.library.passwords(a.id)).toEqual({ download: null, open: OPEN_PASSWORD });
      // Nothing of it on disk.
      expect(await readFile(join(kit.library.folderOf(a.id), 'dossier.json'), 'utf8')).not.toContain(OPEN_PASSWORD);
      await kit.library.remove(a.id);
      expect(await secrets.get(`dossier-password:${a.id}:open`)).toBeNull();
    } finally {
      await kit.passwords.forget(a.id);
    }
  }, 30_000);
});

