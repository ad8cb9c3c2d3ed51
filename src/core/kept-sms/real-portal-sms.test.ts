// 【粘贴短信】 for a case handled on the real portal's site: no appointment in the app matches, so the
// passwords are kept by case and unit (real OS keychain), and the dossier's archive — imported, or
// downloaded by the 门户网站 window — gets them before its extraction runs: nobody is asked.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { writeDossierFile, type DossierSpec, type WrittenDossier } from '../../mock-portal/dossier';
import type { Core } from '../core';
import { KeychainSecretStore } from '../secrets';
import { CoreHarness, nextEvent } from '../test-harness';
import { keptSmsAccount } from './kept-sms-store';

const CASE = '陈浩然涉嫌诈骗案';
const DOWNLOAD_PASSWORD = '150005';
const OPEN_PASSWORD = '1500066';
// The manual's wording (§6), with its ASCII punctuation and the stray 称 after the case name.
const SMS = `您申请的【${CASE}称】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:${DOWNLOAD_PASSWORD},卷宗文档打开密码为:${OPEN_PASSWORD} 密码信息请勿泄漏!【涪陵区院】`;
const SPEC: DossierSpec = {
  seed: 'real-portal-sms',
  caseName: CASE,
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然'],
  pages: 6,
  format: 'zip',
  openPassword: OPEN_PASSWORD,
  // The archive itself locked with the open password: without it, extraction has to ask.
  archivePassword: OPEN_PASSWORD,
};

let portal: MockPortal;
let work: string;
let archive: WrittenDossier;
const harness = new CoreHarness();
const accounts = [keptSmsAccount(`${CASE}称`, '涪陵区院', 'download'), keptSmsAccount(`${CASE}称`, '涪陵区院', 'open')];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'real-portal-sms-'));
  await mkdir(join(work, 'browser'));
  archive = await writeDossierFile(SPEC, join(work, 'browser', `${CASE}.zip`));
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));
beforeEach(async () => {
  portal = await startMockPortal({});
});
afterEach(async () => {
  const keychain = await KeychainSecretStore.open();
  await Promise.all(accounts.map((account) => keychain.delete(account)));
  await harness.closeAll();
  await portal.close();
});

async function signedOutCore(): Promise<Core> {
  return harness.open(portal.url, { secretStore: 'keychain' });
}

describe('SMS of a case handled on the real portal', () => {
  it('keeps both passwords in the keychain under the case and unit while nobody is signed in, and lists them', async () => {
    const core = await signedOutCore();
    const result = await core.api['sms.paste']({ text: SMS });
    expect(result).toMatchObject({ attachedTo: null, kept: { caseName: `${CASE}称`, unit: '涪陵区院' }, dossier: null });
    expect(JSON.stringify(result)).not.toContain(OPEN_PASSWORD);
    expect(JSON.stringify(result)).not.toContain(DOWNLOAD_PASSWORD);

    const keychain = await KeychainSecretStore.open();
    expect(await keychain.get(accounts[0]!)).toBe(DOWNLOAD_PASSWORD);
    expect(await keychain.get(accounts[1]!)).toBe(OPEN_PASSWORD);
    const kept = await core.api['sms.kept']({});
    expect(kept).toEqual([
      expect.objectContaining({ caseName: `${CASE}称`, unit: '涪陵区院', passwords: { download: true, open: true }, dossierId: null }),
    ]);
    expect(JSON.stringify(kept)).not.toContain(OPEN_PASSWORD);

    await core.api['sms.forget']({ id: kept[0]!.id });
    expect(await core.api['sms.kept']({})).toEqual([]);
    expect(await keychain.get(accounts[1]!)).toBeNull();
  });

  it('gives an imported archive of the case its unit and passwords before extraction: it opens without asking', async () => {
    const core = await signedOutCore();
    await core.api['sms.paste']({ text: SMS });
    // The browser's second copy of the same download.
    const copy = join(work, 'browser', `${CASE} (1).zip`);
    await copyFile(archive.filePath, copy);
    const dossier = await core.api['library.import']({ source: { kind: 'path', path: copy } });
    expect(dossier).toMatchObject({ unit: '涪陵区院', passwords: { download: true, open: true }, extraction: { state: 'extracted' } });
    expect(dossier.documents).toBeGreaterThan(0);
    expect(await core.api['library.passwords']({ id: dossier.id })).toEqual({ download: DOWNLOAD_PASSWORD, open: OPEN_PASSWORD });
    expect((await core.api['sms.kept']({}))[0]?.dossierId).toBe(dossier.id);
  });

  it('gives a dossier already waiting for its password the passwords of an SMS pasted later, and extracts it', async () => {
    const core = await signedOutCore();
    const waiting = await core.api['library.import']({ source: { kind: 'path', path: archive.filePath } });
    expect(waiting.extraction.state).toBe('needs-password');

    const extracted = nextEvent(core, 'library.changed', ({ id }) => id === waiting.id);
    const result = await core.api['sms.paste']({ text: SMS });
    expect(result.dossier).toEqual({ id: waiting.id, caseName: CASE });
    await extracted;
    await expect.poll(async () => (await core.api['library.get']({ id: waiting.id })).extraction.state, { timeout: 30_000 }).toBe('extracted');
    expect((await core.api['library.get']({ id: waiting.id })).unit).toBe('涪陵区院');
  });

  it('imports what the 门户网站 window downloaded into staging, with the kept passwords, and shows it in 下载任务', async () => {
    const core = await signedOutCore();
    await core.api['sms.paste']({ text: SMS });
    const controls = { pause: () => undefined, resume: () => undefined, cancel: () => undefined };
    const handle = core.browserDownloads.begin({ fileName: `${CASE}.zip`, url: `${portal.url}/api/downloads/x`, total: archive.size, controls });
    expect(handle.savePath.startsWith(work)).toBe(false);
    await copyFile(archive.filePath, handle.savePath);
    handle.progress(archive.size, archive.size, false);

    const done = nextEvent(core, 'downloads.changed', (item) => item.state === 'completed' || item.state === 'failed');
    handle.completed();
    const item = await done;
    expect(item).toMatchObject({ via: 'portal-window', state: 'completed', percent: 100, caseName: CASE, error: null });
    const dossier = await core.api['library.get']({ id: item.dossierId });
    expect(dossier).toMatchObject({ source: 'import', unit: '涪陵区院', extraction: { state: 'extracted' } });
    expect((await core.api['downloads.list']({}))[0]).toMatchObject({ id: item.id, state: 'completed' });
  });
});
