// GET /api/document on a real web host over a real core with an imported, encrypted dossier: the
// bytes are the file's, the errors carry core's codes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHarness } from '../core/test-harness';
import type { Core } from '../core/core';
import { writeDossierFile } from '../mock-portal/dossier';
import { startWebHost, type WebHost } from './index';
import { makeRendererDir, rawGet } from './test-client';

const harness = new CoreHarness();
let work: string;
let core: Core;
let host: WebHost;
let endpoint: string;
let port: number;
let dossierId: string;
let document: string;
let onDisk: Buffer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'web-host-document-'));
  core = await harness.open('http://127.0.0.1:9', { defaultLibraryFolder: join(work, 'library') });
  const written = await writeDossierFile(
    { seed: 'document-read', caseName: '孙某某涉嫌盗窃案', unitName: '重庆市涪陵区人民检察院', suspects: ['孙某某'], pages: 6, format: 'zip', openPassword: '2468' },
    join(work, '孙某某涉嫌盗窃案.zip'),
  );
  dossierId = (await core.api['library.import']({ source: { kind: 'path', path: written.filePath } })).id;
  const detail = await core.api['library.get']({ id: dossierId });
  document = detail.files.find((file) => file.path.endsWith('.pdf'))?.path ?? '';
  // The file as extracted, wherever the library put the dossier's files.
  const found = (await readdir(detail.folder, { recursive: true })).find((name) => name.replaceAll('\\', '/').endsWith(document));
  onDisk = await readFile(join(detail.folder, found ?? document));
  const { rendererDir } = await makeRendererDir();
  host = await startWebHost({ core, rendererDir });
  port = Number(new URL(host.origin).port);
  endpoint = `${host.origin}/api/document`;
});

interface Range {
  dossierId: string;
  path: string;
  offset: number | string;
  length: number | string;
}

/** GET the range; the body as bytes on 200, else the error code core gave. */
async function get(range: Range): Promise<{ status: number; bytes: Buffer; code: string | null }> {
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(range)) url.searchParams.set(key, String(value));
  const response = await fetch(url, { headers: { authorization: `Bearer ${host.token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const code = response.ok ? null : ((JSON.parse(bytes.toString('utf8')) as { error: { code: string } }).error.code);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, bytes, code };
}

afterAll(async () => {
  await host?.close();
  await harness.closeAll();
  await rm(work, { recursive: true, force: true });
});

describe('GET /api/document', () => {
  it('answers a range with the file’s bytes as on disk (still encrypted)', async () => {
    const head = await get({ dossierId, path: document, offset: 0, length: 1024 });
    expect(head.status).toBe(200);
    expect(head.bytes.equals(onDisk.subarray(0, 1024))).toBe(true);
    expect(onDisk.includes('/Encrypt')).toBe(true);
    const tail = await get({ dossierId, path: document, offset: onDisk.length - 100, length: 4096 });
    expect(tail.bytes.equals(onDisk.subarray(onDisk.length - 100))).toBe(true);
  });

  it('gives the same bytes as the documents.read call', async () => {
    const { dataBase64 } = await core.api['documents.read']({ dossierId, path: document, offset: 200, length: 3000 });
    expect((await get({ dossierId, path: document, offset: 200, length: 3000 })).bytes.equals(Buffer.from(dataBase64, 'base64'))).toBe(true);
  });

  it('takes the launch token only as a bearer (never from a cookie or the query), and only GET', async () => {
    const query = `dossierId=${dossierId}&path=${encodeURIComponent(document)}&offset=0&length=10`;
    const bearer = { authorization: `Bearer ${host.token}` };
    const refused = await rawGet(port, `/api/document?${query}`);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await rawGet(port, `/api/document?${query}&token=${host.token}`)).status).toBe(401);
    expect((await rawGet(port, `/api/document?${query}`, { cookie: `dossier_token_${port}=${host.token}` })).status).toBe(401);
    expect((await rawGet(port, `/api/document?${query}`, { authorization: `Bearer ${host.token.slice(1)}` })).status).toBe(401);
    const served = await rawGet(port, `/api/document?${query}`, bearer);
    expect(served.status).toBe(200);
    expect(served.headers['set-cookie']).toBeUndefined();
    expect((await fetch(`${endpoint}?${query}`, { method: 'POST', headers: bearer })).status).toBe(405);
  });

  it('names what is wrong: an unknown document, a path out of the dossier, a bad or too long range', async () => {
    expect(await get({ dossierId, path: '第一卷/不存在.pdf', offset: 0, length: 10 })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await get({ dossierId, path: '../../etc/passwd', offset: 0, length: 10 })).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(await get({ dossierId, path: document, offset: -1, length: 10 })).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(await get({ dossierId, path: document, offset: 'zero', length: 10 })).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(await get({ dossierId, path: document, offset: 0, length: 64 * 1024 * 1024 })).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(await get({ dossierId, path: document, offset: onDisk.length + 10, length: 10 })).toMatchObject({ status: 416, code: 'RANGE_NOT_SATISFIABLE' });
    expect(await get({ dossierId: 'no-such-dossier', path: document, offset: 0, length: 10 })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
