import { isErrorCode, type ErrorCode } from '../../shared/errors';

/**
 * Codes the renderer itself may produce on top of the contract's: the transport to the app host
 * is gone (the host quit, the socket dropped, a request never got an answer) before a reply
 * arrived; a file for 导入卷宗 could not be handed to the app host.
 */
export type ClientErrorCode = ErrorCode | 'DISCONNECTED' | 'UPLOAD_FAILED';

const clientCodes: ReadonlySet<string> = new Set<ClientErrorCode>(['DISCONNECTED', 'UPLOAD_FAILED']);

export function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return isErrorCode(value) || (typeof value === 'string' && clientCodes.has(value));
}

/** What every call rejects with, whichever transport carried it: a code and a message, nothing else. */
export class ClientError extends Error {
  readonly code: ClientErrorCode;
  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

/**
 * The one way anything a transport met becomes a ClientError: an IPC rejection (the preload's plain
 * `{code, message}`), a WebSocket reply's `error`, an Error, or anything else. A known code is kept;
 * anything without one takes `fallback` (INTERNAL, or DISCONNECTED for a request that never got an
 * answer: a network failure, a timeout).
 */
export function toClientError(error: unknown, fallback: ClientErrorCode = 'INTERNAL'): ClientError {
  if (error instanceof ClientError) return error;
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    if (isClientErrorCode(code)) return new ClientError(code, typeof message === 'string' ? message : code);
  }
  if (error instanceof Error) return new ClientError(fallback, error.message);
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return new ClientError(fallback, error.message);
  }
  return new ClientError(fallback, String(error));
}

/**
 * The error an HTTP route of the web host (/api/document, /api/stage) answered with. The host
 * answers every refusal as `{"error": {"code", "message"}}`; anything else (a page of HTML, an
 * empty or odd body, an unknown code) is INTERNAL with the status, never the body's text.
 */
export async function failureOf(response: Response): Promise<ClientError> {
  const status = `HTTP ${response.status}`;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return new ClientError('INTERNAL', status);
  }
  const error = body && typeof body === 'object' && 'error' in body ? body.error : null;
  if (!error || typeof error !== 'object' || !('code' in error) || !('message' in error)) return new ClientError('INTERNAL', status);
  const { code, message } = error;
  if (typeof message !== 'string') return new ClientError('INTERNAL', status);
  // Client-only codes are the renderer's own to give, never a host's.
  if (!isErrorCode(code)) return new ClientError('INTERNAL', message ? `${status}: ${message}` : status);
  return new ClientError(code, message);
}

/** A failure's code, if it carries one (a ClientError, a core payload): for code that branches on it. */
export function errorCode(error: unknown): string | null {
  if (!error || typeof error !== 'object' || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}
