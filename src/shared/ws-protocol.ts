/**
 * The contract over WebSocket (web host ⇄ renderer). One JSON message per frame.
 * The socket URL carries the per-launch token: `/ws?token=…`.
 */
import type { ErrorPayload } from './errors';

export interface WsCallMessage {
  type: 'call';
  id: number;
  name: string;
  input: unknown;
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
