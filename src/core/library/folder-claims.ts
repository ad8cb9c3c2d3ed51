/**
 * New dossier folders in the managed folder, named after the case (` (2)`, ` (3)`… on a clash). Claims
 * run one after another so two calls never pick the same name, or add the same id, twice.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { PRIVATE_DIR_MODE } from '../fs/private-dir';
import type { LibraryEntries } from './library-entries';
import { safeName, withSuffix } from './safe-name';

export class FolderClaims {
  private claims: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly entries: LibraryEntries,
    /** The current managed folder (absolute); created when missing. */
    private readonly root: () => string,
  ) {}

  /** Runs `work` once every claim before it has finished (whether or not it succeeded). */
  claim<T>(work: () => Promise<T>): Promise<T> {
    const next = this.claims.then(work, work);
    this.claims = next.catch(() => undefined);
    return next;
  }

  /** A new, empty folder in the managed folder named after the case; call it inside claim(). */
  async newFolder(caseName: string): Promise<string> {
    const root = resolve(this.root());
    await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE });
    const base = safeName(caseName);
    const taken = new Set([...this.entries.all()].map((entry) => entry.folder.toLowerCase()));
    for (let n = 1; n < 10_000; n++) {
      const folder = join(root, withSuffix(base, n));
      // Case-insensitive: Windows and macOS file systems would treat the names as one folder.
      if (taken.has(folder.toLowerCase())) continue;
      try {
        await mkdir(folder, { mode: PRIVATE_DIR_MODE });
        return folder;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new AppError('CONFLICT', `卷宗文件夹名已用尽：${base}`);
  }
}
