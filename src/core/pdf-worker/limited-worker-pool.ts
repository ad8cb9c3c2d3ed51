/**
 * Runs tasks in worker threads with limits, so an untrusted file is read off core's event loop and
 * cannot take the app with it: the V8 heap (resourceLimits), memory outside it (buffers, such as a
 * deflate bomb's output, which resourceLimits does not count: checked while a task runs), and
 * wall-clock time per task. A worker over a limit, or one that crashed, is terminated and replaced;
 * its task fails with LIMIT_EXCEEDED. Workers are reused across tasks (starting one costs ~100 ms)
 * and keep no process alive while idle.
 *
 * Only for workers that may be torn down at any moment (plain JS, such as pdf.js): never for the
 * OCR worker, whose ONNX Runtime aborts the whole process when its thread is terminated mid-run.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { TaskReply, TaskRequest } from './task-protocol';

export interface WorkerLimits {
  /** V8's old generation (most of the JS heap), MB. */
  heapMb: number;
  /** V8's young generation, MB. */
  youngMb: number;
  /** The thread's stack, MB (deeply nested structures recurse). */
  stackMb: number;
  /** Memory outside the JS heap (ArrayBuffers), MB. */
  externalMb: number;
}

export const DEFAULT_WORKER_LIMITS: Readonly<WorkerLimits> = { heapMb: 512, youngMb: 32, stackMb: 8, externalMb: 768 };

export interface LimitedWorkerPoolOptions {
  /** The worker's script (see worker-script.ts). */
  script: () => Promise<URL>;
  workerData?: unknown;
  /** Workers at most, each running one task at a time. Default 1. */
  size?: number;
  limits?: Partial<WorkerLimits>;
  /** How often a running task's memory outside the heap is looked at. Default 100 ms. */
  pollMs?: number;
}

export interface TaskOptions {
  /** Wall-clock time the task may take, waiting in the queue not counted. */
  timeoutMs: number;
}

interface Pending {
  request: TaskRequest;
  options: TaskOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker | null;
  starting: Promise<Worker>;
  task: Pending | null;
  timer: NodeJS.Timeout | undefined;
  poll: NodeJS.Timeout | undefined;
}

const MB = 1024 * 1024;

export class LimitedWorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private readonly limits: WorkerLimits;
  private readonly size: number;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: LimitedWorkerPoolOptions) {
    this.limits = { ...DEFAULT_WORKER_LIMITS, ...options.limits };
    this.size = Math.max(1, options.size ?? 1);
  }

  /** Runs `task` with `input` in a worker. Rejects with the task's own error, or LIMIT_EXCEEDED. */
  run<T>(task: string, input: unknown, options: TaskOptions): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'the reading threads are closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, task, input }, options, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Ends every worker; queued and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new AppError('INTERNAL', 'the reading threads are closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new AppError('INTERNAL', 'the reading threads are closed'))));
  }

  /** Workers alive now (tests: a timed-out worker is replaced, not piled up). */
  get workers(): number {
    return this.slots.size;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((candidate) => candidate.task === null);
      if (!slot) {
        if (this.slots.size >= this.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift() as Pending);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: null, starting: Promise.resolve(null as unknown as Worker), task: null, timer: undefined, poll: undefined };
    slot.starting = this.options.script().then((script) => {
      const worker = new Worker(script, {
        workerData: this.options.workerData,
        resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: this.limits.youngMb, stackSizeMb: this.limits.stackMb },
      });
      slot.worker = worker;
      worker.on('message', (reply: TaskReply) => this.answered(slot, reply));
      worker.on('error', (error: Error & { code?: string }) => {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        void this.retire(slot, memory ? this.overLimit(`内存超过 ${this.limits.heapMb} MB`) : new AppError('INTERNAL', `无法读取：${error.message}`));
      });
      worker.on('exit', () => void this.retire(slot, new AppError('INTERNAL', '读取线程意外退出')));
      return worker;
    });
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    slot.task = pending;
    slot.starting.then(
      (worker) => {
        if (slot.task !== pending) return;
        worker.ref();
        slot.timer = setTimeout(() => void this.retire(slot, this.overLimit(`用时超过 ${pending.options.timeoutMs / 1000} 秒`)), pending.options.timeoutMs);
        slot.poll = setInterval(() => void this.checkMemory(slot, worker), this.options.pollMs ?? 100);
        slot.poll.unref();
        worker.postMessage(pending.request);
      },
      (error: unknown) => void this.retire(slot, error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async checkMemory(slot: Slot, worker: Worker): Promise<void> {
    const statistics = await worker.getHeapStatistics().catch(() => null);
    if (!statistics || slot.worker !== worker || slot.task === null) return;
    if (statistics.external_memory > this.limits.externalMb * MB) await this.retire(slot, this.overLimit(`内存超过 ${this.limits.externalMb} MB`));
  }

  private overLimit(what: string): AppError {
    return new AppError('LIMIT_EXCEEDED', `超出读取限制：${what}`);
  }

  private answered(slot: Slot, reply: TaskReply): void {
    const pending = slot.task;
    if (!pending || pending.request.id !== reply.id) return;
    this.settle(slot);
    slot.worker?.unref();
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new AppError(reply.error.code, reply.error.message));
    this.pump();
  }

  private settle(slot: Slot): void {
    clearTimeout(slot.timer);
    clearInterval(slot.poll);
    slot.timer = undefined;
    slot.poll = undefined;
    slot.task = null;
  }

  /** Ends a worker (over a limit, crashed, closing); its task fails with `error`; the queue goes on with a new one. */
  private async retire(slot: Slot, error: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const pending = slot.task;
    this.settle(slot);
    pending?.reject(error);
    const worker = slot.worker;
    if (!this.closed) this.pump();
    if (worker) await worker.terminate().catch(() => undefined);
  }
}
