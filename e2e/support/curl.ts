import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CurlAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  json<T = unknown>(): T;
}

/** Runs the real `curl` (as a lawyer or integrator would, following the OpenAPI file) and reads its answer. */
export async function curl(args: string[]): Promise<CurlAnswer> {
  const dir = await mkdtemp(join(tmpdir(), 'curl-'));
  try {
    const headerFile = join(dir, 'headers');
    const bodyFile = join(dir, 'body');
    await run('curl', ['-sS', '--max-time', '60', '-D', headerFile, '-o', bodyFile, ...args]);
    const rawHeaders = (await readFile(headerFile, 'latin1')).trim().split(/\r?\n\r?\n/).pop() ?? '';
    const [statusLine = '', ...lines] = rawHeaders.split(/\r?\n/);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const body = await readFile(bodyFile).catch(() => Buffer.alloc(0));
    return {
      status: Number(statusLine.split(' ')[1]),
      headers,
      body,
      json: <T>() => JSON.parse(body.toString('utf8')) as T,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A JSON call: `curl -X METHOD -H 'content-type: application/json' --data '…' URL`. */
export function curlJson(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const args = ['-X', method];
  if (options.token) args.push('-H', `Authorization: Bearer ${options.token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.body !== undefined) args.push('-H', 'Content-Type: application/json', '--data-binary', JSON.stringify(options.body));
  return curl([...args, url]);
}
