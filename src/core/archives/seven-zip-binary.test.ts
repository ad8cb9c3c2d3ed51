import { execFile } from 'node:child_process';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runnable7za, sevenZipBinary } from './seven-zip-binary';
import { mountTmpfs, remountReadOnly, unmount } from './test-archives';

const exec = promisify(execFile);
const dirs: string[] = [];
const mounts: string[] = [];

afterEach(async () => {
  for (const mount of mounts.splice(0)) await unmount(mount);
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function runs(path: string): Promise<void> {
  const { stdout } = await exec(path, ['i'], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  expect(stdout).toContain('7-Zip');
}

/** A shipped 7za that lost its execute bit on a read-only file system; null (with the reason printed) when no mount is allowed. */
async function readOnlyInstall(): Promise<string | null> {
  const install = await tempDir('7za-install-');
  const why = await mountTmpfs(install, 'size=16m');
  if (why) {
    console.warn(`skipped: ${why}`);
    return null;
  }
  mounts.push(install);
  const shipped = join(install, '7za');
  await copyFile(await sevenZipBinary(), shipped);
  await chmod(shipped, 0o644);
  await remountReadOnly(install);
  return shipped;
}

describe.skipIf(process.platform === 'win32')('runnable7za', () => {
  it('gives the execute bit back to a 7za that lost it, and the result runs', async () => {
    const dir = await tempDir('7za-mode-');
    const shipped = join(dir, '7za');
    await copyFile(await sevenZipBinary(), shipped);
    await chmod(shipped, 0o644);
    expect((await stat(shipped)).mode & 0o111).toBe(0);
    const path = await runnable7za(shipped, join(dir, 'copies'));
    expect(path).toBe(shipped);
    expect((await stat(shipped)).mode & 0o111).not.toBe(0);
    await runs(path);
  });

  it('copies a read-only install’s 7za into a fresh private folder of its own, never reusing a file found there', async () => {
    const shipped = await readOnlyInstall();
    if (!shipped) return;
    const parent = await tempDir('7za-copies-');
    await chmod(parent, 0o1777);
    // What another local user could plant in a shared temp folder: the old predictable copy, and a look-alike folder.
    const planted = join(parent, 'dossier-desk-core-7za-0', '7za');
    await mkdir(dirname(planted), { recursive: true });
    await writeFile(planted, '#!/bin/sh\necho planted\n', { mode: 0o755 });

    const first = await runnable7za(shipped, parent);
    const second = await runnable7za(shipped, parent);
    expect(first).not.toBe(planted);
    expect(dirname(first)).not.toBe(dirname(second));
    for (const copy of [first, second]) {
      expect(dirname(dirname(copy))).toBe(parent);
      const folder = await lstat(dirname(copy));
      expect(folder.isDirectory()).toBe(true);
      expect(folder.mode & 0o777).toBe(0o700);
      expect(folder.uid).toBe(process.getuid?.());
      const file = await lstat(copy);
      expect(file.isFile()).toBe(true);
      expect(file.uid).toBe(process.getuid?.());
      expect((await readFile(copy)).equals(await readFile(shipped))).toBe(true);
      await runs(copy);
    }
  });

  it('says it cannot run 7-Zip when no private copy can be made either', async () => {
    const shipped = await readOnlyInstall();
    if (!shipped) return;
    await expect(runnable7za(shipped, join(dirname(shipped), 'nowhere'))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Cannot run 7-Zip') });
  });
});
