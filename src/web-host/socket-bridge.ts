/**
 * The contract over WebSocket: calls in, results and events out (src/shared/ws-protocol.ts).
 * Sockets reach this bridge only after the host has checked their token and origin; a call that
 * reveals secrets must carry the token again in its own message.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { Core } from '../core/core';
import { eventNames, isSecretCall } from '../shared/contract';
import { dispatchCall } from '../shared/dispatch';
import { toErrorPayload } from '../shared/errors';
import { wsSubprotocol, type WsCallMessage, type WsServerMessage } from '../shared/ws-protocol';
import { tokenMatches } from './access';

/** Close code for frames we cannot understand (RFC 6455 "unsupported data"). */
export const closeUnsupported = 1003;
const closeGoingAway = 1001;

export interface SocketBridgeOptions {
  maxPayloadBytes: number;
  heartbeatMs: number;
  /** The launch token, asked again of every secret call. */
  token: string;
}

export interface SocketBridge {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

type Parsed =
  | { kind: 'call'; call: WsCallMessage }
  /** Understood enough to answer: the reply goes to this id. */
  | { kind: 'invalid'; id: number; message: string }
  /** Not even an id to answer to. */
  | { kind: 'unusable'; reason: string };

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export function parseCallMessage(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unusable', reason: 'Message is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'unusable', reason: 'Message is not a JSON object' };
  }
  const { type, id, name, input, token } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    return { kind: 'unusable', reason: 'Message has no integer id' };
  }
  if (type !== 'call') return { kind: 'invalid', id, message: `Unsupported message type: ${String(type)}` };
  if (typeof name !== 'string') return { kind: 'invalid', id, message: 'Call has no name' };
  const call: WsCallMessage = { type: 'call', id, name, input };
  if (typeof token === 'string') call.token = token;
  return { kind: 'call', call };
}

function serialise(message: WsServerMessage): string {
  try {
    return JSON.stringify(message);
  } catch (error) {
    // A result JSON cannot carry (a cycle, a BigInt) is core's bug: report it, keep the socket.
    if (message.type !== 'result') throw error;
    return JSON.stringify({
      type: 'result',
      id: message.id,
      ok: false,
      error: { code: 'INTERNAL', message: 'Result could not be serialised' },
    } satisfies WsServerMessage);
  }
}

function send(socket: WebSocket, message: WsServerMessage | string): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  socket.send(typeof message === 'string' ? message : serialise(message));
}

export function createSocketBridge(core: Core, options: SocketBridgeOptions): SocketBridge {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes,
    // Only ours is ever selected: the token, offered as a second subprotocol, is not echoed.
    handleProtocols: (offered) => (offered.has(wsSubprotocol) ? wsSubprotocol : false),
  });
  const alive = new WeakMap<WebSocket, boolean>();

  async function answer(socket: WebSocket, call: WsCallMessage): Promise<void> {
    if (isSecretCall(call.name) && !tokenMatches(call.token, options.token)) {
      send(socket, { type: 'result', id: call.id, ok: false, error: { code: 'UNAUTHORIZED', message: 'This call needs the launch token in its message' } });
      return;
    }
    try {
      const result = await dispatchCall(core.api, call.name, call.input);
      send(socket, { type: 'result', id: call.id, ok: true, result: result ?? null });
    } catch (error) {
      send(socket, { type: 'result', id: call.id, ok: false, error: toErrorPayload(error) });
    }
  }

  wss.on('connection', (socket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    // ws reports protocol violations here and then closes; without a listener they would throw.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        socket.close(closeUnsupported, 'Binary frames are not supported');
        return;
      }
      const parsed = parseCallMessage(toText(data));
      if (parsed.kind === 'unusable') socket.close(closeUnsupported, parsed.reason);
      else if (parsed.kind === 'invalid') {
        send(socket, { type: 'result', id: parsed.id, ok: false, error: { code: 'VALIDATION', message: parsed.message } });
      } else void answer(socket, parsed.call);
    });
  });

  const unsubscribes = eventNames.map((name) =>
    core.on(name, (payload) => {
      const frame = serialise({ type: 'event', name, payload });
      for (const socket of wss.clients) send(socket, frame);
    }),
  );

  // A socket that misses a whole heartbeat period is gone (sleep, killed tab): drop it.
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      clearInterval(heartbeat);
      const closing = [...wss.clients].map(
        (socket) =>
          new Promise<void>((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done();
            socket.once('close', () => done());
            socket.close(closeGoingAway, 'Server shutting down');
            // A peer that never answers the close handshake is cut off.
            setTimeout(() => socket.terminate(), 1000).unref();
          }),
      );
      await Promise.all(closing);
      await new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
