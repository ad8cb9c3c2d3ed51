import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleReviewItem } from '../../shared/portal-wire';
import { startMockPortal } from '../../mock-portal';
import { api, consoleApprove, dossierPasswordsFromSms, lawyerWithReview, verifyByPhone, waitUntil } from '../../mock-portal/test-helpers';
import { PortalClient } from '../portal-client';
import { MemorySecretStore } from '../secrets';
import { DownloadEngine } from './download-engine';
import type { DownloadProgress, DownloadSnapshot } from './download-types';
import { downloadLinkAccount, MemoryLinkStore, secretLinkStore, type DownloadLinkStore } from './link-store';
import { partPath, sidecarPath } from './sidecar';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const payload = randomBytes(300_000);
const etag = `"${sha256(payload)}"`;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dossier-downloads-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

function engine(baseUrl?: string, links?: DownloadLinkStore): DownloadEngine {
  const created = new DownloadEngine({
    baseUrl,
    links,
    backoff: { baseMs: 5, maxMs: 20 },
    maxRetries: 3,
    progressIntervalMs: 0,
    sidecarIntervalMs: 0,
  });
  cleanups.push(() => created.close());
  return created;
}

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A small file server whose every answer the test decides; records the requests it saw. */
async function fileServer(handler: Handler): Promise<{ url: string; requests: IncomingMessage['headers'][] }> {
  const requests: IncomingMessage['headers'][] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/file`, requests };
}

/**
 * Answers as the portal does (Range honoured only when If-Range names `etag`); with `cutAfter`,
 * the socket is destroyed once that many body bytes are out; with `hold`, the body stops there.
 */
function serveBytes(
  request: IncomingMessage,
  response: ServerResponse,
  payload: Buffer,
  etag: string,
  options: { cutAfter?: number; hold?: number } = {},
): void {
  const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
  const honoured = range !== null && request.headers['if-range'] === etag;
  const start = honoured ? Number(range[1]) : 0;
  response.setHeader('etag', etag);
  response.setHeader('accept-ranges', 'bytes');
  if (start >= payload.length && payload.length > 0) {
    response.writeHead(416, { 'content-range': `bytes */${payload.length}` }).end();
    return;
  }
  const body = payload.subarray(start);
  if (honoured) response.setHeader('content-range', `bytes ${start}-${payload.length - 1}/${payload.length}`);
  response.writeHead(honoured ? 206 : 200, { 'content-length': String(body.length) });
  const stop = options.cutAfter ?? options.hold;
  if (stop === undefined) {
    response.end(body);
    return;
  }
  response.write(body.subarray(0, stop), () => {
    // Flush what was sent, then drop the connection mid-body (a reset could discard unread bytes).
    if (options.cutAfter !== undefined) response.socket?.destroySoon();
  });
}

function request(url: string, payload: Buffer, destination: string, fileName = '张某危险驾驶案.zip') {
  return { reviewId: 'r-1', url, expectedSha256: sha256(payload), size: payload.length, fileName, destination };
}

/** A sidecar as an earlier run of the engine would have left it, its link (when given) in `links`. */
async function leaveSidecar(
  destination: string,
  fileName: string,
  link: { url: string; links: DownloadLinkStore } | null,
  fields: { etag: string | null; bytesWritten: number },
): Promise<string> {
  await mkdir(join(destination, '.partial'), { recursive: true });
  const id = `earlier-${fileName}`;
  if (link) await link.links.set(id, link.url);
  const sidecar = {
    version: 1,
    id,
    reviewId: 'r-1',
    fileName,
    expectedSha256: sha256(payload),
    size: payload.length,
    ...fields,
    updatedAt: new Date().toISOString(),
  };
  await writeFile(sidecarPath(destination, fileName), JSON.stringify(sidecar));
  return id;
}

async function finished(downloads: DownloadEngine, started: DownloadSnapshot): Promise<DownloadSnapshot> {
  return downloads.wait(started.id);
}

describe('DownloadEngine against the mock portal', () => {
  it('downloads a published dossier through a fresh link and verifies it', async () => {
    const portal = await startMockPortal({ seed: false, dossierPages: 10 });
    cleanups.push(() => portal.close());
    const { lawyer, token, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName: '陈某危险驾驶案' });
    await consoleApprove(portal.url, 'reviews', reviewId);
    const published = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(published.status).toBe(200);
    const { download } = await dossierPasswordsFromSms(portal.url, lawyer.phone);
    const stepUp = await verifyByPhone(portal.url, token, lawyer.phone, 'download');
    const link = await new PortalClient({ baseUrl: portal.url }).createDownloadLink(token, reviewId, download, stepUp);

    const destination = await tempFolder();
    const downloads = engine(portal.url);
    const progress: DownloadProgress[] = [];
    downloads.on('progress', (event) => progress.push(event));
    const started = await downloads.start({
      reviewId,
      url: link.url,
      expectedSha256: link.sha256,
      size: link.size,
      fileName: link.fileName,
      destination,
    });
    const done = await finished(downloads, started);

    expect(done.state).toBe('completed');
    expect(done.filePath).toBe(join(destination, link.fileName));
    expect(sha256(await readFile(join(destination, link.fileName)))).toBe(link.sha256);
    expect(await readdir(join(destination, '.partial'))).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ bytes: link.size, total: link.size, percent: 100 });
  });

  it('reports an expired link as LINK_EXPIRED and keeps nothing', async () => {
    const portal = await startMockPortal({ seed: false, dossierPages: 10, downloadLinkTtlMs: 1 });
    cleanups.push(() => portal.close());
    const { lawyer, token, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling' });
    await consoleApprove(portal.url, 'reviews', reviewId);
    await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    const { download } = await dossierPasswordsFromSms(portal.url, lawyer.phone);
    const stepUp = await verifyByPhone(portal.url, token, lawyer.phone, 'download');
    const link = await new PortalClient({ baseUrl: portal.url }).createDownloadLink(token, reviewId, download, stepUp);
    await waitUntil(() => Date.parse(link.expiresAt) < Date.now());

    const destination = await tempFolder();
    const downloads = engine(portal.url);
    const done = await finished(
      downloads,
      await downloads.start({ reviewId, url: link.url, expectedSha256: link.sha256, size: link.size, fileName: link.fileName, destination }),
    );
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('LINK_EXPIRED');
    expect(done.hasLink).toBe(false);
    expect(existsSync(join(destination, link.fileName))).toBe(false);
  });
});

describe('DownloadEngine against a misbehaving server', () => {

  it('resumes with Range and If-Range after the connection drops, and verifies the whole', async () => {
    const server = await fileServer((req, res, index) => serveBytes(req, res, payload, etag, index < 2 ? { cutAfter: 50_000 } : {}));
    const destination = await tempFolder();
    const downloads = engine();
    const states: string[] = [];
    downloads.on('state', (snapshot) => states.push(snapshot.state));
    const done = await finished(downloads, await downloads.start(request(server.url, payload, destination)));

    expect(done.state).toBe('completed');
    expect(await readFile(join(destination, '张某危险驾驶案.zip'))).toEqual(payload);
    expect(states).toContain('retrying');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]?.range).toBeUndefined();
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(server.requests[2]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThanOrEqual(50_000);
    expect(server.requests[2]?.['if-range']).toBe(etag);
  });

  it('starts over from zero when the server answers 200 to a range of a changed file', async () => {
    // The first answer is of an older version; by the retry the file (and its ETag) has changed.
    const server = await fileServer((req, res, index) =>
      serveBytes(req, res, payload, index === 0 ? '"old"' : etag, index === 0 ? { cutAfter: 80_000 } : {}),
    );
    const destination = await tempFolder();
    const downloads = engine();
    const done = await finished(downloads, await downloads.start(request(server.url, payload, destination)));

    expect(done.state).toBe('completed');
    expect(server.requests[1]?.range).toMatch(/^bytes=\d+-$/);
    expect(server.requests[1]?.['if-range']).toBe('"old"');
    expect(await readFile(join(destination, '张某危险驾驶案.zip'))).toEqual(payload);
  });

  it('reports DIGEST_MISMATCH for a corrupt payload and keeps the earlier good copy', async () => {
    const corrupt = Buffer.from(payload);
    corrupt[1234] = (corrupt[1234] ?? 0) ^ 0xff;
    const server = await fileServer((req, res) => serveBytes(req, res, corrupt, etag));
    const destination = await tempFolder();
    const goodCopy = join(destination, '张某危险驾驶案.zip');
    await writeFile(goodCopy, payload);
    const downloads = engine();
    const done = await finished(downloads, await downloads.start(request(server.url, payload, destination)));

    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('DIGEST_MISMATCH');
    expect(await readFile(goodCopy)).toEqual(payload);
    expect(await readdir(join(destination, '.partial'))).toEqual([]);
  });

  it('treats a 416 for a file already whole on disk as complete', async () => {
    const server = await fileServer((req, res) => serveBytes(req, res, payload, etag));
    const destination = await tempFolder();
    const fileName = '张某危险驾驶案.zip';
    const links = new MemoryLinkStore();
    await leaveSidecar(destination, fileName, { url: server.url, links }, { etag, bytesWritten: payload.length });
    await writeFile(partPath(destination, fileName), payload);
    const downloads = engine(undefined, links);
    const [resumed] = await downloads.resumeAll(destination);
    const done = await finished(downloads, resumed as DownloadSnapshot);

    expect(done.state).toBe('completed');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.range).toBe(`bytes=${payload.length}-`);
  });

  it('pauses without losing bytes and resumes from them', async () => {
    const server = await fileServer((req, res, index) => serveBytes(req, res, payload, etag, index === 0 ? { hold: 100_000 } : {}));
    const destination = await tempFolder();
    const downloads = engine();
    const started = await downloads.start(request(server.url, payload, destination));
    await waitUntil(() => downloads.get(started.id).bytes === 100_000);

    const paused = await downloads.pause(started.id);
    expect(paused.state).toBe('paused');
    expect((await readFile(partPath(destination, '张某危险驾驶案.zip'))).length).toBe(100_000);

    await downloads.resume(started.id);
    const done = await finished(downloads, started);
    expect(done.state).toBe('completed');
    expect(server.requests[1]?.range).toBe('bytes=100000-');
    expect(await readFile(join(destination, '张某危险驾驶案.zip'))).toEqual(payload);
  });

  it('cancels and deletes the partial file and its sidecar', async () => {
    const server = await fileServer((req, res) => serveBytes(req, res, payload, etag, { hold: 40_000 }));
    const destination = await tempFolder();
    const downloads = engine();
    const started = await downloads.start(request(server.url, payload, destination));
    await waitUntil(() => downloads.get(started.id).bytes === 40_000);

    const cancelled = await downloads.cancel(started.id);
    expect(cancelled.state).toBe('cancelled');
    expect(await readdir(join(destination, '.partial'))).toEqual([]);
    expect(existsSync(join(destination, '张某危险驾驶案.zip'))).toBe(false);
  });

  it('resumes in a new engine (after a restart) from the sidecar, rehashing the bytes on disk', async () => {
    const server = await fileServer((req, res, index) => serveBytes(req, res, payload, etag, index === 0 ? { hold: 120_000 } : {}));
    const destination = await tempFolder();
    // The keychain outlives the process: both engines see the same store.
    const links = new MemoryLinkStore();
    const first = engine(undefined, links);
    const started = await first.start(request(server.url, payload, destination));
    await waitUntil(() => first.get(started.id).bytes === 120_000);
    await first.close();

    const second = engine(undefined, links);
    const resumed = await second.resumeAll(destination);
    expect(resumed.map((r) => r.id)).toEqual([started.id]);
    const done = await second.wait(started.id);
    expect(done.state).toBe('completed');
    expect(server.requests[1]?.range).toBe('bytes=120000-');
    expect(server.requests[1]?.['if-range']).toBe(etag);
    expect(await readFile(join(destination, '张某危险驾驶案.zip'))).toEqual(payload);
  });

  it('gives up with PORTAL_UNREACHABLE when every attempt fails without progress', async () => {
    const server = await fileServer((_req, res) => res.writeHead(503).end());
    const destination = await tempFolder();
    const downloads = engine();
    const done = await finished(downloads, await downloads.start(request(server.url, payload, destination)));
    expect(done.error?.code).toBe('PORTAL_UNREACHABLE');
    expect(server.requests).toHaveLength(4);
  });

  it.runIf(existsSync('/dev/full'))('reports DISK_FULL when the disk refuses the bytes', async () => {
    const server = await fileServer((req, res) => serveBytes(req, res, payload, etag));
    const destination = await tempFolder();
    const fileName = '张某危险驾驶案.zip';
    await leaveSidecar(destination, fileName, null, { etag: null, bytesWritten: 0 });
    // The partial is a device that answers every write with ENOSPC, as a full disk does.
    await symlink('/dev/full', partPath(destination, fileName));
    const downloads = engine();
    const done = await finished(downloads, await downloads.start(request(server.url, payload, destination, fileName)));
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('DISK_FULL');
  });

  it('refuses file names that would leave the destination folder', async () => {
    const destination = await tempFolder();
    const downloads = engine();
    const escaping = request('http://127.0.0.1:1/x', payload, destination, '../evil.zip');
    await expect(downloads.start(escaping)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('DownloadEngine: the link is a secret', () => {
  it('keeps the link in the secret store, never in the sidecar, and forgets it once complete', async () => {
    const server = await fileServer((req, res, index) => serveBytes(req, res, payload, etag, index === 0 ? { hold: 60_000 } : {}));
    const destination = await tempFolder();
    const secrets = new MemorySecretStore();
    const downloads = engine(undefined, secretLinkStore(secrets));
    const url = `${server.url}?token=secret-link-token`;
    const started = await downloads.start(request(url, payload, destination));
    await waitUntil(() => downloads.get(started.id).bytes === 60_000);

    expect(await secrets.get(downloadLinkAccount(started.id))).toBe(url);
    const sidecar = await readFile(sidecarPath(destination, '张某危险驾驶案.zip'), 'utf8');
    expect(sidecar).not.toContain('secret-link-token');
    expect(sidecar).not.toContain(server.url);
    expect(JSON.parse(sidecar)).not.toHaveProperty('url');

    await downloads.pause(started.id);
    await downloads.resume(started.id);
    expect((await downloads.wait(started.id)).state).toBe('completed');
    expect(await secrets.get(downloadLinkAccount(started.id))).toBeNull();
  });

  it('forgets the link when the download is cancelled', async () => {
    const server = await fileServer((req, res) => serveBytes(req, res, payload, etag, { hold: 40_000 }));
    const destination = await tempFolder();
    const secrets = new MemorySecretStore();
    const downloads = engine(undefined, secretLinkStore(secrets));
    const started = await downloads.start(request(server.url, payload, destination));
    await waitUntil(() => downloads.get(started.id).bytes === 40_000);
    expect(await secrets.get(downloadLinkAccount(started.id))).toBe(server.url);

    await downloads.cancel(started.id);
    expect(await secrets.get(downloadLinkAccount(started.id))).toBeNull();
  });

  it('drops a link from an older sidecar as soon as it reads it', async () => {
    const server = await fileServer((req, res) => serveBytes(req, res, payload, etag));
    const destination = await tempFolder();
    const fileName = '张某危险驾驶案.zip';
    await leaveSidecar(destination, fileName, null, { etag, bytesWritten: 0 });
    const path = sidecarPath(destination, fileName);
    await writeFile(path, JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), url: server.url }));

    await engine().resumeAll(destination);
    expect(await readFile(path, 'utf8')).not.toContain(server.url);
  });

  it('lists a partial whose link is gone after a restart as LINK_EXPIRED, keeping its bytes for a fresh link', async () => {
    const server = await fileServer((req, res, index) => serveBytes(req, res, payload, etag, index === 0 ? { hold: 70_000 } : {}));
    const destination = await tempFolder();
    const first = engine(undefined, new MemoryLinkStore());
    const started = await first.start(request(server.url, payload, destination));
    await waitUntil(() => first.get(started.id).bytes === 70_000);
    await first.close();

    // A memory store does not survive the restart.
    const second = engine(undefined, new MemoryLinkStore());
    const [listed] = await second.resumeAll(destination);
    expect(listed).toMatchObject({ id: started.id, state: 'failed', hasLink: false, bytes: 70_000, error: { code: 'LINK_EXPIRED' } });
    expect(server.requests).toHaveLength(1);
    await expect(second.resume(started.id)).rejects.toMatchObject({ code: 'LINK_EXPIRED' });

    await second.resume(started.id, { url: server.url });
    const done = await second.wait(started.id);
    expect(done.state).toBe('completed');
    expect(server.requests[1]?.range).toBe('bytes=70000-');
    expect(await readFile(join(destination, '张某危险驾驶案.zip'))).toEqual(payload);
  });
});
