/** Builds real archives for the tests: with 7za from 7zip-bin, and with python3's zipfile for what 7za will not write. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { runSevenZip } from './run-seven-zip';

const exec = promisify(execFile);

export async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'archives-test-'));
}

/** Writes `files` (relative path → text) under a fresh folder and returns it. */
export async function stage(files: Record<string, string>): Promise<string> {
  const dir = await scratch();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Packs the staged folder's contents into `out` with 7za and the given switches (e.g. `-tzip`, `-mhe=on`). */
export async function sevenZipPack(source: string, out: string, switches: string[]): Promise<void> {
  const args = ['a', '-y', ...switches, out, `${source}/*`];
  const result = await runSevenZip(args, { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`7za a failed: ${result.stderr}`);
}

/**
 * Runs a python3 program that builds a zip at `out` (passed as sys.argv[1]) with the zipfile module.
 * `body` uses `z` (an open ZipFile), `ZipInfo`, and `GbkInfo`: an entry whose name is written in GBK
 * without the UTF-8 flag, as Windows tools do (zipfile itself would write UTF-8 and set the flag).
 */
export async function pythonZip(out: string, body: string): Promise<void> {
  const program = [
    'import sys, zipfile',
    'from zipfile import ZipInfo',
    'class GbkInfo(ZipInfo):',
    '    def _encodeFilenameFlags(self):',
    "        return self.filename.encode('gbk'), self.flag_bits & ~0x800",
    "with zipfile.ZipFile(sys.argv[1], 'w') as z:",     ...body.trim().split('\n').map((line) => `    ${line}`),
  ].join('\n');
  await exec('python3', ['-c', program, out]);
}

/**
 * Mounts a tmpfs on `dir` (e.g. `size=2m`, `nr_inodes=40`) for tests of a full or read-only disk.
 * Returns why it could not (not root, no mount permission, not Linux) instead of throwing.
 */
export async function mountTmpfs(dir: string, options: string): Promise<string | null> {
  if (process.platform !== 'linux') return 'tmpfs mounts are a Linux test';
  try {
    await exec('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

export async function remountReadOnly(dir: string): Promise<void> {
  await exec('mount', ['-o', 'remount,ro', dir]);
}

export async function unmount(dir: string): Promise<void> {
  await exec('umount', [dir]).catch(() => exec('umount', ['-l', dir]));
}
