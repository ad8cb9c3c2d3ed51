/**
 * Where a dossier document is on disk. Paths come from the renderer: only '/'-separated relative
 * paths inside the dossier's extracted folder are accepted, and symlinks may not lead outside it.
 */
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { AppError } from '../../shared/errors';

/** The segments of a safe relative path, or a VALIDATION error. */
export function documentSegments(path: string): string[] {
  const invalid = () => new AppError('VALIDATION', `不是卷宗内的文档路径：${path}`);
  if (path === '' || path.includes('\\') || path.includes('\0') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw invalid();
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) throw invalid();
  return segments;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The real path of `path` inside `folder` (the extracted folder). Throws VALIDATION for a path that
 * is not a plain relative one or that resolves (through links) outside the folder, NOT_FOUND when
 * the folder or the file does not exist.
 */
export async function resolveDocumentPath(folder: string, path: string): Promise<string> {
  const segments = documentSegments(path);
  let root: string;
  let real: string;
  try {
    root = await realpath(folder);
  } catch (error) {
    if (isMissing(error)) throw new AppError('NOT_FOUND', '卷宗的文件夹不存在');
    throw error;
  }
  try {
    real = await realpath(join(root, ...segments));
  } catch (error) {
    if (isMissing(error)) throw new AppError('NOT_FOUND', `卷宗中没有这个文档：${path}`);
    throw error;
  }
  if (!real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) throw new AppError('VALIDATION', `文档指向卷宗文件夹之外：${path}`);
  return real;
}
