/**
 * Packs a staged folder into a .7z with the 7za that 7zip-bin ships: non-interactive (`-y`, stdin
 * closed), with a timeout, names read in a UTF-8 locale, headers encrypted when there is a password.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sevenBin from '7zip-bin';

let resolved: Promise<string> | undefined;

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** 7zip-bin's 7za, made executable: in place if we may, else as a private copy in the temp folder. */
async function findSevenZip(): Promise<string> {
  const shipped = sevenBin.path7za.replace(`app.asar${process.platform === 'win32' ? '\\' : '/'}`, `app.asar.unpacked${process.platform === 'win32' ? '\\' : '/'}`);
  if (process.platform === 'win32' || (await executable(shipped))) return shipped;
  try {
    await chmod(shipped, 0o755);
    if (await executable(shipped)) return shipped;
  } catch {
    // Read-only install: fall through to a copy.
  }
  const dir = join(tmpdir(), `dossier-desk-7za-${process.getuid?.() ?? 'user'}`);
  const copy = join(dir, basename(shipped));
  const [source, existing] = await Promise.all([stat(shipped), stat(copy).catch(() => null)]);
  if (!existing || existing.size !== source.size || !(await executable(copy))) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const partial = `${copy}.${process.pid}.partial`;
    await copyFile(shipped, partial);
    await chmod(partial, 0o755);
    await rename(partial, copy);
  }
  return copy;
}

export function sevenZipPath(): Promise<string> {
  resolved ??= findSevenZip().catch((error: unknown) => {
    resolved = undefined;
    throw error;
  });
  return resolved;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs 7za with `args` in `cwd`, killed after `timeoutMs`. `input` is written to its stdin (a password
 * it asks for: never on its command line, where other users would read it); without it stdin is closed.
 */
export async function runSevenZip(args: string[], cwd: string, timeoutMs: number, input?: string): Promise<RunResult> {
  const binary = await sevenZipPath();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // A session of its own, with no terminal: p7zip reads a password from the terminal when it has one.
      detached: process.platform !== 'win32',
      // p7zip converts file names through the locale: without UTF-8 it mangles Chinese names.
      env: process.platform === 'linux' ? { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } : process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    if (input !== undefined) child.stdin?.end(input);
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (signal) reject(new Error(`7za stopped by ${signal}${signal === 'SIGKILL' ? ` after ${timeoutMs} ms` : ''}`));
      else resolve(result);
    });
  });
}

/** Packs the `entries` (files or folders relative to `sourceDir`) into a new archive `outFile`. */
export async function packSevenZip(sourceDir: string, entries: string[], outFile: string, password: string | null, timeoutMs: number): Promise<void> {
  const args = ['a', '-t7z', '-mx=1', '-mtc=off', '-mta=off', '-y', '-bd', '-ssc', outFile];
  // `-p` with no value: 7za asks for the password (twice, to verify) and reads it from stdin.
  if (password) args.push('-p', '-mhe=on');
  args.push('--', ...entries);
  const result = await runSevenZip(args, sourceDir, timeoutMs, password ? `${password}\n${password}\n` : undefined);
  if (result.code !== 0) throw new Error(`7za failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
}
