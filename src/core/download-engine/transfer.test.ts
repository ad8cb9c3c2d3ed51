import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { RetryableError, transferOnce, type PartialState } from './transfer';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// Several write batches long, and not a multiple of one, so a drop lands inside a batch.
const payload = Buffer.alloc(11 * (1 << 20) + 12_345);
for (let i = 0; i + 4 <= payload.length; i += 4) payload.writeUInt32LE((i * 2_654_435_761) >>> 0, i);
const etag = `"${sha256(payload)}"`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dossier-transfer-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** Serves `payload` (Range honoured on the ETag); with `cutAfter`, drops the connection once that many body bytes are out. */
async function server(cutAfter?: number): Promise<URL> {
  const created = http.createServer((request: IncomingMessage, response: ServerResponse) => {
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range && request.headers['if-range'] === etag ? Number(range[1]) : 0;
    const body = payload.subarray(start);
    response.setHeader('etag', etag);
    if (start > 0) response.setHeader('content-range', `bytes ${start}-${payload.length - 1}/${payload.length}`);
    response.writeHead(start > 0 ? 206 : 200, { 'content-length': String(body.length) });
    if (cutAfter === undefined) {
      response.end(body);
      return;
    }
    // Flush what was sent, then drop the connection mid-body.
    response.write(body.subarray(0, cutAfter), () => response.socket?.destroySoon());
  });
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        created.closeAllConnections();
        created.close(() => resolve());
      }),
  );
  return new URL(`http://127.0.0.1:${(created.address() as AddressInfo).port}/file`);
}

function fresh(): PartialState {
  return { bytes: 0, hash: createHash('sha256'), etag: null };
}

/** The running digest without finishing it (the transfer may go on). */
const digestOf = (state: PartialState) => state.hash.copy().digest('hex');

describe('transferOnce', () => {
  it('writes the whole body, the digest and the count matching the file at every step', async () => {
    const url = await server();
    const partFile = join(await tempFolder(), 'dossier.zip.part');
    const state = fresh();
    const seen: number[] = [];
    const outcome = await transferOnce({
      url,
      partFile,
      state,
      signal: new AbortController().signal,
      idleTimeoutMs: 5_000,
      onVersion: () => undefined,
      onChunk: async () => {
        // Whatever is reported as done is on disk, and the digest covers exactly it.
        const onDisk = await readFile(partFile);
        expect(onDisk.length).toBe(state.bytes);
        expect(digestOf(state)).toBe(sha256(onDisk));
        seen.push(state.bytes);
      },
    });

    expect(outcome).toEqual({ kind: 'complete', total: payload.length });
    expect(state.bytes).toBe(payload.length);
    expect(digestOf(state)).toBe(sha256(payload));
    expect(sha256(await readFile(partFile))).toBe(sha256(payload));
    expect(seen.at(-1)).toBe(payload.length);
    // Batched: far fewer progress calls than socket reads.
    expect(seen.length).toBeLessThan(payload.length / 65_536);
  });

  it('keeps file, digest and count in step when the server drops mid-batch, and resumes from there', async () => {
    const cut = 5 * (1 << 20) + 777;
    const partFile = join(await tempFolder(), 'dossier.zip.part');
    const state = fresh();
    const base = {
      partFile,
      state,
      signal: new AbortController().signal,
      idleTimeoutMs: 5_000,
      onVersion: () => undefined,
      onChunk: () => undefined,
    };

    await expect(transferOnce({ ...base, url: await server(cut) })).rejects.toBeInstanceOf(RetryableError);
    // Every byte that arrived before the drop reached the disk, and nothing else is counted.
    expect(state.bytes).toBe(cut);
    expect((await stat(partFile)).size).toBe(cut);
    expect(sha256(await readFile(partFile))).toBe(sha256(payload.subarray(0, cut)));
    expect(digestOf(state)).toBe(sha256(payload.subarray(0, cut)));
    expect(state.etag).toBe(etag);

    const outcome = await transferOnce({ ...base, url: await server() });
    expect(outcome).toEqual({ kind: 'complete', total: payload.length });
    expect(digestOf(state)).toBe(sha256(payload));
    expect(sha256(await readFile(partFile))).toBe(sha256(payload));
  });

  it.runIf(existsSync('/dev/full'))('counts and hashes nothing whose write failed', async () => {
    const folder = await tempFolder();
    const partFile = join(folder, 'dossier.zip.part');
    // A device that answers every write with ENOSPC, as a full disk does.
    await symlink('/dev/full', partFile);
    const state = fresh();
    const error = await transferOnce({
      url: await server(),
      partFile,
      state,
      signal: new AbortController().signal,
      idleTimeoutMs: 5_000,
      onVersion: () => undefined,
      onChunk: () => undefined,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DISK_FULL');
    // The batch was hashed while its write was in flight; the failed write must not reach the digest.
    expect(state.bytes).toBe(0);
    expect(digestOf(state)).toBe(sha256(Buffer.alloc(0)));
  });

  it('stops writing once aborted, leaving what it wrote accounted for', async () => {
    const partFile = join(await tempFolder(), 'dossier.zip.part');
    await writeFile(partFile, '');
    const state = fresh();
    const controller = new AbortController();
    const error = await transferOnce({
      url: await server(),
      partFile,
      state,
      signal: controller.signal,
      idleTimeoutMs: 5_000,
      onVersion: () => undefined,
      onChunk: () => {
        if (state.bytes > 0) controller.abort();
      },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RetryableError);
    expect(state.bytes).toBeGreaterThan(0);
    expect(state.bytes).toBeLessThan(payload.length);
    const onDisk = await readFile(partFile);
    expect(onDisk.length).toBe(state.bytes);
    expect(digestOf(state)).toBe(sha256(onDisk));
  });
});
