import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '../..');
const cli = resolve(repoRoot, 'bin/dossier.mjs');

/** A long-running `dossier` command (portal, web) whose first stdout line is its URL. */
export interface Served {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown handlers run. */
  kill(): Promise<void>;
}

export async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolveUrl, reject) => {
    lines.once('line', (line) => resolveUrl(line.trim()));
    child.once('exit', (code) => reject(new Error(`dossier ${args[0]} exited (${code}) before printing its URL: ${stderr}`)));
  });
  lines.on('line', () => {}); // keep draining stdout so the child never blocks on a full pipe
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  return { url, process: child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Runs a one-shot `dossier` command and returns its stdout, rejecting with its stderr line on failure. */
export async function dossier(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args], { cwd: repoRoot });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`dossier ${args.join(' ')} failed: ${stderr ?? error}`, { cause: error });
  }
}
