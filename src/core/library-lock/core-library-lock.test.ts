// 卷宗库锁 through core, against a real mock portal and the real OS keychain: locked calls refused,
// unlock and lockout, 退出登录 with and without a lock, the watermark's name, and private folders.
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { writeDossierFile, type WrittenDossier } from '../../mock-portal/dossier';
import { api, consoleApprove, dossierPasswordsFromSms, lawyerFixture, lawyerWithReview, registerByQr } from '../../mock-portal/test-helpers';
import type { ConsoleReviewItem } from '../../shared/portal-wire';
import type { Core } from '../core';
import { PARTIAL_FOLDER } from '../download-engine';
import { KeychainSecretStore } from '../secrets';
import { CoreHarness, logInByQr, nextEvent, scanWithPhone } from '../test-harness';
import { passcodeAccount } from './library-lock';

const CASE = '王某某涉嫌故意伤害案';
const OPEN_PASSWORD = '7654321';
const PASSCODE = 'lock-7f3a-passcode';
const posix = process.platform !== 'win32';

let portal: MockPortal;
let work: string;
let archive: WrittenDossier;
const harness = new CoreHarness();
const dataDirs: string[] = [];

beforeAll(async () => {
  portal = await startMockPortal({ seed: false, dossierPages: 6, downloadBytesPerSecond: 64 * 1024 });
  work = await mkdtemp(join(tmpdir(), 'core-library-lock-'));
  archive = await writeDossierFile(
    { seed: 'library-lock', caseName: CASE, unitName: '北京市朝阳区人民检察院', suspects: ['王某某'], pages: 4, format: 'zip', openPassword: OPEN_PASSWORD, archivePassword: OPEN_PASSWORD },
    join(work, `${CASE}.zip`),
  );
}, 60_000);
afterAll(async () => {
  await portal.close();
  await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  const keychain = await KeychainSecretStore.open();
  await Promise.all(dataDirs.splice(0).map((dir) => keychain.delete(passcodeAccount(dir))));
  await harness.closeAll();
});

/** A core on the real keychain; `dataDir` given to open the same app again (a restart). */
async function openCore(dataDir?: string): Promise<Core & { dataDir: string }> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'core-lock-')));
  if (!dataDir) dataDirs.push(dir);
  const core = await harness.open(portal.url, { secretStore: 'keychain', dataDir: dir, defaultLibraryFolder: join(dir, 'library') });
  return Object.assign(core, { dataDir: dir });
}

async function importDossier(core: Core) {
  return core.api['library.import']({ source: { kind: 'path', path: archive.filePath }, password: OPEN_PASSWORD });
}

async function signIn(core: Core) {
  const lawyer = lawyerFixture({ name: '李明律师' });
  await registerByQr(portal.url, lawyer);
  await logInByQr(core, portal.url, lawyer.phone);
  return lawyer;
}

/** Every file under a folder, read whole (to find what must not be there). */
async function everyFile(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')));
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('卷宗库锁 in core', () => {
  it('refuses every call that reads a dossier while locked, and opens with the right passcode', async () => {
    const core = await openCore();
    const dossier = await importDossier(core);
    const changed = nextEvent(core, 'library.lockChanged');
    expect(await core.api['library.setPasscode']({ next: PASSCODE })).toMatchObject({ enabled: true, locked: false, method: 'passcode' });
    expect(await changed).toMatchObject({ enabled: true });

    const dossierId = dossier.id;
    const path = (await core.api['library.get']({ id: dossierId })).files[0]!.path;
    const locked = nextEvent(core, 'library.lockChanged', (status) => status.locked);
    await core.api['library.lock']({});
    await locked;
    const refused = [
      core.api['library.list']({}),
      core.api['library.get']({ id: dossierId }),
      core.api['library.passwords']({ id: dossierId }),
      core.api['documents.info']({ dossierId, path }),
      core.api['documents.read']({ dossierId, path, offset: 0, length: 16 }),
      core.api['dossier.contents']({ dossierId }),
      core.api['dossier.find']({ dossierId, query: '王某某' }),
      core.api['notes.list']({ dossierId }),
      core.api['reading.get']({ dossierId }),
    ];
    for (const call of refused) await expect(call).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    // What is not a dossier's stays open.
    expect((await core.api['settings.get']({})).locale).toBe('zh-CN');
    expect(await core.api['library.lockStatus']({})).toMatchObject({ enabled: true, locked: true });

    await expect(core.api['library.unlock']({ passcode: 'not-it' })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      message: expect.stringContaining('还可尝试 4 次'),
    });
    expect(await core.api['library.unlock']({ passcode: PASSCODE })).toMatchObject({ locked: false });
    expect((await core.api['library.list']({})).map((item) => item.id)).toEqual([dossierId]);
    expect(await core.api['library.passwords']({ id: dossierId })).toMatchObject({ open: OPEN_PASSWORD });
  });

  it('starts locked after a restart, locks out after five wrong passcodes, and keeps only a hash in the keychain', async () => {
    const first = await openCore();
    await first.api['library.setPasscode']({ next: PASSCODE });
    await first.close();

    const core = await openCore(first.dataDir);
    expect(await core.api['library.lockStatus']({})).toMatchObject({ enabled: true, locked: true });
    await expect(core.api['library.list']({})).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    for (let n = 0; n < 4; n++) await expect(core.api['library.unlock']({ passcode: `wrong-${n}` })).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(core.api['library.unlock']({ passcode: 'wrong-5' })).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    await expect(core.api['library.unlock']({ passcode: PASSCODE })).rejects.toMatchObject({ code: 'LOCKED_OUT' });
    expect((await core.api['library.lockStatus']({})).lockedOutUntil).not.toBeNull();

    const keychain = await KeychainSecretStore.open();
    const stored = await keychain.get(passcodeAccount(first.dataDir));
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(PASSCODE);
    for (const body of await everyFile(first.dataDir)) expect(body).not.toContain(PASSCODE);
  });

  it('without a lock, 退出登录 withholds the passwords until the lawyer signs in again; the watermark keeps the name', async () => {
    const core = await openCore();
    const lawyer = await signIn(core);
    const dossier = await importDossier(core);
    expect(await core.api['library.passwords']({ id: dossier.id })).toMatchObject({ open: OPEN_PASSWORD });

    await core.api['auth.logout']({});
    await expect(core.api['library.passwords']({ id: dossier.id })).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    // The dossier itself still opens (the viewer then asks for the open password), and nobody can set a lock to get round it.
    expect((await core.api['library.get']({ id: dossier.id })).id).toBe(dossier.id);
    await expect(core.api['library.setPasscode']({ next: PASSCODE })).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    expect(await core.api['library.lockStatus']({})).toMatchObject({ enabled: false, passwordsNeedSignIn: true });
    expect(await core.api['library.watermark']({})).toEqual({ name: lawyer.name, lawFirm: '北京某某律师事务所' });
    await core.close();

    // A restart forgets neither.
    const again = await openCore(core.dataDir);
    await expect(again.api['library.passwords']({ id: dossier.id })).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    expect(await again.api['library.watermark']({})).toEqual({ name: lawyer.name, lawFirm: '北京某某律师事务所' });
    await logInByQr(again, portal.url, lawyer.phone);
    expect(await again.api['library.passwords']({ id: dossier.id })).toMatchObject({ open: OPEN_PASSWORD });
  });

  it('with a lock, 退出登录 locks the library; the passcode opens it and shows the passwords', async () => {
    const core = await openCore();
    await signIn(core);
    const dossier = await importDossier(core);
    await core.api['library.setPasscode']({ next: PASSCODE });
    const locked = nextEvent(core, 'library.lockChanged', (status) => status.locked);
    await core.api['auth.logout']({});
    await locked;
    await expect(core.api['library.list']({})).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    await expect(core.api['library.passwords']({ id: dossier.id })).rejects.toMatchObject({ code: 'LIBRARY_LOCKED' });
    await core.api['library.unlock']({ passcode: PASSCODE });
    expect(await core.api['library.passwords']({ id: dossier.id })).toMatchObject({ open: OPEN_PASSWORD });
    // Removing the lock is proof too: the passwords stay available.
    await core.api['library.disableLock']({ passcode: PASSCODE });
    expect(await core.api['library.passwords']({ id: dossier.id })).toMatchObject({ open: OPEN_PASSWORD });
  });
});

describe.skipIf(!posix)('private folders', () => {
  it('makes the data folder, staging, and an imported dossier’s folders 0700, and narrows wider ones on the next start', async () => {
    const core = await openCore();
    expect(await modeOf(core.dataDir)).toBe(0o700);
    await core.stageFile!(`${CASE}.zip`, Readable.from([Buffer.from('PK')]));
    expect(await modeOf(join(core.dataDir, 'staging'))).toBe(0o700);
    const staged = (await readdir(join(core.dataDir, 'staging'))).filter((name) => !name.startsWith('.'));
    for (const name of staged) expect(await modeOf(join(core.dataDir, 'staging', name))).toBe(0o700);

    const dossier = await importDossier(core);
    const detail = await core.api['library.get']({ id: dossier.id });
    expect(await modeOf(join(core.dataDir, 'library'))).toBe(0o700);
    expect(await modeOf(detail.folder)).toBe(0o700);
    const folders = (await readdir(detail.folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const entry of folders) expect(await modeOf(join(entry.parentPath, entry.name))).toBe(0o700);
    for (const name of await readdir(core.dataDir)) {
      const info = await stat(join(core.dataDir, name));
      if (info.isFile()) expect(info.mode & 0o077).toBe(0);
    }
    await core.close();

    // As an earlier version left them: open to other users.
    await chmod(core.dataDir, 0o755);
    await chmod(detail.folder, 0o755);
    const again = await openCore(core.dataDir);
    expect(await modeOf(core.dataDir)).toBe(0o700);
    await expect.poll(() => modeOf(detail.folder)).toBe(0o700);
    await again.close();
  });

  it('downloads into a 0700 dossier folder through a 0700 .partial', async () => {
    const { lawyer, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName: '陈某危险驾驶案' });
    await consoleApprove(portal.url, 'reviews', reviewId);
    const published = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(published.status).toBe(200);
    const { download } = await dossierPasswordsFromSms(portal.url, lawyer.phone);

    const core = await openCore();
    await logInByQr(core, portal.url, lawyer.phone);
    const verify = await core.api['stepUp.start']({ action: 'download' });
    const confirmed = nextEvent(core, 'auth.qrState', (state) => state.id === verify.id && state.state === 'confirmed');
    await scanWithPhone(portal.url, verify, lawyer.phone);
    await confirmed;
    const started = await core.api['downloads.start']({ appointmentId: reviewId, password: download, stepUpId: verify.id });
    // The portal sends 64 KiB a second: the partial file is there to look at.
    const root = join(core.dataDir, 'library');
    const partialOf = async () => {
      for (const name of await readdir(root).catch(() => [])) {
        const path = join(root, name, PARTIAL_FOLDER);
        if (await stat(path).catch(() => null)) return path;
      }
      return null;
    };
    await expect.poll(partialOf, { timeout: 15_000 }).not.toBeNull();
    const partial = (await partialOf())!;
    expect(await modeOf(partial)).toBe(0o700);
    expect(await modeOf(join(partial, '..'))).toBe(0o700);
    const done = await nextEvent(core, 'downloads.changed', (item) => item.id === started.id && (item.state === 'completed' || item.state === 'failed'));
    expect(done.state).toBe('completed');
    expect(await modeOf((await core.api['library.get']({ id: done.dossierId! })).folder)).toBe(0o700);
  }, 60_000);
});
