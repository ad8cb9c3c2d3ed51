import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeResponse, PortalHealth } from '../shared/portal-wire';
import { startMockPortal, type MockPortal } from './index';
import type { PortalContext } from './context';
import { buildPortalApp } from './server';
import { STATE_FILE_NAME } from './state/store';
import { activate, api, lawyerFixture, loginByQr } from './test-helpers';

const portals: MockPortal[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function start(dataDir?: string): Promise<MockPortal> {
  const portal = await startMockPortal({ dataDir });
  portals.push(portal);
  return portal;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mock-portal-'));
  folders.push(dir);
  return dir;
}

describe('startMockPortal', () => {
  it('listens on a random loopback port and says what it is', async () => {
    const portal = await start();
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await api<PortalHealth>(portal.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ name: '12309 中国检察网（模拟门户）', mock: true });
    expect(health.body.instanceId).toMatch(/\S{8,}/);
    expect(health.body.version).toMatch(/^\d+\.\d+\.\d+$/);

    const other = await start();
    const otherHealth = await api<PortalHealth>(other.url, 'GET', '/api/health');
    expect(otherHealth.body.instanceId).not.toBe(health.body.instanceId);
  });

  it('keeps its state in a data folder across restarts, storing no token', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    const lawyer = lawyerFixture({ name: '周九' });
    await activate(first.url, lawyer);
    const { token } = await loginByQr(first.url, lawyer.phone);
    await api(first.url, 'POST', '/api/me/authorization', { token, body: { agree: true } });
    await api(first.url, 'PUT', '/api/me/profile', { token, body: { lawFirm: '重庆某某律师事务所' } });
    const { instanceId } = (await api<PortalHealth>(first.url, 'GET', '/api/health')).body;
    await first.close();

    const saved = await readFile(join(dir, STATE_FILE_NAME), 'utf8');
    expect(saved).not.toContain(token);
    // Besides the state, only the seeded demo materials (uploads/<id>).
    expect((await readdir(dir)).sort()).toEqual([STATE_FILE_NAME, 'uploads']);

    const second = await start(dir);
    expect((await api<PortalHealth>(second.url, 'GET', '/api/health')).body.instanceId).toBe(instanceId);
    const me = await api<MeResponse>(second.url, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ stage: 'ready', lawyer: { name: '周九', lawFirm: '重庆某某律师事务所' } });
    // Still activated: activating again is the idempotent 200.
    expect((await api(second.url, 'POST', '/api/phone/activate', { body: lawyer })).status).toBe(200);
  });

  it('validates its options', async () => {
    await expect(startMockPortal({ port: 70_000 })).rejects.toThrow(/port/);
    await expect(startMockPortal({ qrTtlMs: 0 })).rejects.toThrow(/qrTtlMs/);
  });
});

describe('openapi.json', () => {
  it('documents every route the server registers, with security and responses, and nothing else', async () => {
    const portal = await start();
    const response = await fetch(`${portal.url}/openapi.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);

    // Registering routes touches no service: the context's shape is enough to list them.
    const { app, routes } = buildPortalApp({} as PortalContext);
    await app.ready();
    await app.close();

    const registered = routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect(documented).toEqual(registered);

    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Array.isArray(operation.security), `${method} ${path} security`).toBe(true);
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
      }
    }
  });
});

describe('the phone app page', () => {
  it('serves the page, its script and styles under a strict CSP', async () => {
    const portal = await start();
    const page = await fetch(`${portal.url}/phone`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('中国律师身份核验');
    expect(html).toContain('扫一扫');
    expect(html).not.toMatch(/<script>(?!<\/script>)|<style>|\son\w+=/);

    for (const src of [...html.matchAll(/(?:src|href)="(\/phone\/[^"]+)"/g)].map((m) => m[1])) {
      const asset = await fetch(`${portal.url}${src}`);
      expect(asset.status, src).toBe(200);
      if (src?.endsWith('.js')) {
        const script = await asset.text();
        // The script must at least parse.
        expect(() => new Function(script)).not.toThrow();
      }
    }
  });
});
