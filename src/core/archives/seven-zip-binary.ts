/**
 * Finds 7zip-bin's 7za and makes sure it can run: some installs lose its execute bit, and inside
 * `app.asar` it must be taken from `app.asar.unpacked`. A read-only install gets a private copy.
 */
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import sevenBin from '7zip-bin';

let resolved: Promise<string> | undefined;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `shipped` if it runs or can be made to (chmod); otherwise a runnable copy in `copyDir`. */
export async function runnable7za(shipped: string, copyDir: string): Promise<string> {
  if (process.platform === 'win32' || (await isExecutable(shipped))) return shipped;
  try {
    await chmod(shipped, 0o755);
    if (await isExecutable(shipped)) return shipped;
  } catch {
    // Read-only install: fall through to a private copy.
  }
  const copy = join(copyDir, basename(shipped));
  const [source, existing] = await Promise.all([stat(shipped), stat(copy).catch(() => null)]);
  if (!existing || existing.size !== source.size || !(await isExecutable(copy))) {
    await mkdir(copyDir, { recursive: true, mode: 0o700 });
    const partial = `${copy}.${process.pid}.partial`;
    await copyFile(shipped, partial);
    await chmod(partial, 0o755);
    await rename(partial, copy);
  }
  return copy;
}

/** The path of a runnable 7za (resolved once; retried after a failure). */
export function sevenZipBinary(): Promise<string> {
  const shipped = sevenBin.path7za.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  const copyDir = join(tmpdir(), `dossier-desk-core-7za-${process.getuid?.() ?? 'user'}`);
  resolved ??= runnable7za(shipped, copyDir).catch((error: unknown) => {
    resolved = undefined;
    throw error;
  });
  return resolved;
}
