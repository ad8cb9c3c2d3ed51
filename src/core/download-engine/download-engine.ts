/**
 * DownloadEngine: resumable, verified dossier downloads. Bytes stream into
 * `<destination>/.partial/<name>.part` beside a sidecar; dropped connections are retried with
 * backoff from the bytes on disk; a new process picks the sidecars up (resumeAll). Only a file whose
 * SHA-256 matches the portal's digest is renamed into place, so a bad download never replaces a good copy.
 * The link (a credential) is kept in a DownloadLinkStore, never in the sidecar, and forgotten once the
 * download completes, is cancelled, or the portal says it is dead.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { rename, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, toErrorPayload, type ErrorPayload } from '../../shared/errors';
import { abortableDelay } from '../auth/abortable-delay';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { DownloadEvents, DownloadProgress, DownloadRequest, DownloadSnapshot, DownloadState } from './download-types';
import { hashFilePrefix } from './file-digest';
import { MemoryLinkStore, type DownloadLinkStore } from './link-store';
import { ProgressMeter } from './progress-meter';
import { checkPlainFileName } from './plain-file-name';
import { listSidecars, partPath, readSidecar, removePartial, sidecarPath, writeSidecar, type Sidecar } from './sidecar';
import { RetryableError, transferOnce, type PartialState } from './transfer';

export interface DownloadEngineOptions {
  /** Resolves portal paths such as /api/downloads/<token>. */
  baseUrl?: string;
  /** Consecutive failed attempts without progress before giving up. Default 8. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  /** A socket silent this long is dropped and retried. Default 30 s. */
  idleTimeoutMs?: number;
  /** Least time between progress events. Default 250 ms. */
  progressIntervalMs?: number;
  /** Least time between sidecar updates while bytes flow. Default 1 s. */
  sidecarIntervalMs?: number;
  /**
   * Where links are kept so a new process can resume (the secret store in the app). Default: memory,
   * so after a restart every partial waits for a fresh link.
   */
  links?: DownloadLinkStore;
}

const LINK_GONE_MESSAGE = '下载链接已失效，请重新获取卷宗下载链接';

/** Restarts from zero in a row (the server keeps changing the file) before giving up. */
const MAX_RESTARTS = 3;

interface Job {
  sidecar: Sidecar;
  destination: string;
  /** The link in use; null once it is known dead or was never found (a fresh one is needed). */
  url: string | null;
  state: DownloadState;
  bytes: number;
  error?: ErrorPayload;
  filePath?: string;
  controller?: AbortController;
  running?: Promise<void>;
  /** The running digest when it is known to match the first `partial.bytes` on disk. */
  partial: PartialState | null;
  meter: ProgressMeter;
  lastProgressAt: number;
  lastSidecarAt: number;
}

const SETTLED: readonly DownloadState[] = ['completed', 'failed', 'cancelled', 'paused'];

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

export class DownloadEngine {
  private readonly jobs = new Map<string, Job>();
  private readonly emitter = new EventEmitter();
  private readonly options: Required<Omit<DownloadEngineOptions, 'baseUrl' | 'backoff'>> & DownloadEngineOptions;

  constructor(options: DownloadEngineOptions = {}) {
    this.options = {
      maxRetries: 8,
      idleTimeoutMs: 30_000,
      progressIntervalMs: 250,
      sidecarIntervalMs: 1_000,
      ...options,
      links: options.links ?? new MemoryLinkStore(),
    };
  }

  on<K extends keyof DownloadEvents>(event: K, listener: (...args: DownloadEvents[K]) => void): () => void {
    const wrapped = (...args: DownloadEvents[K]) => {
      try {
        listener(...args);
      } catch (error) {
        // A broken subscriber must not break the download.
        console.error(`download ${event} listener failed:`, error);
      }
    };
    this.emitter.on(event, wrapped as (...args: unknown[]) => void);
    return () => {
      this.emitter.off(event, wrapped as (...args: unknown[]) => void);
    };
  }

  list(): DownloadSnapshot[] {
    return [...this.jobs.values()].map((job) => this.snapshot(job));
  }

  get(id: string): DownloadSnapshot {
    return this.snapshot(this.job(id));
  }

  /** Starts (or, when a matching partial exists, continues) a download; runs in the background. */
  async start(request: DownloadRequest): Promise<DownloadSnapshot> {
    const fileName = checkPlainFileName(request.fileName);
    const expectedSha256 = request.expectedSha256.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(expectedSha256)) throw new AppError('VALIDATION', '卷宗摘要（SHA-256）格式无效');
    if (!Number.isSafeInteger(request.size) || request.size < 0) throw new AppError('VALIDATION', '卷宗大小无效');
    this.resolveUrl(request.url);
    const key = partPath(request.destination, fileName);
    for (const job of this.jobs.values()) {
      if (partPath(job.destination, job.sidecar.fileName) !== key) continue;
      if (!SETTLED.includes(job.state)) throw new AppError('CONFLICT', `「${fileName}」正在下载`);
      this.jobs.delete(job.sidecar.id);
      // Set again below when the partial (and so the id) is kept.
      await this.forgetLink(job, true);
    }

    const existing = await readSidecar(sidecarPath(request.destination, fileName));
    let sidecar: Sidecar;
    if (existing && existing.expectedSha256 === expectedSha256 && existing.size === request.size) {
      // The same dossier was already partly fetched: keep its bytes (and its id), take the fresh link.
      sidecar = { ...existing, reviewId: request.reviewId, updatedAt: new Date().toISOString() };
    } else {
      await removePartial(request.destination, fileName);
      sidecar = {
        version: 1,
        id: randomUUID(),
        reviewId: request.reviewId,
        fileName,
        expectedSha256,
        size: request.size,
        etag: null,
        bytesWritten: 0,
        updatedAt: new Date().toISOString(),
      };
    }
    await writeSidecar(request.destination, sidecar);
    await this.options.links.set(sidecar.id, request.url);
    const job = this.track(sidecar, request.destination, request.url);
    this.launch(job);
    return this.snapshot(job);
  }

  /**
   * Continues every partial download found under `destination` (after a restart). One whose link is
   * not in the link store (a memory store, or it was forgotten) is listed as failed with
   * LINK_EXPIRED: its bytes stay on disk until it is resumed with a fresh link or cancelled.
   */
  async resumeAll(destination: string): Promise<DownloadSnapshot[]> {
    const resumed: DownloadSnapshot[] = [];
    for (const sidecar of await listSidecars(destination)) {
      if (this.jobs.has(sidecar.id)) continue;
      // Rewritten at once: a sidecar of an older build may still carry a link.
      await writeSidecar(destination, sidecar);
      const url = await this.options.links.get(sidecar.id).catch(() => null);
      const job = this.track(sidecar, destination, url);
      if (url === null) {
        job.state = 'failed';
        job.error = { code: 'LINK_EXPIRED', message: LINK_GONE_MESSAGE };
        this.emitState(job);
      } else {
        this.launch(job);
      }
      resumed.push(this.snapshot(job));
    }
    return resumed;
  }

  async pause(id: string): Promise<DownloadSnapshot> {
    const job = this.job(id);
    if (job.state === 'completed' || job.state === 'cancelled') return this.snapshot(job);
    await this.halt(job);
    job.state = 'paused';
    job.error = undefined;
    await this.persist(job);
    this.emitState(job);
    return this.snapshot(job);
  }

  /**
   * Resumes a paused or failed download, optionally with a fresh link (needed when `hasLink` is false,
   * e.g. after LINK_EXPIRED; LINK_EXPIRED is thrown when there is none).
   */
  async resume(id: string, fresh: { url?: string } = {}): Promise<DownloadSnapshot> {
    const job = this.job(id);
    if (job.state === 'completed' || job.state === 'cancelled') throw new AppError('CONFLICT', '该下载已结束');
    if (!SETTLED.includes(job.state)) return this.snapshot(job);
    if (fresh.url !== undefined) {
      this.resolveUrl(fresh.url);
      job.url = fresh.url;
    }
    if (job.url === null) throw new AppError('LINK_EXPIRED', LINK_GONE_MESSAGE);
    // Stored again: a digest mismatch forgot it, and a restart must find it.
    await this.options.links.set(job.sidecar.id, job.url);
    await writeSidecar(job.destination, { ...job.sidecar, bytesWritten: job.bytes, updatedAt: new Date().toISOString() });
    this.launch(job);
    return this.snapshot(job);
  }

  /** Stops the download and deletes its partial file and sidecar. */
  async cancel(id: string): Promise<DownloadSnapshot> {
    const job = this.job(id);
    if (job.state === 'completed') return this.snapshot(job);
    await this.halt(job);
    await removePartial(job.destination, job.sidecar.fileName);
    await this.forgetLink(job, true);
    job.state = 'cancelled';
    job.bytes = 0;
    job.partial = null;
    this.emitState(job);
    return this.snapshot(job);
  }

  /** Resolves once the download is settled (completed, failed, paused or cancelled). */
  async wait(id: string): Promise<DownloadSnapshot> {
    const job = this.job(id);
    while (job.running) await job.running;
    return this.snapshot(job);
  }

  /** Pauses everything in flight, keeping the partials for the next start; for shutdown. */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((job) => job.running).map((job) => this.pause(job.sidecar.id)));
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '没有这个下载任务');
    return job;
  }

  private track(sidecar: Sidecar, destination: string, url: string | null): Job {
    const job: Job = {
      sidecar,
      destination,
      url,
      state: 'downloading',
      bytes: sidecar.bytesWritten,
      partial: null,
      meter: new ProgressMeter(),
      lastProgressAt: 0,
      lastSidecarAt: 0,
    };
    this.jobs.set(sidecar.id, job);
    return job;
  }

  private resolveUrl(url: string): URL {
    let resolved: URL;
    try {
      resolved = new URL(url, this.options.baseUrl);
    } catch {
      throw new AppError('VALIDATION', '下载链接无效');
    }
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') throw new AppError('VALIDATION', '下载链接无效');
    return resolved;
  }

  private launch(job: Job): void {
    const controller = new AbortController();
    job.controller = controller;
    job.state = 'downloading';
    job.error = undefined;
    job.meter.reset();
    this.emitState(job);
    const running = this.run(job, controller.signal)
      .catch(async (error: unknown) => {
        if (controller.signal.aborted) return;
        const payload = toErrorPayload(error);
        // The portal no longer knows the link (expired, or forgotten): only a fresh one can continue.
        if (payload.code === 'LINK_EXPIRED' || payload.code === 'NOT_FOUND') await this.forgetLink(job, true);
        job.state = 'failed';
        job.error = payload;
        this.emitState(job);
      })
      .finally(() => {
        if (job.running === running) job.running = undefined;
      });
    job.running = running;
  }

  /** Stops the transfer and waits until nothing touches the partial any more. */
  private async halt(job: Job): Promise<void> {
    job.controller?.abort();
    while (job.running) await job.running;
  }

  private async run(job: Job, signal: AbortSignal): Promise<void> {
    const part = partPath(job.destination, job.sidecar.fileName);
    let failures = 0;
    let restarts = 0;
    for (;;) {
      if (signal.aborted) return;
      let onDisk = await fileSize(part);
      if (onDisk > job.sidecar.size) {
        await truncate(part, 0);
        onDisk = 0;
      }
      // Reuse the running digest only when it covers exactly the bytes on disk; otherwise re-read them.
      if (!job.partial || job.partial.bytes !== onDisk) {
        job.partial = { bytes: onDisk, hash: await hashFilePrefix(part, onDisk), etag: job.sidecar.etag };
      }
      const partial = job.partial;
      job.bytes = partial.bytes;
      const before = partial.bytes;

      let outcome;
      try {
        if (job.url === null) throw new AppError('LINK_EXPIRED', LINK_GONE_MESSAGE);
        outcome = await transferOnce({
          url: this.resolveUrl(job.url),
          partFile: part,
          state: partial,
          signal,
          idleTimeoutMs: this.options.idleTimeoutMs,
          onVersion: () => this.onVersion(job, partial),
          onChunk: () => this.onChunk(job, partial),
        });
      } catch (error) {
        if (signal.aborted) return;
        if (!(error instanceof RetryableError)) throw error;
        failures = partial.bytes > before ? 1 : failures + 1;
        if (failures > this.options.maxRetries) {
          throw new AppError('PORTAL_UNREACHABLE', `下载多次中断，已停止：${error.message}`);
        }
        job.state = 'retrying';
        job.error = { code: 'PORTAL_UNREACHABLE', message: error.message };
        await this.persist(job);
        this.emitState(job);
        await abortableDelay(backoffDelay(failures, this.options.backoff), signal);
        if (signal.aborted) return;
        job.state = 'downloading';
        job.error = undefined;
        this.emitState(job);
        continue;
      }

      if (outcome.kind === 'complete' || (outcome.kind === 'unsatisfiable' && outcome.total === partial.bytes)) {
        await this.finish(job, partial);
        return;
      }
      // The bytes on disk belong to another version or cannot be continued: from zero.
      restarts += 1;
      if (restarts > MAX_RESTARTS) throw new AppError('PORTAL_ERROR', '门户上的卷宗文件不断变化，无法完成下载');
      await truncate(part, 0).catch(() => undefined);
      job.partial = null;
      job.sidecar = { ...job.sidecar, etag: null };
      job.bytes = 0;
      await this.persist(job);
    }
  }

  private async finish(job: Job, partial: PartialState): Promise<void> {
    job.state = 'verifying';
    job.bytes = partial.bytes;
    this.emitProgress(job);
    this.emitState(job);
    const digest = partial.hash.digest('hex');
    job.partial = null;
    const { fileName, expectedSha256, size } = job.sidecar;
    if (partial.bytes !== size || digest !== expectedSha256) {
      // Never kept, never shown as a dossier; an earlier good copy in place stays untouched.
      await removePartial(job.destination, fileName);
      // No sidecar is left to resume from after a restart; this run may still retry with the link.
      await this.forgetLink(job, false);
      job.bytes = 0;
      throw new AppError('DIGEST_MISMATCH', `「${fileName}」校验失败：SHA-256 与门户公布的不一致`);
    }
    const target = join(job.destination, fileName);
    await rename(partPath(job.destination, fileName), target);
    await rm(sidecarPath(job.destination, fileName), { force: true });
    await this.forgetLink(job, true);
    job.filePath = target;
    job.state = 'completed';
    this.emitState(job);
  }

  /** Removes the link from the store (a failing store must not fail the download); `inMemory` too. */
  private async forgetLink(job: Job, inMemory: boolean): Promise<void> {
    if (inMemory) job.url = null;
    await this.options.links.delete(job.sidecar.id).catch(() => undefined);
  }

  private async onVersion(job: Job, partial: PartialState): Promise<void> {
    if (partial.etag === job.sidecar.etag && partial.bytes === job.bytes) return;
    job.sidecar = { ...job.sidecar, etag: partial.etag };
    job.bytes = partial.bytes;
    await this.persist(job);
  }

  private async onChunk(job: Job, partial: PartialState): Promise<void> {
    job.bytes = partial.bytes;
    job.meter.sample(partial.bytes);
    const now = performance.now();
    if (now - job.lastProgressAt >= this.options.progressIntervalMs) {
      job.lastProgressAt = now;
      this.emitProgress(job);
    }
    if (now - job.lastSidecarAt >= this.options.sidecarIntervalMs) {
      job.lastSidecarAt = now;
      await this.persist(job);
    }
  }

  private async persist(job: Job): Promise<void> {
    job.sidecar = { ...job.sidecar, bytesWritten: job.bytes, updatedAt: new Date().toISOString() };
    await writeSidecar(job.destination, job.sidecar);
  }

  private emitProgress(job: Job): void {
    const total = job.sidecar.size;
    const progress: DownloadProgress = {
      id: job.sidecar.id,
      bytes: job.bytes,
      total,
      percent: total === 0 ? 100 : Math.round((job.bytes / total) * 1000) / 10,
      bytesPerSecond: Math.round(job.meter.bytesPerSecond()),
      secondsLeft: job.meter.secondsLeft(job.bytes, total),
    };
    this.emitter.emit('progress', progress);
  }

  private emitState(job: Job): void {
    this.emitter.emit('state', this.snapshot(job));
  }

  private snapshot(job: Job): DownloadSnapshot {
    return {
      id: job.sidecar.id,
      reviewId: job.sidecar.reviewId,
      fileName: job.sidecar.fileName,
      destination: job.destination,
      state: job.state,
      bytes: job.bytes,
      total: job.sidecar.size,
      sha256: job.sidecar.expectedSha256,
      hasLink: job.url !== null,
      ...(job.filePath ? { filePath: job.filePath } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }
}
