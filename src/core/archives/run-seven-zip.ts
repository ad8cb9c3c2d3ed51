/**
 * Runs 7za non-interactively: killed after a timeout or when the caller aborts, its output kept.
 *
 * Passwords never go on the command line (any local user reads `/proc/<pid>/cmdline`). With a
 * password, 7za gets no `-p` switch and reads the password from its stdin, which we write and close
 * at once; without one, callers pass an empty `-p` and stdin is closed, so 7za can never wait for input.
 * p7zip asks with getpass(), which reads the controlling terminal when there is one (the CLI run
 * from a shell, the app started from a terminal) and would wait there for the keyboard; only without
 * one does it read stdin. So on Linux and macOS 7za runs in a session of its own (`detached`: setsid),
 * which has no controlling terminal.
 * Checked here on Linux with 7zip-bin's p7zip 16.02: with `-p` absent and stdin a pipe it reads one
 * line ("Enter password" is printed to stdout), for listing and extraction, zip (ZipCrypto, AES) and 7z
 * (also encrypted headers), UTF-8 passwords included; under a pseudo-terminal it waits on the terminal
 * unless started with setsid. macOS ships the same p7zip 16.02, whose getpass (readpassphrase) falls
 * back to stdin likewise when there is no terminal (not run here). The Windows 7za (7-Zip 16.02) reads
 * a piped stdin line when stdin is not a console, decoding it in the OEM code page: ASCII passwords
 * (the portal's are) are safe; a non-ASCII one may not match there (not run here).
 */
import { spawn } from 'node:child_process';
import { AppError } from '../../shared/errors';
import { sevenZipBinary } from './seven-zip-binary';

export interface SevenZipResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called with each percentage 7za reports (needs `-bsp1`). */
  onPercent?: (percent: number) => void;
  /** Written to 7za's stdin (then closed). The args must then carry no `-p` switch. */
  password?: string;
  /** Stop 7za (SevenZipOutputLimit) once it printed more than this to stdout. */
  maxOutputBytes?: number;
  /** Called with the child's pid once it runs (tests look at its command line). */
  onSpawn?: (pid: number) => void;
}

export class SevenZipTimeout extends Error {
  override name = 'SevenZipTimeout';
}

export class SevenZipOutputLimit extends Error {
  override name = 'SevenZipOutputLimit';
}

/** The `-p` switch for `password`: none (it goes to stdin) or an empty one so 7za never asks. */
export function passwordSwitch(password: string | undefined): string[] {
  return password ? [] : ['-p'];
}

export async function runSevenZip(args: string[], options: RunOptions): Promise<SevenZipResult> {
  options.signal?.throwIfAborted();
  const password = options.password || undefined;
  if (password !== undefined) {
    // One line is all 7za reads; a line break inside would end the password early.
    if (/[\r\n]/.test(password)) throw new AppError('VALIDATION', 'The password must not contain a line break');
    const switches = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (switches.some((arg) => arg.startsWith('-p'))) throw new Error('runSevenZip: a password goes to stdin, not in a -p switch');
  }
  const binary = await sevenZipBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      stdio: [password === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Its own session, without a controlling terminal: p7zip then reads the password from stdin.
      detached: process.platform !== 'win32',
      // p7zip converts names through the locale: without UTF-8 it mangles Chinese names.
      env: process.platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    if (password !== undefined && child.stdin) {
      // 7za may exit before reading (an archive that needs no password): that EPIPE is not an error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(`${password}\n`);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let stopped: Error | undefined;
    const stop = (reason: Error): void => {
      stopped ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new SevenZipTimeout(`7-Zip did not finish within ${options.timeoutMs} ms`)), options.timeoutMs);
    const onAbort = (): void => stop(options.signal?.reason instanceof Error ? options.signal.reason : new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let outBytes = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (options.maxOutputBytes !== undefined && outBytes > options.maxOutputBytes) {
        stop(new SevenZipOutputLimit(`7-Zip printed more than ${options.maxOutputBytes} bytes`));
        return;
      }
      out.push(chunk);
      if (options.onPercent) {
        const matches = chunk.toString('latin1').match(/(\d{1,3})%/g);
        const last = matches?.at(-1);
        if (last) options.onPercent(Math.min(100, Number.parseInt(last, 10)));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      // 7za's errors are a few lines; a flood of them is not kept.
      if (err.length < 256) err.push(chunk);
    });
    const finish = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error) => {
      finish();
      reject(error);
    });
    child.on('close', (code) => {
      finish();
      if (stopped) reject(stopped);
      else resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
