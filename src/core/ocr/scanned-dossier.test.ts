// A scanned, encrypted dossier through core as the app composes it: import, background reading,
// then 搜索, the 目录 and the text layer from what OCR read. Real portal, 7za, pdf.js, worker and engine.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import type { OcrStatus } from '../../shared/ocr';
import { scratch, sevenZipPack } from '../archives/test-archives';
import type { Core } from '../core';
import { encryptPdf } from '../pdf/test-pdfs';
import { CoreHarness, nextEvent } from '../test-harness';
import { testPdf } from './test-scans';

// OCR takes a second or more a page, and much longer on a loaded machine (CI runs files side by side).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const PASSWORD = 'Open-2026-卷';
const harness = new CoreHarness();
let portal: MockPortal;
let core: Core;
let dossierId: string;

beforeAll(async () => {
  portal = await startMockPortal();
  core = await harness.open(portal.url, { backgroundReading: true });
  const source = await scratch();
  await mkdir(join(source, '第一卷'));
  // A typed cover (its text layer names the police unit), then scans.
  const volume = await testPdf([
    { text: ['重庆市涪陵区公安局', '卷宗封面', '陈某某盗窃案'] },
    { scan: ['卷内目录', '序号  文件名称  页次', '1  受案登记表  2', '2  询问笔录  3'] },
    { scan: ['受案登记表', '报案人：王某某', '简要案情：被害人称其手机于茶楼内被盗。'], stamp: 2 },
    { scan: ['询问笔录', '地点：重庆市涪陵区公安局', '答：我看见他把手机放进了口袋。'], stamp: 3 },
  ]);
  await writeFile(join(source, '第一卷', '第一卷.pdf'), await encryptPdf('qpdf', 'aes-256', volume, { user: PASSWORD, owner: `${PASSWORD}-o` }));
  const archive = join(await scratch(), '陈某某盗窃案.zip');
  await sevenZipPack(source, archive, ['-tzip']);
  const extracted = nextEvent(core, 'library.changed');
  const imported = await core.api['library.import']({ source: { kind: 'path', path: archive } });
  dossierId = imported.id;
  await extracted;
  while ((await core.api['library.get']({ id: dossierId })).extraction.state !== 'extracted') await nextEvent(core, 'library.changed');
});
afterAll(async () => {
  await harness.closeAll();
  await portal.close();
});

function readTo(state: OcrStatus['state'], atLeast = 0): Promise<OcrStatus> {
  return nextEvent(core, 'ocr.progress', (status) => status.dossierId === dossierId && status.state === state && status.pagesRecognised >= atLeast);
}

describe('a scanned dossier', () => {
  it('is read once its open password is known, and is then searched, listed and selectable by what OCR read', async () => {
    const done = readTo('done', 3);
    await core.api['library.rememberOpenPassword']({ id: dossierId, password: PASSWORD });
    expect(await done).toMatchObject({ pagesDone: 4, pagesTotal: 4, pagesRecognised: 3 });
    expect((await core.api['ocr.status']({ dossierId }))[0]?.state).toBe('done');

    const found = await core.api['dossier.find']({ dossierId, query: '放进了口袋' });
    expect(found.hits).toHaveLength(1);
    const [hit] = found.hits;
    expect(hit).toMatchObject({ document: '第一卷/第一卷.pdf', page: 4 });
    // The hit sits on its scanned line: the third line drawn, 296 px down a 1754-px page.
    expect(hit?.boxes).toHaveLength(1);
    const box = hit?.boxes?.[0] ?? [0, 0, 0, 0];
    expect(box[1]).toBeGreaterThan(0.13);
    expect(box[3]).toBeLessThan(0.19);
    expect(box[2] - box[0]).toBeGreaterThan(0.05);

    // The cover's text layer names 重庆市涪陵区: the scan's rare 涪 is set right where the recogniser misreads it.
    const page = await core.api['dossier.pageText']({ dossierId, document: '第一卷/第一卷.pdf', page: 4 });
    expect(page?.text).toContain('重庆市涪陵区公安局');
    expect(await core.api['dossier.pageText']({ dossierId, document: '第一卷/第一卷.pdf', page: 1 })).toBeNull();
    expect(page?.lines.length).toBeGreaterThanOrEqual(3);

    const contents = await core.api['dossier.contents']({ dossierId });
    const titles = contents.flatMap((document) => document.entries.map((entry) => entry.title));
    expect(titles).toEqual(['受案登记表', '询问笔录']);
    // Pages 3 and 4 carry stamped numbers, read off the scans.
    const [numbered] = await core.api['dossier.pageNumbers']({ dossierId });
    expect(numbered?.numbers.slice(2)).toEqual([2, 3]);
    expect(numbered?.sources.slice(2)).toEqual(['stamp', 'stamp']);
  });
});
