import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runnable7za, sevenZipBinary } from './seven-zip-binary';

const exec = promisify(execFile);
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.skipIf(process.platform === 'win32')('runnable7za', () => {
  it('gives the execute bit back to a 7za that lost it, and the result runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), '7za-mode-'));
    dirs.push(dir);
    const shipped = join(dir, '7za');
    await copyFile(await sevenZipBinary(), shipped);
    await chmod(shipped, 0o644);
    expect((await stat(shipped)).mode & 0o111).toBe(0);
    const path = await runnable7za(shipped, join(dir, 'copies'));
    expect(path).toBe(shipped);
    expect((await stat(shipped)).mode & 0o111).not.toBe(0);
    const { stdout } = await exec(path, ['i'], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    expect(stdout).toContain('7-Zip');
  });
});
