/**
 * Test helpers that talk to a running web host the way a browser would: raw HTTP requests (so the
 * Host header and the path are sent as written) and a WebSocket speaking the ws protocol.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { wsProtocols, type WsServerMessage, type WsReplyMessage, type WsEventMessage } from '../shared/ws-protocol';

/** A tiny stand-in for out/renderer, inside a parent folder that also holds a file outside it. */
export async function makeRendererDir(): Promise<{ parent: string; rendererDir: string }> {
  const parent = await mkdtemp(join(tmpdir(), 'web-host-test-'));
  const rendererDir = join(parent, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>卷宗台</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export const app = 1;\n');
  await writeFile(join(rendererDir, 'assets', 'style.css'), 'body{}\n');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(parent, 'secret.txt'), 'outside the renderer folder');
  return { parent, rendererDir };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GET with exactly the path and headers given (no normalisation of `..`, any Host header). */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Resolves with the HTTP status of a refused upgrade, or rejects if the socket opened. */
export function refusedUpgradeStatus(
  url: string,
  options: { origin?: string; headers?: Record<string, string>; protocols?: string[] },
): Promise<number> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url, options.protocols ?? [], { origin: options.origin, headers: options.headers });
    socket.on('unexpected-response', (_req, res) => {
      done(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      socket.terminate();
      fail(new Error('the upgrade was accepted'));
    });
    socket.on('error', (error) => fail(error));
  });
}

/** A connected socket with request/response matching by id and a queue of events. */
export class TestSocket {
  private nextId = 1;
  private readonly replies = new Map<number, (reply: WsReplyMessage) => void>();
  private readonly events: WsEventMessage[] = [];
  private eventWaiters: Array<(event: WsEventMessage) => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type === 'result') this.replies.get(message.id)?.(message);
      else {
        const waiter = this.eventWaiters.shift();
        if (waiter) waiter(message);
        else this.events.push(message);
      }
    });
    this.closed = new Promise((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })));
  }

  /** Opens the socket as the app's page does: the launch token offered as a subprotocol. */
  static open(url: string, origin: string, token: string | null): Promise<TestSocket> {
    return new Promise((done, fail) => {
      const socket = new WebSocket(url, wsProtocols(token), { origin });
      socket.once('open', () => done(new TestSocket(socket)));
      socket.once('error', fail);
    });
  }

  /** Sends a text frame as given and waits for the reply to `id` (when there is one to wait for). */
  sendRaw(text: string, id?: number): Promise<WsReplyMessage> | undefined {
    const reply = id === undefined ? undefined : new Promise<WsReplyMessage>((done) => this.replies.set(id, done));
    this.socket.send(text);
    return reply;
  }

  /** A call; `token` goes into the message, as the page sends it with a secret call. */
  call(name: string, input: unknown, token?: string): Promise<WsReplyMessage> {
    const id = this.nextId++;
    return this.sendRaw(JSON.stringify({ type: 'call', id, name, input, token }), id) as Promise<WsReplyMessage>;
  }

  nextEvent(): Promise<WsEventMessage> {
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((done) => this.eventWaiters.push(done));
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.closed;
  }
}
