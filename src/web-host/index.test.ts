import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxMessageBytes, startWebHost, type WebHost } from './index';
import { createFakeCore, type FakeCore } from './fake-core';
import { makeRendererDir, rawGet, refusedUpgradeStatus, TestSocket } from './test-client';
import { tokenCookieName } from './access';
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

function cookieFrom(setCookie: string[] | undefined): string {
  const first = setCookie?.[0];
  if (!first) throw new Error('no Set-Cookie header');
  return first.split(';')[0] ?? '';
}

const socketUrl = () => `ws://127.0.0.1:${port}/ws?token=${host.token}`;

describe('startWebHost: HTTP', () => {
  it('binds 127.0.0.1 with a random base64url token in the URL', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('refuses requests without the token', async () => {
    const res = await rawGet(port, '/');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).not.toContain('卷宗台');
    expect((await rawGet(port, '/assets/app.js')).status).toBe(403);
  });

  it('refuses a wrong token, in the query or in the cookie', async () => {
    expect((await rawGet(port, '/?token=wrong')).status).toBe(403);
    expect((await rawGet(port, `/?token=${host.token}x`)).status).toBe(403);
    const cookie = `${tokenCookieName(port)}=${host.token.slice(1)}`;
    expect((await rawGet(port, '/assets/app.js', { cookie })).status).toBe(403);
  });

  it('serves the page for ?token= with the security headers and an HttpOnly cookie for later assets', async () => {
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
    const setCookie = page.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`${tokenCookieName(port)}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = cookieFrom(page.headers['set-cookie']);
    const script = await rawGet(port, '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('export const app');
    const font = await rawGet(port, '/assets/font.woff2', { cookie });
    expect(font.headers['content-type']).toBe('font/woff2');
    const css = await rawGet(port, '/assets/style.css', { cookie });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing asset (with the token)', async () => {
    expect((await rawGet(port, `/assets/nothing.js?token=${host.token}`)).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/%00index.html'])(
    'refuses path traversal: %s',
    async (path) => {
      const res = await rawGet(port, `${path}?token=${host.token}`);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the renderer folder');
    },
  );

  it('refuses a symlink that leads out of the renderer folder', async () => {
    await symlink(join(parent, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    const res = await rawGet(port, `/assets/link.txt?token=${host.token}`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer folder');
  });

  it('refuses a Host header that is not loopback (DNS rebinding), even with the token', async () => {
    const res = await rawGet(port, `/?token=${host.token}`, { host: `evil.example:${port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('卷宗台');
    expect((await rawGet(port, `/?token=${host.token}`, { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await rawGet(port, `/?token=${host.token}`, { host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('startWebHost: WebSocket', () => {
  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    expect(await refusedUpgradeStatus(url, { origin: host.origin })).toBe(401);
    expect(await refusedUpgradeStatus(`${url}?token=nope`, { origin: host.origin })).toBe(401);
    expect(await refusedUpgradeStatus(socketUrl(), { origin: 'http://evil.example' })).toBe(403);
    expect(await refusedUpgradeStatus(socketUrl(), { origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
    expect(await refusedUpgradeStatus(socketUrl(), {})).toBe(403);
    expect(await refusedUpgradeStatus(socketUrl(), { origin: host.origin, headers: { host: `evil.example:${port}` } })).toBe(403);
  });

  it('accepts the token from the cookie as well as the query', async () => {
    const page = await rawGet(port, `/?token=${host.token}`);
    const cookie = cookieFrom(page.headers['set-cookie']);
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: host.origin, headers: { cookie } });
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done());
      socket.once('error', fail);
    });
    socket.close();
  });

  it('passes a call to core and returns its result', async () => {
    const socket = await TestSocket.open(socketUrl(), host.origin);
    const reply = await socket.call('settings.update', { locale: 'en' });
    expect(reply).toEqual({ type: 'result', id: 1, ok: true, result: { ...DEFAULT_SETTINGS, locale: 'en' } });
    expect(core.received.at(-1)).toEqual({ name: 'settings.update', input: { locale: 'en' } });
    const info = await socket.call('app.info', {});
    expect(info.ok && (info.result as { version: string }).version).toBe('9.9.9-test');
    await socket.close();
  });

  it('answers UNKNOWN_CALL for a name outside the contract, without reaching core', async () => {
    const socket = await TestSocket.open(socketUrl(), host.origin);
    const before = core.received.length;
    const reply = await socket.call('fs.readFile', { path: '/etc/passwd' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('UNKNOWN_CALL');
    expect(core.received.length).toBe(before);
    await socket.close();
  });

  it('answers VALIDATION for input the contract refuses, without reaching core', async () => {
    const socket = await TestSocket.open(socketUrl(), host.origin);
    const before = core.received.length;
    const reply = await socket.call('settings.update', { locale: 'fr' });
    expect(!reply.ok && reply.error.code).toBe('VALIDATION');
    expect(!reply.ok && reply.error.message).not.toMatch(/\n\s+at /);
    expect(core.received.length).toBe(before);
    await socket.close();
  });

  it('answers VALIDATION for a message with an id but not a call', async () => {
    const socket = await TestSocket.open(socketUrl(), host.origin);
    const reply = await socket.sendRaw(JSON.stringify({ type: 'subscribe', id: 7 }), 7);
    expect(reply).toMatchObject({ type: 'result', id: 7, ok: false, error: { code: 'VALIDATION' } });
    await socket.close();
  });

  it('broadcasts every core event to every connected socket', async () => {
    const a = await TestSocket.open(socketUrl(), host.origin);
    const b = await TestSocket.open(socketUrl(), host.origin);
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
    const bad = await TestSocket.open(socketUrl(), host.origin);
    bad.sendRaw('{"type":"call", id: nope');
    const closed = await bad.closed;
    expect(closed.code).toBe(1003);
    expect(closed.reason).toMatch(/JSON/);

    const binary = await TestSocket.open(socketUrl(), host.origin);
    binary.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await binary.closed).code).toBe(1003);

    const good = await TestSocket.open(socketUrl(), host.origin);
    const reply = await good.call('auth.session', {});
    expect(reply).toEqual({ type: 'result', id: 1, ok: true, result: { status: 'signed-out' } });
    expect((await rawGet(port, `/?token=${host.token}`)).status).toBe(200);
    await good.close();
  });

  it('carries a 10 MiB upload, the largest the contract takes', async () => {
    const socket = await TestSocket.open(socketUrl(), host.origin);
    const dataBase64 = Buffer.alloc(10 * 1024 * 1024, 0x25).toString('base64');
    const reply = await socket.call('uploads.add', { kind: 'license', fileName: '律师执业证.pdf', dataBase64 });
    expect(reply).toMatchObject({ ok: true, result: { kind: 'license', fileName: '律师执业证.pdf' } });
    const received = core.received.findLast((r) => r.name === 'uploads.add')?.input as { dataBase64: string } | undefined;
    expect(received?.dataBase64.length).toBe(dataBase64.length);
    await socket.close();
  });

  it('closes a socket sending more than the message limit and keeps serving', async () => {
    const big = await TestSocket.open(socketUrl(), host.origin);
    big.sendRaw(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: { pad: 'x'.repeat(maxMessageBytes) } }));
    expect((await big.closed).code).toBe(1009);
    const good = await TestSocket.open(socketUrl(), host.origin);
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
    const socket = await TestSocket.open(`ws://127.0.0.1:${new URL(local.origin).port}/ws?token=${local.token}`, local.origin);
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
    await other.close();
    await rm(dirs.parent, { recursive: true, force: true });
  });

  it('fails clearly when the renderer folder is missing', async () => {
    await expect(startWebHost({ core: createFakeCore(), rendererDir: '/nonexistent/renderer' })).rejects.toThrow(/Renderer folder not found/);
  });
});
