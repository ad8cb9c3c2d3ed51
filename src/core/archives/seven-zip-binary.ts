/**
 * Finds 7zip-bin's 7za and makes sure it can run: some installs lose its execute bit, and inside
 * `app.asar` it must be taken from `app.asar.unpacked`. When the shipped file cannot be made
 * executable (a read-only install), 7za is copied into a fresh private folder (mkdtemp: mode 0700,
 * ours) with O_EXCL, checked with lstat, and used from there; a copy is never reused, so a file some
 * other user left in a shared temp folder can never be run in its place. The folder is removed at exit.
 */
import { constants, rmSync } from 'node:fs';
import { access, chmod, copyFile, lstat, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import sevenBin from '7zip-bin';
import { AppError } from '../../shared/errors';

let resolved: Promise<string> | undefined;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws unless `path` is a real folder (not a link) owned by this user that no one else may enter. */
async function checkPrivateFolder(path: string): Promise<void> {
  const stats = await lstat(path);
  const uid = process.getuid?.();
  if (!stats.isDirectory() || stats.isSymbolicLink() || (uid !== undefined && stats.uid !== uid) || (stats.mode & 0o077) !== 0) {
    throw new Error(`not a private folder: ${path}`);
  }
}

/**
 * `shipped` if it runs or can be made to (chmod); otherwise a copy written by us into a new private
 * folder under `parent`. Throws AppError INTERNAL when neither works: the app then says it cannot run 7-Zip.
 */
export async function runnable7za(shipped: string, parent: string = tmpdir()): Promise<string> {
  if (process.platform === 'win32' || (await isExecutable(shipped))) return shipped;
  try {
    await chmod(shipped, 0o755);
    if (await isExecutable(shipped)) return shipped;
  } catch {
    // Read-only install: fall through to a private copy.
  }
  try {
    const folder = await mkdtemp(join(parent, 'dossier-desk-7za-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    await checkPrivateFolder(folder);
    const copy = join(folder, basename(shipped));
    await copyFile(shipped, copy, constants.COPYFILE_EXCL);
    await chmod(copy, 0o700);
    const stats = await lstat(copy);
    if (!stats.isFile() || (process.getuid && stats.uid !== process.getuid())) throw new Error('the copy is not ours');
    return copy;
  } catch (error) {
    throw new AppError('INTERNAL', `Cannot run 7-Zip: ${shipped} is not executable and no private copy could be made (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The path of a runnable 7za (resolved once per process; retried after a failure). */
export function sevenZipBinary(): Promise<string> {
  const shipped = sevenBin.path7za.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  resolved ??= runnable7za(shipped).catch((error: unknown) => {
    resolved = undefined;
    throw error;
  });
  return resolved;
}
