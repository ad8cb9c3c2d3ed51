// The real worker thread, engine and keychain (a Secret Service in dbus-run-session under `npm test`).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrStatus } from '../../shared/ocr';
import { DossierTextStore } from '../dossier-text';
import { KeychainSecretStore } from '../secrets';
import { OcrService, type OcrTarget } from './ocr-service';
import { testPdf } from './test-scans';

// OCR takes a second or more a page, and much longer on a loaded machine (CI runs files side by side).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let root: string;
let keychain: KeychainSecretStore;
let target: OcrTarget;
const services: OcrService[] = [];

// Enough that the run after a stop still reads two pages or more (the pace needs two).
const PAGES = 6;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ocr-service-'));
  keychain = await KeychainSecretStore.open('dossier-desk-test');
  const documentsFolder = join(root, 'dossier', 'files');
  await mkdir(documentsFolder, { recursive: true });
  const pdf = await testPdf(Array.from({ length: PAGES }, (_, i) => ({ scan: [`第${i + 1}页`, '问：你在涪陵区做什么工作？', '答：我在物流园开货车。'] })));
  await writeFile(join(documentsFolder, '讯问笔录.pdf'), pdf);
  target = { id: `ocr-${randomBytes(4).toString('hex')}`, folder: join(root, 'dossier'), documentsFolder, files: [{ path: '讯问笔录.pdf', size: pdf.length, pages: PAGES }], passwords: [] };
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
  await new DossierTextStore(keychain).forget(target.id);
  await rm(root, { recursive: true, force: true });
});

/** Progress events as they arrive, and a way to wait for one (no polling). */
class Events {
  readonly seen: OcrStatus[] = [];
  private waiters: { match: (status: OcrStatus) => boolean; resolve: (status: OcrStatus) => void }[] = [];

  push(status: OcrStatus): void {
    this.seen.push(status);
    for (const waiter of this.waiters.filter((w) => w.match(status))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(status);
    }
  }

  until(match: (status: OcrStatus) => boolean): Promise<OcrStatus> {
    const found = this.seen.find(match);
    return found ? Promise.resolve(found) : new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

function open(texts: DossierTextStore, events = new Events()) {
  const service = new OcrService({ dataDir: root, texts, target: async (id) => (id === target.id ? target : null), dossierIds: async () => [target.id], emit: (status) => events.push(status) });
  services.push(service);
  return service;
}

describe('文字识别 in the background', () => {
  it('reads every page, reporting progress, and after being stopped mid-way goes on where it stopped', async () => {
    const first = new Events();
    const service = open(new DossierTextStore(keychain), first);
    await service.start();
    const partway = await first.until((status) => status.state === 'running' && status.pagesDone >= 1);
    expect(partway.pagesTotal).toBe(PAGES);
    // The app is stopped while a page is being read: the worker is ended where it is.
    await service.close();
    const readBefore = (await new DossierTextStore(keychain).textOf(target)).counts().pages;
    expect(readBefore).toBeGreaterThanOrEqual(1);
    expect(readBefore).toBeLessThan(PAGES);

    const second = new Events();
    const texts = new DossierTextStore(keychain);
    await open(texts, second).start();
    const done = await second.until((status) => status.state === 'done');
    expect(done).toMatchObject({ pagesDone: PAGES, pagesTotal: PAGES, pagesRecognised: PAGES, error: null });
    const running = second.seen.filter((status) => status.state === 'running');
    // It started from the pages already read, not from the first.
    expect(running[0]?.pagesDone).toBe(readBefore);
    expect(running.some((status) => status.pagesPerMinute !== null && status.secondsLeft !== null)).toBe(true);
    const text = await texts.textOf(target);
    for (let page = 1; page <= PAGES; page++) expect(text.page('讯问笔录.pdf', page)?.text).toContain(`第${page}页`);
  });

  it('pauses (kept across a restart) and resumes', async () => {
    const service = open(new DossierTextStore(keychain));
    await service.start();
    const paused = await service.pause(target.id);
    expect(paused.state).toBe('paused');
    await service.close();

    const after = new Events();
    const again = open(new DossierTextStore(keychain), after);
    await again.start();
    expect(again.status(target.id)[0]?.state).toBe('paused');
    await again.resume(target.id);
    const done = await after.until((status) => status.state === 'done');
    expect(done.pagesDone).toBe(PAGES);
  });
});
