import type { DossierApi, EventSource } from '../../shared/contract';
import type { ImportSource } from '../../shared/library';
import type { DocumentRange } from './document-read';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** One way of reaching core: the Electron preload or the web host's WebSocket. */
export interface Transport extends EventSource {
  readonly api: DossierApi;
  /** Current link state; Electron's is always `open`. */
  connection(): ConnectionState;
  /** Follows the link state; returns the function that unsubscribes. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /**
   * What `library.import` needs for a File the lawyer chose or dropped: its path under Electron,
   * a staged copy on the web host (a browser never reveals paths).
   */
  importSource(file: File): Promise<ImportSource>;
  /** A range of a dossier document's bytes (still encrypted), for the viewer. */
  readDocument(range: DocumentRange): Promise<Uint8Array>;
}
