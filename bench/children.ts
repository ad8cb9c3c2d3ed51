/** Running other programs for the benchmark: timed, output collected, never prompting (stdin closed or given). */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
}

export function runChild(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - start });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Like runChild, but throws with the child's own words when it fails. */
export async function mustRun(command: string, args: string[], options: Parameters<typeof runChild>[2] = {}): Promise<ChildResult> {
  const result = await runChild(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args[0] ?? ''} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-400)}`);
  return result;
}
