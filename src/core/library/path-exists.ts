/** Whether anything (a file, a folder, a broken link) is at `path`: the library's test before it moves or rewrites. */
import { lstat } from 'node:fs/promises';

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
