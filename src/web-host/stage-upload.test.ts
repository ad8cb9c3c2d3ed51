import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/core';
import { StagingArea } from '../core/staging';
import { createFakeCore } from './fake-core';
import { startWebHost, type WebHost } from './index';
import { makeRendererDir } from './test-client';

const limit = 10_000;
let host: WebHost;
let port: number;
let origin: string;
let area: StagingArea;
let staged: { fileName: string }[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const renderer = await makeRendererDir();
  const dataDir = await mkdtemp(join(tmpdir(), 'web-host-stage-'));
  dirs.push(renderer.parent, dataDir);
  area = await StagingArea.open(dataDir);
  // The fake core with core's real staging area behind stageFile.
  const core: Core = {
    ...createFakeCore(),
    stageFile(fileName: string, body: Readable) {
      staged.push({ fileName });
      return area.stage(fileName, body, limit);
    },
  };
  host = await startWebHost({ core, rendererDir: renderer.rendererDir, maxStageBytes: limit });
  origin = host.origin;
  port = Number(new URL(host.origin).port);
});

beforeEach(() => {
  staged = [];
});

afterAll(async () => {
  await host?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request as the app's page would send it (Origin and Host of the web host, the launch token as
 * a bearer, unless overridden); the body goes in the chunks given, the next only once the previous
 * was flushed.
 */
function send(method: string, path: string, chunks: Buffer[], headers: Record<string, string | undefined> = {}): Promise<Answer> {
  const all: Record<string, string> = {};
  const defaults = { host: `127.0.0.1:${port}`, origin, authorization: `Bearer ${host.token}` };
  for (const [name, value] of Object.entries({ ...defaults, ...headers })) if (value !== undefined) all[name] = value;
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: all }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', fail);
    });
    // The server may answer (and close) before the whole body is out: that answer is what counts.
    req.on('error', (error) => fail(error));
    const writeNext = (index: number) => {
      const chunk = chunks[index];
      if (chunk === undefined) req.end();
      else req.write(chunk, () => writeNext(index + 1));
    };
    writeNext(0);
  });
}

const stagePath = (name: string | null) => {
  const query = new URLSearchParams();
  if (name !== null) query.set('name', name);
  return `/api/stage?${query.toString()}`;
};

describe('PUT /api/stage', () => {
  it('streams the body into core and answers 201 with the staged id', async () => {
    const bytes = randomBytes(9_000);
    const answer = await send('PUT', `/api/stage?name=${encodeURIComponent('陈某 危险驾驶案.zip')}`, [
      bytes.subarray(0, 4000),
      bytes.subarray(4000),
    ]);
    expect(answer.status).toBe(201);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    const { stagedId } = JSON.parse(answer.body) as { stagedId: string };
    expect(stagedId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const file = await area.take(stagedId);
    expect(file.fileName).toBe('陈某 危险驾驶案.zip');
    expect(await readFile(file.path)).toEqual(bytes);
  });

  it('takes the token only from the Authorization header: not from a cookie, not from the query', async () => {
    const body = [Buffer.from('7z bytes')];
    const cookie = `dossier_token_${port}=${host.token}`;
    const byCookie = await send('PUT', stagePath('卷宗.7z'), body, { authorization: undefined, cookie });
    expect(byCookie.status).toBe(401);
    expect(JSON.parse(byCookie.body)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(byCookie.headers['set-cookie']).toBeUndefined();
    const byQuery = await send('PUT', `${stagePath('卷宗.7z')}&token=${host.token}`, body, { authorization: undefined });
    expect(byQuery.status).toBe(401);
    expect(staged).toEqual([]);
    expect((await send('PUT', stagePath('卷宗.7z'), body, { cookie: `dossier_token_${port}=wrong` })).status).toBe(201);
    expect(staged).toEqual([{ fileName: '卷宗.7z' }]);
  });

  it('refuses without the token, with a wrong one, from another origin or Host, before reading a byte', async () => {
    const body = [Buffer.from('PK')];
    expect((await send('PUT', stagePath('a.zip'), body, { authorization: undefined })).status).toBe(401);
    expect((await send('PUT', stagePath('a.zip'), body, { authorization: `Bearer ${host.token}x` })).status).toBe(401);
    expect((await send('PUT', stagePath('a.zip'), body, { authorization: host.token })).status).toBe(401);
    expect((await send('PUT', stagePath('a.zip'), body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('PUT', stagePath('a.zip'), body, { origin: undefined })).status).toBe(403);
    expect((await send('PUT', stagePath('a.zip'), body, { host: `evil.example:${port}` })).status).toBe(403);
    expect(staged).toEqual([]);
  });

  it('answers 405 to other methods and 400 without a name', async () => {
    const get = await send('GET', stagePath('a.zip'), []);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('PUT');
    const nameless = await send('PUT', stagePath(null), [Buffer.from('PK')]);
    expect(nameless.status).toBe(400);
    expect(JSON.parse(nameless.body)).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(staged).toEqual([]);
  });

  it('answers 413 to a declared length over the limit without reading the body', async () => {
    const answer = await send('PUT', stagePath('big.zip'), [], { 'content-length': String(limit + 1) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(staged).toEqual([]);
  });

  it('answers 413 once a streamed body passes the limit, keeping nothing of it', async () => {
    const before = await readdir(area.folder);
    const answer = await send('PUT', stagePath('big.zip'), [randomBytes(6_000), randomBytes(6_000)], {
      'transfer-encoding': 'chunked',
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(staged).toEqual([{ fileName: 'big.zip' }]);
    expect(await readdir(area.folder)).toEqual(before);
  });

  it('answers 400 to a name that is not a plain file name', async () => {
    const answer = await send('PUT', stagePath('..'), [Buffer.from('PK')]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});
