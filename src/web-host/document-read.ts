/**
 * GET /api/document?dossierId=…&path=…&offset=…&length=…: a byte range of a dossier document as it
 * is on disk (still encrypted), for the viewer in a browser. The same `documents.read` call the
 * socket answers, validated by the contract, but sent as raw bytes over HTTP: a scanned volume's
 * whole file can pass through here, and base64 in WebSocket frames costs a third more bytes and
 * runs at a fraction of loopback HTTP's speed. The caller has already passed the Host and token checks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/core';
import { dispatchCall } from '../shared/dispatch';
import { AppError, toErrorPayload, type ErrorPayload } from '../shared/errors';
import { securityHeaders } from './security-headers';

export const documentPath = '/api/document';

const statusOf: Partial<Record<ErrorPayload['code'], number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
};

function reply(res: ServerResponse, port: number, status: number, contentType: string, body: Buffer): void {
  res.writeHead(status, {
    ...securityHeaders(port),
    'Content-Type': contentType,
    'Content-Length': body.length,
    // Dossier bytes are never kept by the browser's cache.
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Every refusal has the one envelope the renderer reads: `{"error": {"code", "message"}}`. */
function refuse(res: ServerResponse, port: number, status: number, error: ErrorPayload): void {
  reply(res, port, status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify({ error })));
}

/** A query number as the contract expects it, or the text itself so validation names it. */
function numberParam(url: URL, name: string): number | string | undefined {
  const text = url.searchParams.get(name);
  if (text === null) return undefined;
  return /^\d{1,16}$/.test(text) ? Number(text) : text;
}

export async function handleDocumentRead(req: IncomingMessage, res: ServerResponse, url: URL, options: { core: Core; port: number }): Promise<void> {
  const { core, port } = options;
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return refuse(res, port, 405, new AppError('VALIDATION', 'Method not allowed').toPayload());
  }
  const input = {
    dossierId: url.searchParams.get('dossierId') ?? undefined,
    path: url.searchParams.get('path') ?? undefined,
    offset: numberParam(url, 'offset'),
    length: numberParam(url, 'length'),
  };
  try {
    const { dataBase64 } = (await dispatchCall(core.api, 'documents.read', input)) as { dataBase64: string };
    reply(res, port, 200, 'application/octet-stream', Buffer.from(dataBase64, 'base64'));
  } catch (error) {
    const payload = toErrorPayload(error);
    const status = statusOf[payload.code];
    // Anything unexpected is reported without its details: they may name paths on this machine.
    if (status === undefined) return refuse(res, port, 500, new AppError('INTERNAL', 'Reading the document failed').toPayload());
    refuse(res, port, status, payload);
  }
}
