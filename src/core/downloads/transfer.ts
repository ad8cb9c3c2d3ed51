/**
 * One HTTP attempt of a download: ask for the bytes after what is on disk (Range + If-Range on the
 * ETag), append what arrives, and keep the running SHA-256 and byte count exactly in step with the
 * file — each chunk is hashed and counted only once it is written.
 */
import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
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
  /** Called after each written chunk; awaited, so it may persist the sidecar. */
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
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  let dropped: Error | null = null;
  const drop = (error: Error) => {
    if (dropped || body.writableEnded) return;
    dropped = error;
    body.end();
  };
  response.on('error', drop);
  response.on('close', () => {
    if (!response.complete) drop(new Error('connection closed before the body was complete'));
  });
  response.pipe(body);

  // 200 is the whole file again (the version changed, or Range was not honoured): from zero.
  if (start === 0) {
    state.bytes = 0;
    state.hash = createHash('sha256');
  }
  state.etag = etag;
  await input.onVersion();

  const handle = await open(input.partFile, start === 0 ? 'w' : 'r+', 0o600);
  try {
    try {
      for await (const chunk of body) {
        const bytes = chunk as Buffer;
        let done = 0;
        while (done < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, state.bytes + done);
          done += bytesWritten;
        }
        state.hash.update(bytes);
        state.bytes += bytes.length;
        await input.onChunk();
      }
    } catch (error) {
      response.destroy();
      if (isDiskFull(error)) throw new AppError('DISK_FULL', '磁盘空间不足，卷宗未能下载完');
      throw error;
    }
    const failure = dropped as Error | null;
    if (failure) throw new RetryableError(`connection dropped: ${failure.message}`);
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
