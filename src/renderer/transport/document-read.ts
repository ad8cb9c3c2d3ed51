/**
 * Document bytes for the viewer. Under Electron they come through the `documents.read` call (base64
 * over IPC); on the web host through its GET /api/document beside the socket, as raw bytes, because
 * a scanned volume's whole file can pass through here and WebSocket frames of base64 are slow.
 */
import { failureOf, toClientError } from './client-error';
import { authorizationFor, endpointBesideSocket } from './host-endpoint';

/** What `documents.read` takes: a range of one document of a dossier. */
export interface DocumentRange {
  dossierId: string;
  path: string;
  offset: number;
  length: number;
}

type NativeBase64 = { fromBase64?: (base64: string) => Uint8Array };

/**
 * Base64 (as documents.read answers) to bytes. The engine's own decoder (Chromium 140+) is used
 * where there is one: a volume's whole file can pass through here, and the byte loop is the slow part.
 */
export function base64ToBytes(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (typeof native === 'function') return native.call(Uint8Array, base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The web host's document endpoint beside its socket. */
export function documentUrlFor(socketUrl: string): string {
  return endpointBesideSocket(socketUrl, '/api/document');
}

/**
 * GETs a range from the endpoint, the launch token in the Authorization header (no cookie is sent:
 * the host takes none); errors carry the code core gave (NOT_FOUND, VALIDATION, …).
 */
export async function fetchDocumentRange(
  endpoint: string,
  range: DocumentRange,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<Uint8Array> {
  const url = new URL(endpoint);
  url.searchParams.set('dossierId', range.dossierId);
  url.searchParams.set('path', range.path);
  url.searchParams.set('offset', String(range.offset));
  url.searchParams.set('length', String(range.length));
  let response: Response;
  try {
    response = await fetchImpl(url.toString(), { headers: authorizationFor(token), credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw toClientError(error, 'DISCONNECTED');
  }
  if (!response.ok) throw await failureOf(response);
  return new Uint8Array(await response.arrayBuffer());
}
