// 下载文件夹 through the contract, as the app runs it: a folder added in 设置, a browser's download
// landing there, the offer, 【导入】 with the SMS kept for the case, and an archive already in 卷宗库.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { writeDossierFile, type WrittenDossier } from '../../mock-portal/dossier';
import { dispatchCall } from '../../shared/dispatch';
import { CoreHarness, nextEvent } from '../test-harness';

const CASE = '周立新涉嫌盗窃案';
const OPEN_PASSWORD = '7730415';
const SMS = `您申请的【${CASE}】【在线阅卷】审核已通过,您可以登录12309中国检察网下载卷宗。卷宗下载密码为:220481,卷宗文档打开密码为:${OPEN_PASSWORD} 密码信息请勿泄漏!【渝中区院】`;

let portal: MockPortal;
let work: string;
let archive: WrittenDossier;
const harness = new CoreHarness();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'core-pickup-'));
  await mkdir(join(work, 'source'));
  archive = await writeDossierFile(
    { seed: 'core-pickup', caseName: CASE, unitName: '重庆市渝中区人民检察院', suspects: ['周立新'], pages: 4, format: 'zip', openPassword: OPEN_PASSWORD, archivePassword: OPEN_PASSWORD },
    join(work, 'source', `${CASE}.zip`),
  );
}, 60_000);
afterAll(() => rm(work, { recursive: true, force: true }));
beforeEach(async () => {
  portal = await startMockPortal({});
});
afterEach(async () => {
  await harness.closeAll();
  await portal.close();
});

async function watchedFolder(name: string): Promise<string> {
  const folder = join(work, name);
  await mkdir(folder, { recursive: true });
  return folder;
}

describe('下载文件夹 in core', () => {
  it('refuses a folder that is not a full path to an existing folder, naming it', async () => {
    const core = await harness.open(portal.url, { downloadPickup: true });
    await expect(dispatchCall(core.api, 'settings.update', { pickupFolders: ['下载'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.api['settings.update']({ pickupFolders: [join(work, 'missing')] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(join(work, 'missing')),
    });
    const file = join(work, 'a-file');
    await writeFile(file, 'x');
    await expect(core.api['settings.update']({ pickupFolders: [file] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await core.api['settings.get']({})).pickupFolders).toEqual([]);
  });

  it('offers a dossier the browser saved into an added folder, and imports it with the kept SMS passwords', async () => {
    const core = await harness.open(portal.url, { downloadPickup: true });
    const folder = await watchedFolder('downloads-a');
    await core.api['settings.update']({ pickupFolders: [folder] });
    expect((await core.api['pickup.list']({})).folders).toContainEqual({ path: folder, label: null, added: true });
    await core.api['sms.paste']({ text: SMS });

    const offered = nextEvent(core, 'pickup.changed', (offer) => offer.state === 'offered');
    await copyFile(archive.filePath, join(folder, `${CASE}.zip`));
    const offer = await offered;
    expect(offer).toMatchObject({ fileName: `${CASE}.zip`, folder, caseName: CASE, size: archive.size, dossierId: null });
    expect((await core.api['pickup.list']({})).offers.map((item) => item.id)).toContain(offer.id);

    const imported = await core.api['pickup.import']({ id: offer.id });
    expect(imported).toMatchObject({ state: 'imported', error: null });
    const dossier = await core.api['library.get']({ id: imported.dossierId ?? '' });
    expect(dossier).toMatchObject({ caseName: CASE, unit: '渝中区院', passwords: { download: true, open: true }, extraction: { state: 'extracted' } });
  });

  it('says an archive already in 卷宗库 is there, and never offers it', async () => {
    const core = await harness.open(portal.url, { downloadPickup: true });
    const held = await core.api['library.import']({ source: { kind: 'path', path: archive.filePath }, password: OPEN_PASSWORD });
    const folder = await watchedFolder('downloads-b');
    await core.api['settings.update']({ pickupFolders: [folder] });

    const seen = nextEvent(core, 'pickup.changed');
    await copyFile(archive.filePath, join(folder, `${CASE} (1).zip`));
    expect(await seen).toMatchObject({ state: 'in-library', dossierId: held.id });
    await expect(core.api['pickup.import']({ id: (await seen).id })).resolves.toMatchObject({ state: 'in-library' });
    expect(await core.api['library.list']({})).toHaveLength(1);
  });
});
