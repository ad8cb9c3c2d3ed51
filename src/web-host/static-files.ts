/** The built renderer as static files: MIME types, and no path may leave the renderer folder. */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js resources: CJK character maps, standard Type 1 fonts, ICC colour profiles.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.icc': 'application/vnd.iccprofile',
};

export function mimeType(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export interface StaticFile {
  path: string;
  size: number;
  contentType: string;
}

/**
 * Maps a URL path (still percent-encoded) to a regular file under `root` (already a real path),
 * or null: malformed encodings, `..` segments, backslashes, NUL bytes, symlinks that lead out,
 * directories and missing files are all simply not found.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;

  const candidate = resolve(root, `.${decoded}`);
  if (!inside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!inside(root, real)) return null;
    const info = await stat(real);
    if (!info.isFile()) return null;
    return { path: real, size: info.size, contentType: mimeType(real) };
  } catch {
    return null;
  }
}

export function openStaticFile(file: StaticFile): NodeJS.ReadableStream {
  return createReadStream(file.path);
}
