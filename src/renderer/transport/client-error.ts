import { isErrorCode, type ErrorCode } from '../../shared/errors';

/**
 * Codes the renderer itself may produce on top of the contract's: the transport to the app host
 * is gone (the host quit, the socket dropped) before a reply arrived; a file for 导入卷宗 could
 * not be handed to the app host.
 */
export type ClientErrorCode = ErrorCode | 'DISCONNECTED' | 'UPLOAD_FAILED';

const clientCodes: ReadonlySet<string> = new Set<ClientErrorCode>(['DISCONNECTED', 'UPLOAD_FAILED']);

/** What every call rejects with, whichever transport carried it. */
export class ClientError extends Error {
  readonly code: ClientErrorCode;
  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

/** Normalises anything a transport rejected with into a ClientError, keeping a known code. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ClientError) return error;
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(code);
    if (isErrorCode(code) || (typeof code === 'string' && clientCodes.has(code))) {
      return new ClientError(code as ClientErrorCode, text);
    }
  }
  return new ClientError('INTERNAL', error instanceof Error ? error.message : String(error));
}
