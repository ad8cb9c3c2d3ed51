import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stageFile, stageUrlFor } from './stage-file';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A real HTTP server standing in for the web host's staging endpoint. */
function startServer(answer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(req, res, body);
    });
  });
  const ready = new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    received,
    ready,
    endpoint: () => stageUrlFor(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('stageUrlFor', () => {
  it('puts the staging path beside the socket, nothing of its query carried along', () => {
    expect(stageUrlFor('ws://127.0.0.1:4173/ws?token=abc')).toBe('http://127.0.0.1:4173/api/stage');
    expect(stageUrlFor('wss://example.test/ws?x=1#y')).toBe('https://example.test/api/stage');
  });
});

describe('stageFile', () => {
  let host: ReturnType<typeof startServer>;
  let answer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

  beforeEach(async () => {
    answer = (_req, res) => json(res, 200, { stagedId: 'stg_0123456789' });
    host = startServer((req, res, body) => answer(req, res, body));
    await host.ready;
  });

  afterEach(() => host.close());

  it('PUTs the file with its name, the token in the Authorization header, and returns a staged source', async () => {
    const file = new File(['PK\u0003\u0004 archive bytes'], '陈某 危险驾驶案.zip');
    await expect(stageFile(file, host.endpoint(), 't0k-en')).resolves.toEqual({ kind: 'staged', stagedId: 'stg_0123456789' });
    const [request] = host.received;
    expect(request?.method).toBe('PUT');
    const url = new URL(request?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/stage');
    expect(url.searchParams.get('token')).toBeNull();
    expect(request?.headers.authorization).toBe('Bearer t0k-en');
    expect(request?.headers.cookie).toBeUndefined();
    expect(url.searchParams.get('name')).toBe('陈某 危险驾驶案.zip');
    expect(request?.body.toString()).toBe('PK\u0003\u0004 archive bytes');
  });

  it('passes a known error code from the host’s envelope through', async () => {
    answer = (_req, res) => json(res, 415, { error: { code: 'UNSUPPORTED_ARCHIVE', message: '仅支持 .zip 或 .7z' } });
    await expect(stageFile(new File(['x'], 'a.rar'), host.endpoint(), 't')).rejects.toMatchObject({
      code: 'UNSUPPORTED_ARCHIVE',
      message: '仅支持 .zip 或 .7z',
    });
    answer = (_req, res) => json(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大，无法接收' } });
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('turns the host’s own failure, and any answer without the envelope, into UPLOAD_FAILED with the status', async () => {
    answer = (_req, res) => json(res, 500, { error: { code: 'INTERNAL', message: 'Upload failed' } });
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({
      code: 'UPLOAD_FAILED',
      message: 'Upload failed',
    });
    // A bare payload is not the envelope the host answers with.
    answer = (_req, res) => json(res, 415, { code: 'UNSUPPORTED_ARCHIVE', message: '仅支持 .zip 或 .7z' });
    await expect(stageFile(new File(['x'], 'a.rar'), host.endpoint(), 't')).rejects.toMatchObject({
      code: 'UPLOAD_FAILED',
      message: 'HTTP 415',
    });
    answer = (_req, res) => {
      res.writeHead(500);
      res.end('boom');
    };
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({
      code: 'UPLOAD_FAILED',
      message: 'HTTP 500',
    });
    answer = (_req, res) => json(res, 401, { error: { code: 'UNAUTHORIZED_X', message: 'missing or wrong token' } });
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({
      code: 'UPLOAD_FAILED',
      message: 'HTTP 401: missing or wrong token',
    });
    answer = (_req, res) => {
      res.writeHead(413);
      res.end();
    };
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({ code: 'UPLOAD_FAILED', message: 'HTTP 413' });
  });

  it('refuses an answer without a valid stagedId', async () => {
    answer = (_req, res) => json(res, 200, { stagedId: '../../etc' });
    await expect(stageFile(new File(['x'], 'a.zip'), host.endpoint(), 't')).rejects.toMatchObject({ code: 'UPLOAD_FAILED' });
  });

  it('reports an unreachable host as DISCONNECTED', async () => {
    const endpoint = host.endpoint();
    await host.close();
    await expect(stageFile(new File(['x'], 'a.zip'), endpoint, 't')).rejects.toMatchObject({ code: 'DISCONNECTED' });
    host = startServer(() => undefined);
    await host.ready;
  });
});
