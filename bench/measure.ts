/** Small helpers for timing: medians, and a labelled clock. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Milliseconds `run` took (its result is dropped). */
export async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** One line of progress on stderr, so stdout keeps only the table. */
export function say(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

/**
 * Writes the dirty pages earlier runs left (extracted folders, downloaded files) to disk, so their
 * write-back does not land in the next measured run; `sync` exists on Linux and macOS.
 */
export function flushDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync', [], { stdio: 'ignore' });
}
