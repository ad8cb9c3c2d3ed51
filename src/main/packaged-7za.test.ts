/**
 * In an installed app, 7zip-bin sits inside resources/app.asar, where nothing can be executed;
 * electron-builder unpacks it beside, into app.asar.unpacked (asarUnpack in electron-builder.yml).
 * The archive service must run 7za from there.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const installed = vi.hoisted(() => ({ path7za: '' }));
vi.mock('7zip-bin', () => ({ default: installed }));

const exec = promisify(execFile);
const realSevenBin = (await vi.importActual<{ default: { path7za: string } }>('7zip-bin')).default;
const { sevenZipBinary } = await import('../core/archives/seven-zip-binary');

let resources: string;
const relativeBinary = join('node_modules', '7zip-bin', 'linux', 'x64', '7za');

beforeAll(async () => {
  resources = await mkdtemp(join(tmpdir(), 'packaged-app-'));
  const unpacked = join(resources, 'app.asar.unpacked', relativeBinary);
  await mkdir(join(unpacked, '..'), { recursive: true });
  await copyFile(realSevenBin.path7za, unpacked);
  // What 7zip-bin computes from its own __dirname once it is loaded from inside app.asar.
  installed.path7za = join(resources, 'app.asar', relativeBinary);
});

afterAll(async () => {
  await rm(resources, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('7za in a packaged app', () => {
  it('is taken from app.asar.unpacked, and runs', async () => {
    const path = await sevenZipBinary();
    expect(path).toBe(join(resources, 'app.asar.unpacked', relativeBinary));
    const { stdout } = await exec(path, ['i'], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    expect(stdout).toContain('7-Zip');
  });
});
