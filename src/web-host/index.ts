/**
 * The web host: core in Node, the built renderer and the contract (over WebSocket) served to a
 * browser on loopback. The renderer's files are the public app bundle, served to any request that
 * names us by a loopback Host (others are refused: DNS rebinding); the socket and the two API routes
 * need the per-launch token, which the page sends itself, never as a cookie (see access.ts); sockets
 * and uploads must also come from our own origin.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Core } from '../core/core';
import { MAX_STAGED_BYTES } from '../core/staging';
import { bearerAllowed, hostAllowed, newToken, originAllowed, pageQueryAllowed, socketTokenAllowed } from './access';
import { securityHeaders } from './security-headers';
import { createSocketBridge } from './socket-bridge';
import { documentPath, handleDocumentRead } from './document-read';
import { handleStageUpload, stagePath } from './stage-upload';
import { findStaticFile, openStaticFile } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer), holding index.html. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only; the option exists to make that explicit. */
  host?: '127.0.0.1';
  /** Largest upload PUT /api/stage takes; default 2 GiB. */
  maxStageBytes?: number;
}

export interface WebHost {
  /** The page to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const host = '127.0.0.1';
const socketPath = '/ws';
/** Room for the largest upload the contract takes (10 MiB, ≈13.4 MiB as base64) and its envelope. */
export const maxMessageBytes = 16 * 1024 * 1024;
const heartbeatMs = 30_000;

function plain(res: ServerResponse, port: number, status: number, message: string): void {
  const body = `${message}\n`;
  res.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** The API routes answer errors as JSON, as their handlers do; a body left unread closes the connection. */
function unauthorized(req: IncomingMessage, res: ServerResponse, port: number): void {
  const body = JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Unauthorized: missing or wrong token' } });
  res.writeHead(401, {
    ...securityHeaders(port),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'WWW-Authenticate': 'Bearer',
    Connection: 'close',
  });
  res.end(body);
  res.once('finish', () => req.socket.destroySoon());
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function parseUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', `http://${host}`);
  } catch {
    return null;
  }
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = await realpath(resolve(options.rendererDir)).catch(() => {
    throw new Error(`Renderer folder not found: ${options.rendererDir}`);
  });
  const token = newToken();
  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const origin = `http://${host}:${port}`;
  const bridge = createSocketBridge(options.core, { maxPayloadBytes: maxMessageBytes, heartbeatMs, token });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return plain(res, port, 403, 'Forbidden: unexpected Host header');
    const url = parseUrl(req);
    if (!url) return plain(res, port, 400, 'Bad request');
    if (url.pathname === stagePath || url.pathname === documentPath) {
      if (!bearerAllowed(req, token)) return unauthorized(req, res, port);
      if (url.pathname === stagePath) {
        return handleStageUpload(req, res, url, { core: options.core, port, maxBytes: options.maxStageBytes ?? MAX_STAGED_BYTES });
      }
      return handleDocumentRead(req, res, url, { core: options.core, port });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, port, 405, 'Method not allowed');
    }
    if (url.pathname === socketPath) return plain(res, port, 426, 'Upgrade required');
    if (!pageQueryAllowed(url, token)) return plain(res, port, 403, 'Forbidden: open the link printed when Dossier Desk started');

    const file = await findStaticFile(rendererDir, url.pathname);
    if (!file) return plain(res, port, 404, 'Not found');
    const headers: Record<string, string | number> = {
      ...securityHeaders(port),
      'Content-Type': file.contentType,
      'Content-Length': file.size,
      // The page's URL may carry the token: it is never stored; assets are revalidated per launch.
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = openStaticFile(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) plain(res, port, 500, 'Internal error');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = parseUrl(req);
    if (!url || url.pathname !== socketPath) return refuseUpgrade(socket, 404, 'Not found');
    if (!hostAllowed(req, port)) return refuseUpgrade(socket, 403, 'Forbidden: unexpected Host header');
    if (!socketTokenAllowed(req, token)) return refuseUpgrade(socket, 401, 'Unauthorized: missing or wrong token');
    if (!originAllowed(req, port)) return refuseUpgrade(socket, 403, 'Forbidden: unexpected Origin');
    bridge.handleUpgrade(req, socket, head);
  });

  server.on('clientError', (_error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await bridge.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
