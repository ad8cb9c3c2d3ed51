/**
 * PUT /api/stage?name=<file name>: the browser's way to hand core a file for 导入卷宗 (a page never
 * learns a file's path). The body is streamed, never buffered, into core's staging area; the answer
 * is 201 {"stagedId": "…"} for library.import. The caller has already passed the Host and token
 * checks; a state-changing request must also come from our own origin, as sockets must.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { Core } from '../core/core';
import { AppError, toErrorPayload, type ErrorPayload } from '../shared/errors';
import { originAllowed } from './access';
import { securityHeaders } from './security-headers';

export const stagePath = '/api/stage';
/** Longest file name taken (the library refuses longer ones anyway). */
const MAX_NAME_LENGTH = 255;

const statusOf: Partial<Record<ErrorPayload['code'], number>> = {
  VALIDATION: 400,
  PAYLOAD_TOO_LARGE: 413,
  DISK_FULL: 507,
};

function reply(req: IncomingMessage, res: ServerResponse, port: number, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    // A body left unread (too large, refused) must not be taken for the next request.
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
  if (close) res.once('finish', () => req.socket.destroySoon());
}

function refuse(req: IncomingMessage, res: ServerResponse, port: number, error: AppError, status: number): void {
  reply(req, res, port, status, { error: error.toPayload() }, true);
}

/** Passes the request body on until `maxBytes`, then fails with PAYLOAD_TOO_LARGE (the socket stays, for the 413). */
function limitedBody(req: IncomingMessage, maxBytes: number): PassThrough {
  const body = new PassThrough();
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= maxBytes) {
      if (!body.write(chunk)) req.pause();
      return;
    }
    req.pause();
    req.removeAllListeners('data');
    body.destroy(new AppError('PAYLOAD_TOO_LARGE', '文件过大，无法接收'));
  });
  body.on('drain', () => req.resume());
  req.on('end', () => body.end());
  req.on('error', (error) => body.destroy(error));
  // The client went away mid-upload: what arrived must not be kept as a whole file.
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('upload interrupted'));
  });
  return body;
}

export async function handleStageUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: { core: Core; port: number; maxBytes: number },
): Promise<void> {
  const { core, port, maxBytes } = options;
  if (req.method !== 'PUT') {
    res.setHeader('Allow', 'PUT');
    return refuse(req, res, port, new AppError('VALIDATION', 'Method not allowed'), 405);
  }
  if (!originAllowed(req, port)) return refuse(req, res, port, new AppError('FORBIDDEN', 'Forbidden: unexpected Origin'), 403);
  if (!core.stageFile) return refuse(req, res, port, new AppError('NOT_FOUND', 'Uploads are not available here'), 404);
  const name = url.searchParams.get('name');
  if (!name || name.length > MAX_NAME_LENGTH) {
    return refuse(req, res, port, new AppError('VALIDATION', '缺少文件名（name）或文件名过长'), 400);
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return refuse(req, res, port, new AppError('PAYLOAD_TOO_LARGE', '文件过大，无法接收'), 413);
  }

  let stagedId: string;
  try {
    stagedId = await core.stageFile(name, limitedBody(req, maxBytes));
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    const payload = toErrorPayload(error);
    const status = statusOf[payload.code];
    // Anything unexpected is reported without its details: they may name paths on this machine.
    if (status === undefined) return refuse(req, res, port, new AppError('INTERNAL', 'Upload failed'), 500);
    return refuse(req, res, port, new AppError(payload.code, payload.message), status);
  }
  reply(req, res, port, 201, { stagedId });
}
