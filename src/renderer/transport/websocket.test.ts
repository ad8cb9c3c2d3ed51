import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import type { WsCallMessage, WsServerMessage } from '../../shared/ws-protocol';
import type { Session } from '../../shared/contract';
import { ClientError } from './client-error';
import { createWebSocketTransport, type WebSocketTransport } from './websocket';
import type { ConnectionState } from './transport';

/** A real socket server speaking the ws-protocol, with hooks for each test. */
function startServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets: ServerSocket[] = [];
  const received: WsCallMessage[] = [];
  const urls: string[] = [];
  const protocols: string[] = [];
  let reply: (call: WsCallMessage, socket: ServerSocket) => void = (call, socket) =>
    send(socket, { type: 'result', id: call.id, ok: true, result: { echo: call.name, input: call.input } });
  const connected: Array<() => void> = [];
  server.on('connection', (socket, request) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const call = JSON.parse(String(data)) as WsCallMessage;
      received.push(call);
      reply(call, socket);
    });
    urls.push(request.url ?? '');
    protocols.push(request.headers['sec-websocket-protocol'] ?? '');
    for (const resolve of connected.splice(0)) resolve();
  });
  const ready = new Promise<void>((resolve) => server.on('listening', () => resolve()));
  return {
    server,
    sockets,
    received,
    urls,
    protocols,
    ready,
    url: () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`,
    setReply(fn: typeof reply) {
      reply = fn;
    },
    nextConnection: () => new Promise<void>((resolve) => connected.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(socket: ServerSocket, message: WsServerMessage): void {
  socket.send(JSON.stringify(message));
}

function waitForState(transport: WebSocketTransport, wanted: ConnectionState): Promise<void> {
  return new Promise((resolve) => {
    if (transport.connection() === wanted) return resolve();
    const off = transport.onConnection((state) => {
      if (state === wanted) {
        off();
        resolve();
      }
    });
  });
}

describe('websocket transport', () => {
  let host: ReturnType<typeof startServer>;
  let transport: WebSocketTransport;

  beforeEach(async () => {
    host = startServer();
    await host.ready;
    transport = createWebSocketTransport({ url: host.url(), token: 'secret-T0k', initialDelayMs: 20, maxDelayMs: 100 });
  });

  afterEach(async () => {
    transport.close();
    for (const socket of host.sockets) socket.terminate();
    await host.close();
  });

  it('sends calls made before the socket opens and resolves with the result', async () => {
    const result = await transport.api['auth.qrStop']({ id: 'q1' });
    expect(result).toEqual({ echo: 'auth.qrStop', input: { id: 'q1' } });
    expect(host.received[0]).toMatchObject({ type: 'call', name: 'auth.qrStop', input: { id: 'q1' } });
    expect(transport.connection()).toBe('open');
  });

  it('connects to the given URL and offers the token as a subprotocol, not in the URL', async () => {
    await transport.api['app.info']({});
    expect(host.urls).toEqual(['/ws']);
    expect(host.protocols).toEqual(['dossier.v1, dossier.token.secret-T0k']);
    expect(host.sockets[0]?.protocol).toBe('dossier.v1');
  });

  it('repeats the token in the message of a secret call, and only there', async () => {
    await transport.api['library.passwords']({ id: 'd-1' });
    await transport.api['appointments.downloadPassword']({ appointmentId: 'a-1' });
    await transport.api['library.get']({ id: 'd-1' });
    expect(host.received.map((call) => [call.name, call.token])).toEqual([
      ['library.passwords', 'secret-T0k'],
      ['appointments.downloadPassword', 'secret-T0k'],
      ['library.get', undefined],
    ]);
  });

  it('matches replies to calls by id, whatever their order', async () => {
    const held: WsCallMessage[] = [];
    host.setReply((call, socket) => {
      held.push(call);
      if (held.length === 2) {
        for (const c of [...held].reverse()) send(socket, { type: 'result', id: c.id, ok: true, result: c.name });
      }
    });
    const [a, b] = await Promise.all([transport.api['app.info']({}), transport.api['settings.get']({})]);
    expect(a).toBe('app.info');
    expect(b).toBe('settings.get');
  });

  it('rejects an error reply with an Error carrying code and message', async () => {
    host.setReply((call, socket) =>
      send(socket, { type: 'result', id: call.id, ok: false, error: { code: 'QR_EXPIRED', message: 'QR expired' } }),
    );
    const error = await transport.api['auth.qrStart']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'QR_EXPIRED', message: 'QR expired' });
    expect(error).toBeInstanceOf(ClientError);
  });

  it('rejects an error reply with a code it does not know as INTERNAL, keeping the words', async () => {
    // A newer host's code, which this build's contract does not list.
    host.setReply((call, socket) => socket.send(JSON.stringify({ type: 'result', id: call.id, ok: false, error: { code: 'SOMETHING_NEW', message: 'A new failure' } })));
    const error = await transport.api['auth.qrStart']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'A new failure' });
  });

  it('delivers valid events to their listeners until unsubscribed, and drops malformed ones', async () => {
    await transport.api['app.info']({});
    const socket = host.sockets[0]!;
    const seen: Session[] = [];
    const off = transport.on('auth.sessionChanged', (session) => seen.push(session));
    const notices: string[] = [];
    transport.on('app.notice', (notice) => notices.push(notice.code));

    send(socket, { type: 'event', name: 'auth.sessionChanged', payload: { status: 'bogus' } });
    send(socket, { type: 'event', name: 'auth.sessionChanged', payload: { status: 'signed-out' } });
    send(socket, { type: 'event', name: 'app.notice', payload: { code: 'SECRET_STORE_MEMORY', message: 'm' } });
    await expect.poll(() => notices.length).toBe(1);
    expect(seen).toEqual([{ status: 'signed-out' }]);

    off();
    send(socket, { type: 'event', name: 'auth.sessionChanged', payload: { status: 'signed-out' } });
    send(socket, { type: 'event', name: 'app.notice', payload: { code: 'SECRET_STORE_MEMORY', message: 'm' } });
    await expect.poll(() => notices.length).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it('fails pending calls when the socket drops, then reconnects and carries on', async () => {
    await transport.api['app.info']({});
    host.setReply(() => undefined); // never answers
    const states: ConnectionState[] = [];
    transport.onConnection((state) => states.push(state));

    const pendingCall = transport.api['auth.session']({});
    await expect.poll(() => host.received.length).toBe(2);
    const reconnected = host.nextConnection();
    host.sockets[0]!.terminate();

    const error = await pendingCall.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'DISCONNECTED' });
    expect((error as Error).message).toMatch(/auth\.session/);

    await reconnected;
    await waitForState(transport, 'open');
    expect(states).toEqual(['closed', 'connecting', 'open']);

    host.setReply((call, socket) => send(socket, { type: 'result', id: call.id, ok: true, result: 'again' }));
    await expect(transport.api['settings.get']({})).resolves.toBe('again');
  });

  it('after close, calls fail at once and no reconnect happens', async () => {
    await transport.api['app.info']({});
    transport.close();
    await expect(transport.api['app.info']({})).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(transport.connection()).toBe('closed');
    expect(host.sockets).toHaveLength(1);
  });
});
