import { importSourceSchema, type ImportSource } from '../../shared/library';
import { ClientError, failureOf, toClientError } from './client-error';
import { authorizationFor, endpointBesideSocket } from './host-endpoint';

/** The web host's staging endpoint beside its socket. */
export function stageUrlFor(socketUrl: string): string {
  return endpointBesideSocket(socketUrl, '/api/stage');
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
    throw toClientError(error, 'DISCONNECTED');
  }
  if (!response.ok) {
    const failure = await failureOf(response);
    // What the host would not name (its own failure, an odd answer) is the upload failing, which 导入卷宗 explains.
    throw failure.code === 'INTERNAL' ? new ClientError('UPLOAD_FAILED', failure.message) : failure;
  }
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
