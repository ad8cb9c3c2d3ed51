import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  createAppRequestHandler,
  handleAppProtocol,
  isRendererUrl,
  mimeTypeFor,
  registerAppScheme,
  resolveInside,
} from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>卷宗台</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'pdf.worker.mjs'), 'export {}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  handle = createAppRequestHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('installs the handler for the app scheme', () => {
    handleAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// request handler', () => {
  it('serves index.html with its MIME type and the CSP', async () => {
    const response = await handle(new Request('app://renderer/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('卷宗台');
  });

  it('serves index.html for the bare origin and scripts as JavaScript', async () => {
    expect(await (await handle(new Request('app://renderer/'))).text()).toContain('卷宗台');
    const script = await handle(new Request('app://renderer/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const worker = await handle(new Request('app://renderer/assets/pdf.worker.mjs'));
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const url of [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/%2e%2e%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    // The URL parser already folds a literal `..`; whatever it becomes, it stays inside.
    const folded = await handle(new Request('app://renderer/../secret.txt'));
    expect(folded.status).toBe(404);
  });

  it('answers 404 for missing files, folders and other hosts, 405 for other methods', async () => {
    expect((await handle(new Request('app://renderer/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/assets'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the CSP every app:// response carries', () => {
  async function servedPolicy(): Promise<Map<string, string[]>> {
    const header = (await handle(new Request('app://renderer/index.html'))).headers.get('content-security-policy') ?? '';
    return new Map(
      header
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...sources]) => [name!, sources]),
    );
  }

  it('runs scripts from the app only: no inline script, no eval, no other origin', async () => {
    const policy = await servedPolicy();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    // pdf.js compiles its image decoders from wasm shipped with the app: the one allowance.
    expect(policy.get('script-src')).toContain("'self'");
    for (const source of policy.get('script-src')!) expect(["'self'", "'wasm-unsafe-eval'"]).toContain(source);
  });

  it('loads nothing from the network and cannot be framed, rebased or posted away', async () => {
    const policy = await servedPolicy();
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, name).toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|data:|blob:)$/);
      }
    }
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});

describe('helpers', () => {
  it('resolveInside keeps paths inside the root', () => {
    expect(resolveInside('/r', '/a/b.js')).toBe(join('/r', 'a', 'b.js'));
    expect(resolveInside('/r', '/')).toBe(join('/r', 'index.html'));
    expect(resolveInside('/r', '/a/../../x')).toBeNull();
    expect(resolveInside('/r', '/C:/x')).toBeNull();
    expect(resolveInside('/r', '/%E0%A4%A')).toBeNull();
    expect(resolveInside('/r', '/a%00.js')).toBeNull();
  });

  it('maps extensions to MIME types', () => {
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('x.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('x.bcmap')).toBe('application/octet-stream');
  });

  it('recognises the renderer origin only', () => {
    expect(isRendererUrl('app://renderer/index.html#/login')).toBe(true);
    expect(isRendererUrl('app://evil/index.html')).toBe(false);
    expect(isRendererUrl('https://renderer/index.html')).toBe(false);
    expect(isRendererUrl('')).toBe(false);
  });
});
