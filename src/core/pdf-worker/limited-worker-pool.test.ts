// The limited worker pool with a worker that misbehaves on request: heap exhaustion, endless
// loops, buffers outside the heap, crashes. Each ends its task with a named error; the next task
// runs in a fresh worker; the pool never holds more workers than its size.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitedWorkerPool } from './limited-worker-pool';

// The task protocol of task-protocol.ts, spoken by hand (serve-tasks.ts is TypeScript).
const WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
const kept = [];
const tasks = {
  echo: async (input) => ({ input, threadId }),
  heap: async () => { for (;;) kept.push(new Array(1e5).fill({ threadId })); },
  buffers: async () => { for (;;) { kept.push(new Uint8Array(32 * 1024 * 1024).fill(1)); await new Promise((r) => setTimeout(r, 5)); } },
  spin: async () => { for (;;); },
  crash: async () => { process.exit(3); },
  refuse: async () => { throw Object.assign(new Error('no'), { code: 'VALIDATION' }); },
};
parentPort.on('message', ({ id, task, input }) => {
  tasks[task](input).then(
    (result) => parentPort.postMessage({ id, ok: true, result }),
    (error) => parentPort.postMessage({ id, ok: false, error: { code: error.code ?? 'INTERNAL', message: error.message } }),
  );
});
`;

let work: string;
let script: URL;
const pools: LimitedWorkerPool[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'limited-worker-pool-'));
  await writeFile(join(work, 'worker.mjs'), WORKER);
  script = pathToFileURL(join(work, 'worker.mjs'));
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await rm(work, { recursive: true, force: true });
});

function pool(options: Partial<ConstructorParameters<typeof LimitedWorkerPool>[0]> = {}): LimitedWorkerPool {
  const made = new LimitedWorkerPool({ script: async () => script, ...options });
  pools.push(made);
  return made;
}

const echo = (workers: LimitedWorkerPool, input: unknown) => workers.run<{ input: unknown; threadId: number }>('echo', input, { timeoutMs: 10_000 });

describe('LimitedWorkerPool', () => {
  it('runs tasks in one reused worker and passes the task\'s own errors on', async () => {
    const workers = pool();
    const first = await echo(workers, 'a');
    const second = await echo(workers, { b: [1] });
    expect(first.input).toBe('a');
    expect(second).toEqual({ input: { b: [1] }, threadId: first.threadId });
    await expect(workers.run('refuse', null, { timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'VALIDATION', message: 'no' });
    expect(workers.workers).toBe(1);
  });

  it('ends a task over its time, then runs the next in a new worker', async () => {
    const workers = pool();
    const before = await echo(workers, 1);
    await expect(workers.run('spin', null, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: '超出读取限制：用时超过 0.3 秒' });
    const after = await echo(workers, 2);
    expect(after.threadId).not.toBe(before.threadId);
    expect(workers.workers).toBe(1);
  });

  it('ends a task that fills the heap at the heap limit', async () => {
    const workers = pool({ limits: { heapMb: 64 } });
    await expect(workers.run('heap', null, { timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: '超出读取限制：内存超过 64 MB' });
    expect((await echo(workers, 'next')).input).toBe('next');
  }, 40_000);

  it('ends a task that fills memory outside the heap at that limit', async () => {
    const workers = pool({ limits: { externalMb: 128 } });
    await expect(workers.run('buffers', null, { timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: '超出读取限制：内存超过 128 MB' });
  }, 40_000);

  it('fails the task of a worker that exits, and goes on', async () => {
    const workers = pool();
    await expect(workers.run('crash', null, { timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect((await echo(workers, 'next')).input).toBe('next');
  });

  it('queues tasks beyond its workers, runs two at a time with two, and fails what is left on close', async () => {
    const workers = pool({ size: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => echo(workers, n)));
    expect(results.map((result) => result.input)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(results.map((result) => result.threadId)).size).toBe(2);
    const spinning = workers.run('spin', null, { timeoutMs: 60_000 });
    const queued = [workers.run('spin', null, { timeoutMs: 60_000 }), echo(workers, 'late')];
    const settled = Promise.allSettled([spinning, ...queued]);
    await workers.close();
    for (const outcome of await settled) expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'INTERNAL' } });
    expect(workers.workers).toBe(0);
  });
});
