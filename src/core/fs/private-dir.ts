import { chmod, mkdir, stat } from 'node:fs/promises';

/**
 * Folders that hold dossiers or case names are the lawyer's alone: other users of the machine must
 * not even list them (folder and file names carry the names of suspects and witnesses).
 * POSIX modes only; on Windows the user's profile ACLs already keep other users out.
 */
const posix = process.platform !== 'win32';

/** Creates the folder (and missing parents) with mode 0700, and narrows it when it already exists wider. */
export async function mkdirPrivate(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await tightenPrivate(path);
}

/**
 * Narrows an existing folder (0700) or file (0600) that other users could read or list; a missing
 * path is left alone. Nothing is logged: the path itself names a case.
 */
export async function tightenPrivate(path: string): Promise<void> {
  if (!posix) return;
  let mode: number;
  let folder: boolean;
  try {
    const info = await stat(path);
    mode = info.mode;
    folder = info.isDirectory();
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  await chmod(path, folder ? 0o700 : 0o600).catch(() => undefined);
}

/** The mode a new private folder is made with (for mkdir/mkdtemp-like calls that take one). */
export const PRIVATE_DIR_MODE = 0o700;
