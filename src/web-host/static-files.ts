/** The built renderer as static files: MIME types, and no path may leave the renderer folder. */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { mimeTypeFor } from '../shared/renderer-assets';

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
    return { path: real, size: info.size, contentType: mimeTypeFor(real) };
  } catch {
    return null;
  }
}

export function openStaticFile(file: StaticFile): NodeJS.ReadableStream {
  return createReadStream(file.path);
}
