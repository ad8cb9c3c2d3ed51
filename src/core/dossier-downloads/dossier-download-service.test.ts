// 卷宗下载 through the service, against the real mock portal over HTTP (behind a proxy that can hold a download).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockPortal } from '../../mock-portal';
import { api, consoleApprove, dossierPasswordsFromSms, lawyerWithReview, verifyByPhone, waitUntil } from '../../mock-portal/test-helpers';
import type { DownloadItem } from '../../shared/library';
import type { ConsoleReviewItem } from '../../shared/portal-wire';
import { AuthService } from '../auth';
import { CaseService } from '../cases';
import { DossierPasswordStore } from '../dossier-passwords';
import { downloadLinkAccount, PARTIAL_FOLDER } from '../download-engine';
import { EventHub } from '../events/event-hub';
import { PortalClient } from '../portal-client';
import { MemorySecretStore, type SecretStore } from '../secrets';
import { DossierDownloadService, type LibraryForDownloads } from './index';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Forwards everything to the portal; `holdNext(n)` makes the next archive GET stop after n body
 * bytes (the connection stays open, as a stalled line would) so a test can pause or restart mid-file.
 */
async function portalProxy(target: string) {
  let hold: number | null = null;
  const downloads: IncomingMessage['headers'][] = [];
  const server = http.createServer((req, res) => {
    const isDownload = req.method === 'GET' && (req.url ?? '').startsWith('/api/downloads/');
    if (isDownload) downloads.push(req.headers);
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      const limit = isDownload && (answer.statusCode === 200 || answer.statusCode === 206) ? hold : null;
      if (limit === null) {
        answer.pipe(res);
        return;
      }
      hold = null;
      let sent = 0;
      answer.on('data', (chunk: Buffer) => {
        if (sent >= limit) return;
        const part = chunk.subarray(0, limit - sent);
        sent += part.length;
        res.write(part);
        if (sent >= limit) answer.pause();
      });
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    downloads,
    holdNext(bytes: number) {
      hold = bytes;
    },
  };
}

/** A library that keeps dossier folders under one root and records what it was handed. */
function stubLibrary(root: string) {
  const dossiers = new Map<string, { caseName: string; unit: string | null; folder: string }>();
  const added: Parameters<LibraryForDownloads['addDownloaded']>[0][] = [];
  const library: LibraryForDownloads = {
    async prepareDownloadFolder({ id, caseName, unit }) {
      const folder = join(root, id);
      await mkdir(folder, { recursive: true });
      dossiers.set(id, { caseName, unit, folder });
      return folder;
    },
    pendingDownloads() {
      return [...dossiers.entries()]
        .filter(([, d]) => existsSync(join(d.folder, PARTIAL_FOLDER)) && readdirSync(join(d.folder, PARTIAL_FOLDER)).length > 0)
        .map(([id, d]) => ({ id, ...d }));
    },
    async addDownloaded(input) {
      added.push(input);
      return null;
    },
  };
  return { library, added };
}

/** Resolves with the first downloads.changed item that satisfies `match`. */
function nextChange(events: EventHub, match: (item: DownloadItem) => boolean): Promise<DownloadItem> {
  return new Promise((resolve) => {
    const off = events.on('downloads.changed', (item) => {
      if (match(item)) {
        off();
        resolve(item);
      }
    });
  });
}

/**
 * A lawyer with an approved online review, signed in to core's AuthService (through the proxy);
 * `publish()` has the prosecutor publish the dossier and reads the SMS passwords.
 */
async function setUp(portalOptions: { downloadLinkTtlMs?: number; downloadBytesPerSecond?: number } = {}) {
  const portal = await startMockPortal({ seed: false, dossierPages: 10, ...portalOptions });
  cleanups.push(() => portal.close());
  const proxy = await portalProxy(portal.url);
  const { lawyer, token, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName: '陈某危险驾驶案' });
  await consoleApprove(portal.url, 'reviews', reviewId);

  const root = await mkdtemp(join(tmpdir(), 'dossier-downloads-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const { library, added } = stubLibrary(root);
  const client = new PortalClient({ baseUrl: proxy.url });
  const events = new EventHub();

  /** Core as it runs in one process; `keychain` is what outlives it. */
  async function open(keychain: SecretStore) {
    const auth = new AuthService({ portal: client, secrets: keychain, events, tokenAccount: 'portal-session:test' });
    await keychain.set('portal-session:test', token);
    await auth.restore();
    const passwords = new DossierPasswordStore(keychain);
    const service = new DossierDownloadService({
      portal: client,
      auth,
      cases: new CaseService(client, auth, passwords),
      passwords,
      secrets: keychain,
      events,
      library,
      engine: { backoff: { baseMs: 5, maxMs: 20 }, maxRetries: 3, progressIntervalMs: 0, sidecarIntervalMs: 0 },
    });
    cleanups.push(() => service.close());
    return { service, passwords };
  }

  async function publish() {
    const published = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    if (published.status !== 200 || !published.body.dossier) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
    const { download } = await dossierPasswordsFromSms(portal.url, lawyer.phone);
    return { password: download, dossier: published.body.dossier };
  }

  const stepUp = () => verifyByPhone(portal.url, token, lawyer.phone, 'download');
  return { portal, proxy, reviewId, root, library, added, events, open, publish, stepUp };
}

describe('DossierDownloadService.start', () => {
  it('refuses an appointment that is not the lawyer’s, and one whose dossier is not published yet', async () => {
    const t = await setUp();
    const { service } = await t.open(new MemorySecretStore());
    await expect(service.start({ appointmentId: 'no-such-review', password: '123456' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.start({ appointmentId: t.reviewId, password: '123456' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('尚未完成'),
    });
  });

  it('needs a step-up, keeps it through a wrong password, and hands the verified archive to the library', async () => {
    const t = await setUp();
    const { service, passwords } = await t.open(new MemorySecretStore());
    const { password, dossier } = await t.publish();
    const wrong = password === '000000' ? '111111' : '000000';

    // Neither a verification nor a password: the scan is asked for first.
    await expect(service.start({ appointmentId: t.reviewId })).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    // With a password but no verification the portal refuses.
    await expect(service.start({ appointmentId: t.reviewId, password })).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    const stepUpId = await t.stepUp();
    await expect(service.start({ appointmentId: t.reviewId, stepUpId })).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    await expect(service.start({ appointmentId: t.reviewId, password: wrong, stepUpId })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect((await passwords.get(t.reviewId)).download).toBeNull();

    const changes: DownloadItem[] = [];
    t.events.on('downloads.changed', (item) => changes.push(item));
    const completed = nextChange(t.events, (item) => item.state === 'completed');
    // The lawyer retypes the password; the same verification still counts.
    const started = await service.start({ appointmentId: t.reviewId, password, stepUpId });
    expect(started).toMatchObject({ dossierId: t.reviewId, caseName: '陈某危险驾驶案', fileName: dossier.fileName, total: dossier.size });
    const done = await completed;

    expect(done).toMatchObject({ id: started.id, bytes: dossier.size, percent: 100, error: null });
    expect(t.added).toHaveLength(1);
    const handed = t.added[0];
    expect(handed).toMatchObject({ id: t.reviewId, caseName: '陈某危险驾驶案', unit: expect.stringContaining('涪陵'), sha256: dossier.sha256, size: dossier.size });
    expect(handed?.archivePath).toBe(join(t.root, t.reviewId, dossier.fileName));
    expect(sha256(await readFile(handed?.archivePath ?? ''))).toBe(dossier.sha256);
    // 'completed' only once the library holds it; before that the item says 'verifying'.
    expect(changes.findIndex((item) => item.state === 'completed')).toBe(changes.length - 1);
    expect(changes.at(-2)?.state).toBe('verifying');
    expect((await passwords.get(t.reviewId)).download).toBe(password);
    expect(service.list().map((item) => item.id)).toEqual([started.id]);
  });

  it('reports progress with speed and time left, at most 4 times a second', async () => {
    // A slow line (about a second for the archive); the engine reports every chunk.
    const t = await setUp({ downloadBytesPerSecond: 150_000 });
    const { service } = await t.open(new MemorySecretStore());
    const { password } = await t.publish();
    const changes: { at: number; item: DownloadItem }[] = [];
    t.events.on('downloads.changed', (item) => changes.push({ at: performance.now(), item }));
    const completed = nextChange(t.events, (item) => item.state === 'completed');
    await service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await completed;

    const progress = changes.filter((c) => c.item.state === 'downloading' && c.item.bytes > 0 && c.item.bytes < c.item.total);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < progress.length; i += 1) {
      expect((progress[i]?.at ?? 0) - (progress[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(249);
    }
    const last = progress.at(-1)?.item;
    expect(last?.bytesPerSecond).toBeGreaterThan(0);
    expect(last?.secondsLeft).not.toBeNull();
    expect(last?.percent).toBeCloseTo(((last?.bytes ?? 0) / (last?.total ?? 1)) * 100, 0);
  });

  it('uses the stored download password, and answers a second start with the download in flight', async () => {
    const t = await setUp();
    const { service, passwords } = await t.open(new MemorySecretStore());
    const { password, dossier } = await t.publish();
    await passwords.store(t.reviewId, { download: password, open: null });
    t.proxy.holdNext(Math.floor(dossier.size / 3));

    const started = await service.start({ appointmentId: t.reviewId, stepUpId: await t.stepUp() });
    const again = await service.start({ appointmentId: t.reviewId });
    expect(again.id).toBe(started.id);
    expect(service.list()).toHaveLength(1);
  });
});

describe('DossierDownloadService: pause, resume, restart, expired links', () => {
  it('pauses keeping the bytes on disk and resumes from them with the same link', async () => {
    const t = await setUp();
    const { service } = await t.open(new MemorySecretStore());
    const { password, dossier } = await t.publish();
    const third = Math.floor(dossier.size / 3);
    t.proxy.holdNext(third);

    const started = await service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await waitUntil(() => service.list()[0]?.bytes === third);
    const paused = await service.pause(started.id);
    expect(paused).toMatchObject({ state: 'paused', bytes: third, bytesPerSecond: 0, secondsLeft: null });
    expect((await stat(join(t.root, t.reviewId, PARTIAL_FOLDER, `${dossier.fileName}.part`))).size).toBe(third);

    const completed = nextChange(t.events, (item) => item.state === 'completed');
    expect((await service.resume(started.id)).state).toBe('downloading');
    await completed;
    expect(t.proxy.downloads[1]?.range).toBe(`bytes=${third}-`);
    expect(t.added).toHaveLength(1);
  });

  it('resumes after a restart (a new service, the same folders and keychain) to a verified archive', async () => {
    const t = await setUp();
    const keychain = new MemorySecretStore();
    const first = await t.open(keychain);
    const { password, dossier } = await t.publish();
    const half = Math.floor(dossier.size / 2);
    t.proxy.holdNext(half);
    const started = await first.service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await waitUntil(() => first.service.list()[0]?.bytes === half);
    await first.service.close();
    expect(await keychain.get(downloadLinkAccount(started.id))).not.toBeNull();

    const second = await t.open(keychain);
    const completed = nextChange(t.events, (item) => item.state === 'completed');
    const resumed = await second.service.resumeAfterRestart();
    expect(resumed.map((item) => [item.id, item.dossierId, item.caseName])).toEqual([[started.id, t.reviewId, '陈某危险驾驶案']]);
    await completed;
    expect(t.proxy.downloads[1]?.range).toBe(`bytes=${half}-`);
    expect(t.added.map((a) => a.sha256)).toEqual([dossier.sha256]);
    expect(await keychain.get(downloadLinkAccount(started.id))).toBeNull();
  });

  it('after a restart without a keychain asks for a fresh link, then continues the same bytes', async () => {
    const t = await setUp();
    const first = await t.open(new MemorySecretStore());
    const { password, dossier } = await t.publish();
    const half = Math.floor(dossier.size / 2);
    t.proxy.holdNext(half);
    const started = await first.service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await waitUntil(() => first.service.list()[0]?.bytes === half);
    await first.service.close();

    // Memory secrets are gone with the process: no link, no stored password.
    const second = await t.open(new MemorySecretStore());
    const [listed] = await second.service.resumeAfterRestart();
    expect(listed).toMatchObject({ id: started.id, state: 'failed', bytes: half, error: { code: 'LINK_EXPIRED' } });
    await expect(second.service.resume(started.id)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    const stepUpId = await t.stepUp();
    await expect(second.service.resume(started.id, stepUpId)).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });

    // The UI then starts again with the password and the same, unspent verification.
    const completed = nextChange(t.events, (item) => item.state === 'completed');
    const restarted = await second.service.start({ appointmentId: t.reviewId, password, stepUpId });
    expect(restarted.id).toBe(started.id);
    await completed;
    expect(t.proxy.downloads.at(-1)?.range).toBe(`bytes=${half}-`);
    expect(t.added).toHaveLength(1);
  });

  it('after the link expired, resumes only with a new step-up, from the bytes on disk', async () => {
    const t = await setUp({ downloadLinkTtlMs: 1_500 });
    const keychain = new MemorySecretStore();
    const { service } = await t.open(keychain);
    const { password, dossier } = await t.publish();
    const third = Math.floor(dossier.size / 3);
    t.proxy.holdNext(third);
    const started = await service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await waitUntil(() => service.list()[0]?.bytes === third);
    await service.pause(started.id);
    const link = await keychain.get(downloadLinkAccount(started.id));
    await waitUntil(async () => (await fetch(`${t.portal.url}${link ?? ''}`, { method: 'HEAD' })).status === 410);

    await expect(service.resume(started.id)).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' });
    const completed = nextChange(t.events, (item) => item.state === 'completed');
    await service.resume(started.id, await t.stepUp());
    const done = await completed;
    expect(done.id).toBe(started.id);
    expect(t.proxy.downloads.at(-1)?.range).toBe(`bytes=${third}-`);
    expect(t.added.map((a) => a.size)).toEqual([dossier.size]);
  });

  it('cancels: the partial and the link are gone and nothing reaches the library', async () => {
    const t = await setUp();
    const keychain = new MemorySecretStore();
    const { service } = await t.open(keychain);
    const { password, dossier } = await t.publish();
    t.proxy.holdNext(Math.floor(dossier.size / 4));
    const started = await service.start({ appointmentId: t.reviewId, password, stepUpId: await t.stepUp() });
    await waitUntil(() => (service.list()[0]?.bytes ?? 0) > 0);

    expect((await service.cancel(started.id)).state).toBe('cancelled');
    expect(readdirSync(join(t.root, t.reviewId, PARTIAL_FOLDER))).toEqual([]);
    expect(await keychain.get(downloadLinkAccount(started.id))).toBeNull();
    expect(t.added).toEqual([]);
    await expect(service.resume(started.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
