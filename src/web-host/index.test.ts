import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxMessageBytes, startWebHost, type WebHost } from './index';
import { createFakeCore, type FakeCore } from './fake-core';
import { makeRendererDir, rawGet, refusedUpgradeStatus, TestSocket } from './test-client';
import { DEFAULT_SETTINGS, eventNames } from '../shared/contract';

let core: FakeCore;
let host: WebHost;
let port: number;
let parent: string;
let rendererDir: string;

beforeAll(async () => {
  const dirs = await makeRendererDir();
  parent = dirs.parent;
  rendererDir = dirs.rendererDir;
  core = createFakeCore();
  host = await startWebHost({ core, rendererDir: dirs.rendererDir });
  port = Number(new URL(host.origin).port);
});

afterAll(async () => {
  await host?.close();
  await rm(parent, { recursive: true, force: true });
});

const socketUrl = () => `ws://127.0.0.1:${port}/ws`;
/** The cookie the host once set: it must get nobody anywhere now. */
const oldCookie = () => `dossier_token_${port}=${host.token}`;
const openSocket = () => TestSocket.open(socketUrl(), host.origin, host.token);

describe('startWebHost: HTTP', () => {
  it('binds 127.0.0.1 with a random base64url token in the URL', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('serves the page and the app bundle without a token (a reload), and never sets a cookie', async () => {
    const page = await rawGet(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('卷宗台');
    for (const path of ['/', `/?token=${host.token}`, '/assets/app.js', '/assets/style.css', '/assets/font.woff2', '/index.html']) {
      const res = await rawGet(port, path);
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a page link with a token that is not this launch’s', async () => {
    for (const path of ['/?token=wrong', `/?token=${host.token}x`, '/?token=', `/?token=${host.token}&token=old`]) {
      const res = await rawGet(port, path);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('卷宗台');
    }
  });

  it('serves the page for ?token= with the security headers', async () => {
    const page = await rawGet(port, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('卷宗台');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['set-cookie']).toBeUndefined();

    const script = await rawGet(port, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('export const app');
    const font = await rawGet(port, '/assets/font.woff2');
    expect(font.headers['content-type']).toBe('font/woff2');
    const css = await rawGet(port, '/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('refuses the API routes with only the old-style cookie, or the token in the query', async () => {
    for (const path of ['/api/document?dossierId=d&path=a.pdf&offset=0&length=1', '/api/stage?name=a.zip']) {
      const byCookie = await rawGet(port, path, { cookie: oldCookie() });
      expect(byCookie.status).toBe(401);
      expect(byCookie.headers['www-authenticate']).toBe('Bearer');
      expect(byCookie.headers['set-cookie']).toBeUndefined();
      expect((await rawGet(port, `${path}&token=${host.token}`)).status).toBe(401);
    }
    expect(core.received.some((r) => r.name === 'documents.read')).toBe(false);
  });

  it('takes the token for the API routes as a bearer', async () => {
    const res = await rawGet(port, '/api/document?dossierId=d&path=a.pdf&offset=0&length=1', { authorization: `Bearer ${host.token}` });
    // Past the token: the fake core has no such document.
    expect(res.status).toBe(404);
    expect(core.received.at(-1)?.name).toBe('documents.read');
  });

  it('answers 404 for a missing asset', async () => {
    expect((await rawGet(port, '/assets/nothing.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/%00index.html'])(
    'refuses path traversal: %s',
    async (path) => {
      const res = await rawGet(port, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the renderer folder');
    },
  );

  it('refuses a symlink that leads out of the renderer folder', async () => {
    await symlink(join(parent, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    const res = await rawGet(port, '/assets/link.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer folder');
  });

  it('refuses a Host header that is not loopback (DNS rebinding), even with the token', async () => {
    const res = await rawGet(port, `/?token=${host.token}`, { host: `evil.example:${port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('卷宗台');
    expect((await rawGet(port, '/assets/app.js', { host: `evil.example:${port}` })).status).toBe(403);
    const bearer = { authorization: `Bearer ${host.token}` };
    expect((await rawGet(port, '/api/document?dossierId=d&path=a.pdf&offset=0&length=1', { ...bearer, host: `evil.example:${port}` })).status).toBe(403);
    expect((await rawGet(port, `/?token=${host.token}`, { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await rawGet(port, `/?token=${host.token}`, { host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('startWebHost: WebSocket', () => {
  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    const url = socketUrl();
    const ours = { origin: host.origin };
    const offering = (token: string) => ['dossier.v1', `dossier.token.${token}`];
    expect(await refusedUpgradeStatus(url, ours)).toBe(401);
    expect(await refusedUpgradeStatus(url, { ...ours, protocols: ['dossier.v1'] })).toBe(401);
    expect(await refusedUpgradeStatus(url, { ...ours, protocols: offering('nope') })).toBe(401);
    expect(await refusedUpgradeStatus(url, { ...ours, protocols: offering(`${host.token}x`) })).toBe(401);
    expect(await refusedUpgradeStatus(url, { origin: 'http://evil.example', protocols: offering(host.token) })).toBe(403);
    expect(await refusedUpgradeStatus(url, { origin: `http://127.0.0.1:${port + 1}`, protocols: offering(host.token) })).toBe(403);
    expect(await refusedUpgradeStatus(url, { protocols: offering(host.token) })).toBe(403);
    expect(await refusedUpgradeStatus(url, { ...ours, protocols: offering(host.token), headers: { host: `evil.example:${port}` } })).toBe(403);
  });

  it('refuses a socket with only the old-style cookie, or the token in its query', async () => {
    expect(await refusedUpgradeStatus(socketUrl(), { origin: host.origin, headers: { cookie: oldCookie() } })).toBe(401);
    expect(await refusedUpgradeStatus(`${socketUrl()}?token=${host.token}`, { origin: host.origin, protocols: ['dossier.v1'] })).toBe(401);
  });

  it('selects its own subprotocol, never the one carrying the token', async () => {
    const socket = await openSocket();
    expect(socket.socket.protocol).toBe('dossier.v1');
    await socket.close();
  });

  it('answers a secret call only with the token in its own message', async () => {
    const socket = await openSocket();
    const before = core.received.length;
    for (const token of [undefined, 'wrong', '']) {
      const refused = await socket.call('library.passwords', { id: 'd-1' }, token);
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(core.received.length).toBe(before);
    // The fake core has no such dossier: what counts is that the call reached it.
    const answered = await socket.call('library.passwords', { id: 'd-1' }, host.token);
    expect(answered).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.received.at(-1)).toEqual({ name: 'library.passwords', input: { id: 'd-1' } });
    // A token in an ordinary call changes nothing.
    expect((await socket.call('auth.session', {}, 'anything')).ok).toBe(true);
    await socket.close();
  });

  it('passes a call to core and returns its result', async () => {
    const socket = await openSocket();
    const reply = await socket.call('settings.update', { locale: 'en' });
    expect(reply).toEqual({ type: 'result', id: 1, ok: true, result: { ...DEFAULT_SETTINGS, locale: 'en' } });
    expect(core.received.at(-1)).toEqual({ name: 'settings.update', input: { locale: 'en' } });
    const info = await socket.call('app.info', {});
    expect(info.ok && (info.result as { version: string }).version).toBe('9.9.9-test');
    await socket.close();
  });

  it('answers UNKNOWN_CALL for a name outside the contract, without reaching core', async () => {
    const socket = await openSocket();
    const before = core.received.length;
    const reply = await socket.call('fs.readFile', { path: '/etc/passwd' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('UNKNOWN_CALL');
    expect(core.received.length).toBe(before);
    await socket.close();
  });

  it('answers VALIDATION for input the contract refuses, without reaching core', async () => {
    const socket = await openSocket();
    const before = core.received.length;
    const reply = await socket.call('settings.update', { locale: 'fr' });
    expect(!reply.ok && reply.error.code).toBe('VALIDATION');
    expect(!reply.ok && reply.error.message).not.toMatch(/\n\s+at /);
    expect(core.received.length).toBe(before);
    await socket.close();
  });

  it('answers VALIDATION for a message with an id but not a call', async () => {
    const socket = await openSocket();
    const reply = await socket.sendRaw(JSON.stringify({ type: 'subscribe', id: 7 }), 7);
    expect(reply).toMatchObject({ type: 'result', id: 7, ok: false, error: { code: 'VALIDATION' } });
    await socket.close();
  });

  it('broadcasts every core event to every connected socket', async () => {
    const a = await openSocket();
    const b = await openSocket();
    // A round trip on each makes sure the host has registered both sockets.
    await a.call('auth.session', {});
    await b.call('auth.session', {});
    core.emit('auth.sessionChanged', { status: 'signed-out' });
    core.emit('app.notice', { code: 'SECRET_STORE_MEMORY', message: 'memory' });
    for (const socket of [a, b]) {
      expect(await socket.nextEvent()).toEqual({ type: 'event', name: 'auth.sessionChanged', payload: { status: 'signed-out' } });
      expect(await socket.nextEvent()).toMatchObject({ type: 'event', name: 'app.notice' });
    }
    await a.close();
    await b.close();
  });

  it('closes a socket sending malformed JSON with 1003 and keeps serving', async () => {
    const bad = await openSocket();
    bad.sendRaw('{"type":"call", id: nope');
    const closed = await bad.closed;
    expect(closed.code).toBe(1003);
    expect(closed.reason).toMatch(/JSON/);

    const binary = await openSocket();
    binary.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await binary.closed).code).toBe(1003);

    const good = await openSocket();
    const reply = await good.call('auth.session', {});
    expect(reply).toEqual({ type: 'result', id: 1, ok: true, result: { status: 'signed-out' } });
    expect((await rawGet(port, '/')).status).toBe(200);
    await good.close();
  });

  it('carries a 10 MiB upload, the largest the contract takes', async () => {
    const socket = await openSocket();
    const dataBase64 = Buffer.alloc(10 * 1024 * 1024, 0x25).toString('base64');
    const reply = await socket.call('uploads.add', { kind: 'license', fileName: '律师执业证.pdf', dataBase64 });
    expect(reply).toMatchObject({ ok: true, result: { kind: 'license', fileName: '律师执业证.pdf' } });
    const received = core.received.findLast((r) => r.name === 'uploads.add')?.input as { dataBase64: string } | undefined;
    expect(received?.dataBase64.length).toBe(dataBase64.length);
    await socket.close();
  });

  it('closes a socket sending more than the message limit and keeps serving', async () => {
    const big = await openSocket();
    big.sendRaw(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: { pad: 'x'.repeat(maxMessageBytes) } }));
    expect((await big.closed).code).toBe(1009);
    const good = await openSocket();
    expect((await good.call('app.info', {})).ok).toBe(true);
    await good.close();
  });
});

describe('startWebHost: close', () => {
  it('unsubscribes from core, closes sockets and stops listening', async () => {
    const own = createFakeCore();
    const dirs = await makeRendererDir();
    const local = await startWebHost({ core: own, rendererDir: dirs.rendererDir });
    expect(own.listenerCount()).toBe(eventNames.length);
    const socket = await TestSocket.open(`ws://127.0.0.1:${new URL(local.origin).port}/ws`, local.origin, local.token);
    await local.close();
    expect((await socket.closed).code).toBe(1001);
    expect(own.listenerCount()).toBe(0);
    await expect(rawGet(Number(new URL(local.origin).port), '/')).rejects.toThrow(/ECONNREFUSED/);
    await rm(dirs.parent, { recursive: true, force: true });
  });

  it('uses a new token on every launch', async () => {
    const dirs = await makeRendererDir();
    const other = await startWebHost({ core: createFakeCore(), rendererDir: dirs.rendererDir });
    expect(other.token).not.toBe(host.token);
    expect((await rawGet(port, `/?token=${other.token}`)).status).toBe(403);
    const otherPort = Number(new URL(other.origin).port);
    expect(await refusedUpgradeStatus(`ws://127.0.0.1:${otherPort}/ws`, { origin: other.origin, protocols: ['dossier.v1', `dossier.token.${host.token}`] })).toBe(401);
    await other.close();
    await rm(dirs.parent, { recursive: true, force: true });
  });

  it('fails clearly when the renderer folder is missing', async () => {
    await expect(startWebHost({ core: createFakeCore(), rendererDir: '/nonexistent/renderer' })).rejects.toThrow(/Renderer folder not found/);
  });
});
