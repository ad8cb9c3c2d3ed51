import {
  callNames,
  events,
  isSecretCall,
  isEventName,
  type CallName,
  type DossierApi,
  type EventListener,
  type EventName,
} from '../../shared/contract';
import { wsProtocols, type WsCallMessage, type WsServerMessage } from '../../shared/ws-protocol';
import { ClientError, toClientError } from './client-error';
import { documentUrlFor, fetchDocumentRange } from './document-read';
import { stageFile, stageUrlFor } from './stage-file';
import type { ConnectionState, Transport } from './transport';

export interface WebSocketTransportOptions {
  /** The socket's URL: `ws://127.0.0.1:PORT/ws`. */
  url: string;
  /**
   * The launch token: offered as a socket subprotocol, repeated in the message of every secret
   * call, sent as `Authorization: Bearer` to the two HTTP routes. Never in a URL or a cookie.
   */
  token: string | null;
  /** First reconnect delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** The WebSocket constructor (the browser's, or Node 22's global). */
  WebSocketImpl?: typeof WebSocket;
  /** For 导入卷宗 uploads to the staging endpoint beside the socket. */
  fetchImpl?: typeof fetch;
}

export interface WebSocketTransport extends Transport {
  /** Closes the socket for good: no reconnect; anything pending fails. */
  close(): void;
}

interface Pending {
  name: CallName;
  resolve: (value: unknown) => void;
  reject: (error: ClientError) => void;
}

/**
 * The contract over the web host's WebSocket. Calls made while the socket is (re)connecting wait
 * for it; when a socket closes, every call not yet answered fails with `DISCONNECTED` (its effect
 * on core is unknown, so it is never silently re-sent) and the transport reconnects with backoff.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const initialDelay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;

  const pending = new Map<number, Pending>();
  const outbox: WsCallMessage[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closedForGood = false;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...connectionListeners]) listener(next);
  }

  function failAll(message: string): void {
    outbox.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const call of waiting) call.reject(new ClientError('DISCONNECTED', `${message} (${call.name})`));
  }

  function connect(): void {
    timer = null;
    setState('connecting');
    const ws = new Impl(options.url, wsProtocols(options.token));
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      attempt = 0;
      setState('open');
      for (const message of outbox.splice(0)) ws.send(JSON.stringify(message));
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      if (socket !== ws) return;
      handleMessage(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      failAll('Lost the connection to the app host before it answered');
      if (closedForGood) return;
      setState('closed');
      const delay = Math.min(maxDelay, initialDelay * 2 ** attempt);
      attempt += 1;
      timer = setTimeout(connect, delay);
    });
    // Every error is followed by `close`, which does the work.
    ws.addEventListener('error', () => undefined);
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: WsServerMessage;
    try {
      message = JSON.parse(data) as WsServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.ok) call.resolve(message.result);
      else call.reject(toClientError(message.error));
    } else if (message.type === 'event' && isEventName(message.name)) {
      const parsed = events[message.name].safeParse(message.payload);
      if (!parsed.success) return;
      for (const listener of [...(listeners.get(message.name) ?? [])]) {
        try {
          listener(parsed.data);
        } catch (error) {
          console.error(`listener for ${message.name} failed`, error);
        }
      }
    }
  }

  function call(name: CallName, input: unknown): Promise<unknown> {
    if (closedForGood) return Promise.reject(new ClientError('DISCONNECTED', 'The connection is closed'));
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { name, resolve, reject });
      const message: WsCallMessage = { type: 'call', id, name, input: input ?? {} };
      if (isSecretCall(name) && options.token) message.token = options.token;
      if (socket && state === 'open') socket.send(JSON.stringify(message));
      else outbox.push(message);
    });
  }

  const api = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) api[name] = (input) => call(name, input);

  connect();

  return {
    api: api as unknown as DossierApi,
    on<N extends EventName>(name: N, listener: EventListener<N>) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    connection: () => state,
    importSource: (file) => stageFile(file, stageUrlFor(options.url), options.token, options.fetchImpl),
    readDocument: (range) => fetchDocumentRange(documentUrlFor(options.url), range, options.token, options.fetchImpl),
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },
    close() {
      closedForGood = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const ws = socket;
      socket = null;
      failAll('The connection was closed');
      setState('closed');
      ws?.close();
    },
  };
}
