import type { DossierApi, EventListener, EventName } from '../../shared/contract';
import type { ImportSource } from '../../shared/library';
import type { DocumentRange } from './document-read';
import { createElectronTransport } from './electron';
import { socketUrl, takeLaunchToken } from './launch-token';
import type { ConnectionState, Transport } from './transport';
import { createWebSocketTransport } from './websocket';

export { ClientError, errorCode, toClientError, type ClientErrorCode } from './client-error';
export type { ConnectionState } from './transport';

/** In a browser tab: the launch token, or null when the tab was opened without the printed link. */
const launchToken = window.dossier ? null : takeLaunchToken(window.location, window.history, window.sessionStorage);

function pickTransport(): Transport {
  if (window.dossier) return createElectronTransport(window.dossier);
  return createWebSocketTransport({ url: socketUrl(window.location), token: launchToken });
}

const transport = pickTransport();

/** A browser tab opened without the link `dossier web` printed can never connect: the UI says how to. */
export const missingLaunchToken = !window.dossier && launchToken === null;

/** The typed client for every contract call. */
export const api: DossierApi = transport.api;

/** Subscribes to a contract event; returns the function that unsubscribes. */
export function on<N extends EventName>(name: N, listener: EventListener<N>): () => void {
  return transport.on(name, listener);
}

export function connection(): ConnectionState {
  return transport.connection();
}

export function onConnection(listener: (state: ConnectionState) => void): () => void {
  return transport.onConnection(listener);
}

/** A range of a dossier document's bytes, as on disk (the viewer decrypts them in memory). */
export function readDocument(range: DocumentRange): Promise<Uint8Array> {
  return transport.readDocument(range);
}

/** 导入卷宗: turns a chosen or dropped File into the source `library.import` takes. */
export function importSource(file: File): Promise<ImportSource> {
  return transport.importSource(file);
}
