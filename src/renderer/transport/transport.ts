import type { DossierApi, EventSource } from '../../shared/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** One way of reaching core: the Electron preload or the web host's WebSocket. */
export interface Transport extends EventSource {
  readonly api: DossierApi;
  /** Current link state; Electron's is always `open`. */
  connection(): ConnectionState;
  /** Follows the link state; returns the function that unsubscribes. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
