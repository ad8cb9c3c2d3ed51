/**
 * Runs 7za non-interactively: stdin closed so it can never prompt, killed after a timeout or when
 * the caller aborts. Callers always pass `-y` and a `-p` switch (empty when there is no password).
 *
 * Limitation: 7za only takes a password on its command line, so while it runs the password is
 * visible to other processes of the same user in the process list. It never goes to logs or errors:
 * nothing here puts the arguments into a message.
 */
import { spawn } from 'node:child_process';
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
}

export class SevenZipTimeout extends Error {
  override name = 'SevenZipTimeout';
}

export async function runSevenZip(args: string[], options: RunOptions): Promise<SevenZipResult> {
  options.signal?.throwIfAborted();
  const binary = await sevenZipBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // p7zip converts names through the locale: without UTF-8 it mangles Chinese names.
      env: process.platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
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
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (options.onPercent) {
        const matches = chunk.toString('latin1').match(/(\d{1,3})%/g);
        const last = matches?.at(-1);
        if (last) options.onPercent(Math.min(100, Number.parseInt(last, 10)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
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
