/**
 * One HTTP attempt of a download: ask for the bytes after what is on disk (Range + If-Range on the
 * ETag), append what arrives, and keep the running SHA-256 and byte count exactly in step with the
 * file — each batch is hashed while its write is in flight, and taken into the digest and the count
 * only once that write resolved.
 */
import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError, isErrorCode } from '../../shared/errors';
import { httpGet } from './http-get';

/** A failure worth retrying after a backoff: dropped connection, timeout, 5xx, short body. */
export class RetryableError extends Error {
  override name = 'RetryableError';
}

/** The file on disk as the transfer advances; mutated in place so a failure leaves it accurate. */
export interface PartialState {
  bytes: number;
  hash: Hash;
  /** Strong ETag the bytes on disk belong to; null when unknown (then no Range is asked for). */
  etag: string | null;
}

export interface TransferInput {
  url: URL;
  partFile: string;
  state: PartialState;
  signal: AbortSignal;
  idleTimeoutMs: number;
  /** Called after each written batch (up to a few MiB); awaited, so it may persist the sidecar. */
  onChunk: () => Promise<void> | void;
  /** Called once the server named the version it is sending (ETag may have changed). */
  onVersion: () => Promise<void> | void;
}

export type TransferOutcome =
  /** The body was received to its end; `state.bytes` is the whole size. */
  | { kind: 'complete'; total: number }
  /** The bytes on disk cannot be continued (range refused, or a range of another version): start over. */
  | { kind: 'restart'; reason: string }
  /** 416 with the size: the file on disk may already be whole. */
  | { kind: 'unsatisfiable'; total: number | null };

function strongEtag(value: string | undefined): string | null {
  if (!value || value.startsWith('W/')) return null;
  return value;
}

function contentRange(value: string | undefined): { start: number; end: number; total: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

async function portalFailure(response: IncomingMessage): Promise<AppError> {
  const status = response.statusCode ?? 0;
  let body = '';
  try {
    for await (const chunk of response) {
      body += String(chunk);
      if (body.length > 16_384) break;
    }
  } catch {
    // The error body is a nicety; the status alone decides.
  }
  let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const code = parsed?.error?.code;
  const message = parsed?.error?.message;
  if (status === 410) return new AppError('LINK_EXPIRED', typeof message === 'string' ? message : '下载链接已过期，请重新获取卷宗下载链接');
  if (isErrorCode(code) && typeof message === 'string') return new AppError(code, message);
  if (status === 404) return new AppError('NOT_FOUND', '下载链接无效');
  return new AppError('PORTAL_ERROR', `门户返回错误 HTTP ${status}`);
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What has arrived is written in batches of up to this many bytes, one writev each. */
const BATCH_BYTES = 4 << 20;
/** At most this many buffers in one writev (IOV_MAX is 1024 on Linux and macOS). */
const BATCH_CHUNKS = 1024;
/** The socket is paused while this much waits for the disk, and resumed below half of it. */
const QUEUE_LIMIT = 16 << 20;
/** Bytes written since the last background flush that start the next one. */
const FLUSH_EVERY = 64 << 20;

interface Batch {
  chunks: Buffer[];
  bytes: number;
}

/**
 * The response body as it arrives, queued for the writer. Listening from the start takes the bytes off
 * the socket at once, so what arrived before a drop still reaches the disk.
 */
class BodyQueue {
  /** Why the body ended early; null while it flows or when it ended whole. */
  dropped: Error | null = null;
  private readonly chunks: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(private readonly response: IncomingMessage) {
    response.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.queued += chunk.length;
      if (this.queued >= QUEUE_LIMIT) response.pause();
      this.notify();
    });
    response.on('end', () => this.finish(null));
    response.on('error', (error) => this.finish(error));
    response.on('close', () => {
      if (!response.complete) this.finish(new Error('connection closed before the body was complete'));
    });
  }

  /** Whatever is queued (up to a batch), waiting when nothing is; null once the body is over and written. */
  async next(): Promise<Batch | null> {
    while (this.chunks.length === 0) {
      if (this.ended) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    // Never waits to fill a batch: a slow or stalled link still has its bytes written as they come.
    let count = 0;
    let bytes = 0;
    while (count < this.chunks.length && count < BATCH_CHUNKS && bytes < BATCH_BYTES) {
      bytes += (this.chunks[count] as Buffer).length;
      count += 1;
    }
    const chunks = this.chunks.splice(0, count);
    this.queued -= bytes;
    if (this.response.isPaused() && this.queued < QUEUE_LIMIT / 2) this.response.resume();
    return { chunks, bytes };
  }

  private finish(error: Error | null): void {
    if (this.ended) return;
    this.ended = true;
    this.dropped = error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Writes every byte of `chunks` at `position`, continuing after a short write. */
async function writeAll(handle: FileHandle, chunks: Buffer[], position: number): Promise<void> {
  let pending = chunks;
  let at = position;
  let left = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  while (left > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    if (bytesWritten <= 0) throw new Error('the file took no bytes');
    left -= bytesWritten;
    at += bytesWritten;
    if (left === 0) break;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const chunk of pending) {
      if (skip >= chunk.length) skip -= chunk.length;
      else {
        rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
        skip = 0;
      }
    }
    pending = rest;
  }
}

/**
 * Starts writing the file back to the disk while the transfer goes on (one datasync at a time), so the
 * fsync that makes the finished file durable has little left to do. A failed flush fails the transfer:
 * the kernel reports a writeback error once per open file, so the final fsync might not see it again.
 */
class BackgroundFlush {
  private unflushed = 0;
  private running: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly handle: FileHandle) {}

  wrote(bytes: number): void {
    this.check();
    this.unflushed += bytes;
    if (this.running || this.unflushed < FLUSH_EVERY) return;
    this.unflushed = 0;
    this.running = this.handle
      .datasync()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Waits for the flush in flight (the file must not be closed under it); throws a failed flush's error. */
  async settle(): Promise<void> {
    while (this.running) await this.running;
    this.check();
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }
}

export async function transferOnce(input: TransferInput): Promise<TransferOutcome> {
  const { state } = input;
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  // Never continue bytes whose version cannot be checked: without an ETag, start over.
  const resuming = state.bytes > 0 && state.etag !== null;
  if (resuming && state.etag !== null) {
    headers.range = `bytes=${state.bytes}-`;
    headers['if-range'] = state.etag;
  }

  let response: IncomingMessage;
  try {
    response = await httpGet(input.url, headers, input.signal, input.idleTimeoutMs);
  } catch (error) {
    throw new RetryableError(`connection failed: ${(error as Error).message}`);
  }
  const status = response.statusCode ?? 0;
  const etag = strongEtag(response.headers.etag);

  if (status === 416) {
    response.resume();
    const total = /^bytes \*\/(\d+)$/.exec(response.headers['content-range'] ?? '');
    return { kind: 'unsatisfiable', total: total ? Number(total[1]) : null };
  }
  if (status >= 500 || status === 408 || status === 429) {
    response.resume();
    throw new RetryableError(`server answered HTTP ${status}`);
  }
  if (status !== 200 && status !== 206) throw await portalFailure(response);

  let start = 0;
  let total: number | null;
  if (status === 206) {
    const range = contentRange(response.headers['content-range']);
    // A range of another version, or not the one asked for, cannot be glued to what is on disk.
    if (!resuming || !range || range.start !== state.bytes || etag === null || etag !== state.etag) {
      response.resume();
      return { kind: 'restart', reason: 'server sent a range that does not continue the file on disk' };
    }
    start = range.start;
    total = range.total;
  } else {
    const length = response.headers['content-length'];
    total = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
  }

  // Take the body off the socket at once: bytes that arrived before a drop must still reach the disk,
  // and a destroyed response would discard whatever it had buffered while the file was being opened.
  const intake = new BodyQueue(response);

  // 200 is the whole file again (the version changed, or Range was not honoured): from zero.
  if (start === 0) {
    state.bytes = 0;
    state.hash = createHash('sha256');
  }
  state.etag = etag;
  await input.onVersion();

  const handle = await open(input.partFile, start === 0 ? 'w' : 'r+', 0o600);
  const flusher = new BackgroundFlush(handle);
  try {
    try {
      for (;;) {
        const batch = await intake.next();
        // Paused or cancelled: what is written so far is accounted for; the rest is not wanted.
        if (batch === null || input.signal.aborted) break;
        const writing = writeAll(handle, batch.chunks, state.bytes);
        // Hash (CPU) while the write (I/O) is in flight, into a copy: the running digest and the count
        // take the batch only once its write resolved, so a failed write leaves them matching the file.
        const next = state.hash.copy();
        for (const chunk of batch.chunks) next.update(chunk);
        await writing;
        state.hash = next;
        state.bytes += batch.bytes;
        flusher.wrote(batch.bytes);
        await input.onChunk();
      }
      await flusher.settle();
    } catch (error) {
      response.destroy();
      await flusher.settle().catch(() => undefined);
      if (isDiskFull(error)) throw new AppError('DISK_FULL', '磁盘空间不足，卷宗未能下载完');
      throw error;
    }
    const failure = intake.dropped;
    if (failure) throw new RetryableError(`connection dropped: ${failure.message}`);
    if (input.signal.aborted) throw new RetryableError('transfer aborted');
    if (total !== null && state.bytes < total) throw new RetryableError(`connection ended at ${state.bytes} of ${total} bytes`);
    try {
      await handle.sync();
    } catch (error) {
      if (isDiskFull(error)) throw new AppError('DISK_FULL', '磁盘空间不足，卷宗未能下载完');
      throw error;
    }
  } finally {
    await handle.close();
  }
  return { kind: 'complete', total: total ?? state.bytes };
}
