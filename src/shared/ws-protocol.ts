/**
 * The contract over WebSocket (web host ⇄ renderer). One JSON message per frame.
 *
 * The per-launch token never travels in a cookie (cookies for 127.0.0.1 reach every port of it) nor
 * in the socket's URL: the page offers it as a second subprotocol, which the host checks before the
 * upgrade and never selects (so it is not echoed). Calls that reveal secrets carry it once more in
 * their own message (`token`), see `secretCalls` in contract.ts.
 */
import type { ErrorPayload } from './errors';

/** The one subprotocol the web host speaks and selects. */
export const wsSubprotocol = 'dossier.v1';
/** Prefix of the subprotocol that carries the token (base64url is valid in a subprotocol name). */
export const wsTokenProtocolPrefix = 'dossier.token.';

/** What a subprotocol may hold: an RFC 7230 token; the launch token is base64url. */
const tokenShape = /^[A-Za-z0-9_-]{1,256}$/;

/** Whether a string can be a launch token (a browser throws on a subprotocol it cannot send). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && tokenShape.test(value);
}

/** The subprotocols a page offers: ours, then its token when it has one. */
export function wsProtocols(token: string | null): string[] {
  return isTokenShaped(token) ? [wsSubprotocol, `${wsTokenProtocolPrefix}${token}`] : [wsSubprotocol];
}

/** The tokens offered in a Sec-WebSocket-Protocol header. */
export function tokensOffered(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(wsTokenProtocolPrefix))
    .map((part) => part.slice(wsTokenProtocolPrefix.length));
}

export interface WsCallMessage {
  type: 'call';
  id: number;
  name: string;
  input: unknown;
  /** The launch token, on calls that reveal secrets (and only those). */
  token?: string;
}

export type WsReplyMessage =
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: ErrorPayload };

export interface WsEventMessage {
  type: 'event';
  name: string;
  payload: unknown;
}

export type WsServerMessage = WsReplyMessage | WsEventMessage;
