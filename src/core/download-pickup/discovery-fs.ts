/**
 * The little file access folder discovery needs, behind an interface so tests on one OS can lay out
 * another OS's folders (a Windows tree under a temp folder) and still read real files.
 */
import { open, readdir, stat } from 'node:fs/promises';

export interface DiscoveryFs {
  isDirectory(path: string): Promise<boolean>;
  /** Names of the sub-folders of `path`; empty when it cannot be read. */
  subfolders(path: string): Promise<string[]>;
  /** The file's text when it is at most `maxBytes` long; null when missing, unreadable or larger. */
  readText(path: string, maxBytes: number): Promise<string | null>;
}

export const realDiscoveryFs: DiscoveryFs = {
  async isDirectory(path) {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  async subfolders(path) {
    try {
      return (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch {
      return [];
    }
  },
  async readText(path, maxBytes) {
    let handle;
    try {
      handle = await open(path, 'r');
      const info = await handle.stat();
      if (!info.isFile() || info.size > maxBytes) return null;
      return await handle.readFile({ encoding: 'utf8' });
    } catch {
      return null;
    } finally {
      await handle?.close();
    }
  },
};
