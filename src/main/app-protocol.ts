/**
 * The `app://` scheme: the renderer is served from out/renderer under `app://renderer/`, a
 * standard secure origin of its own, instead of file:// (which would share one origin with every
 * local file).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { mimeTypeFor } from '../shared/renderer-assets';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';
export const RENDERER_URL = `${APP_SCHEME}://${RENDERER_HOST}/index.html`;

export { mimeTypeFor };

/** True for a URL on the renderer's origin (`app://renderer/…`). */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === RENDERER_HOST;
  } catch {
    return false;
  }
}

/** Must run before `app` is ready: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The file under rootDir that a URL path names, or null when it would leave rootDir. */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || /^[a-zA-Z]:/.test(segment))) return null;
  const root = resolve(rootDir);
  const target = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return target;
}

/** Serves files under rootDir for `app://renderer/…`; anything else is refused. */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== RENDERER_HOST) return textResponse(404, 'Not found');
    const filePath = resolveInside(rootDir, url.pathname);
    if (!filePath) return textResponse(403, 'Forbidden');
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return textResponse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': String(body.byteLength),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Installs the handler (after `app` is ready) on the default session's protocol registry. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
