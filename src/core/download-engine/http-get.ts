import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/**
 * Opens a GET and resolves with the response head; the body is left to stream. A socket idle for
 * `idleTimeoutMs` (head or body) is destroyed, so a stalled link fails instead of hanging forever.
 */
export function httpGet(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  idleTimeoutMs: number,
): Promise<IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method: 'GET', headers, signal, timeout: idleTimeoutMs });
    request.on('timeout', () => request.destroy(new Error(`no data for ${idleTimeoutMs} ms`)));
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}
