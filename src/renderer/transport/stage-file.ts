import { importSourceSchema, type ImportSource } from '../../shared/library';
import { isErrorCode } from '../../shared/errors';
import { ClientError } from './client-error';
import { authorizationFor, endpointBesideSocket } from './host-endpoint';

/** The web host's staging endpoint beside its socket. */
export function stageUrlFor(socketUrl: string): string {
  return endpointBesideSocket(socketUrl, '/api/stage');
}

async function failureOf(response: Response): Promise<ClientError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  const payload =
    body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object' ? body.error : body;
  if (payload && typeof payload === 'object' && 'code' in payload) {
    const { code, message } = payload as { code: unknown; message?: unknown };
    if (isErrorCode(code) && code !== 'INTERNAL') {
      return new ClientError(code, typeof message === 'string' ? message : `HTTP ${response.status}`);
    }
    if (typeof message === 'string' && message) return new ClientError('UPLOAD_FAILED', `HTTP ${response.status}: ${message}`);
  }
  if (response.status === 413) return new ClientError('PAYLOAD_TOO_LARGE', `HTTP ${response.status}`);
  return new ClientError('UPLOAD_FAILED', `HTTP ${response.status}`);
}

/**
 * Hands a chosen or dropped archive to the web host (a browser never reveals a file's path): PUT
 * to its staging endpoint, which answers `{stagedId}` for `library.import`.
 */
export async function stageFile(
  file: Blob & { readonly name: string },
  endpoint: string,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportSource> {
  // encodeURIComponent (not URLSearchParams' '+' for spaces): the name reads back the same either way.
  const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}name=${encodeURIComponent(file.name)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'PUT', body: file, headers: authorizationFor(token), credentials: 'omit' });
  } catch (error) {
    throw new ClientError('DISCONNECTED', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await failureOf(response);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ClientError('UPLOAD_FAILED', 'The staging answer was not JSON');
  }
  const stagedId = body && typeof body === 'object' && 'stagedId' in body ? body.stagedId : undefined;
  const source = importSourceSchema.safeParse({ kind: 'staged', stagedId });
  if (!source.success) throw new ClientError('UPLOAD_FAILED', 'The staging answer carried no valid stagedId');
  return source.data;
}
