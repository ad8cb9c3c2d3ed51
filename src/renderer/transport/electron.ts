import { callNames, type CallName, type DossierApi } from '../../shared/contract';
import type { DossierBridge } from '../../shared/bridge';
import { ClientError, toClientError } from './client-error';
import { base64ToBytes } from './document-read';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    dossier?: DossierBridge;
  }
}

/** Wraps the preload's bridge so every rejection carries a stable `code`. */
export function createElectronTransport(bridge: DossierBridge): Transport {
  const api = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    const call = bridge.calls[name] as (input: unknown) => Promise<unknown>;
    api[name] = async (input) => {
      try {
        return await call(input ?? {});
      } catch (error) {
        throw toClientError(error);
      }
    };
  }
  const typed = api as unknown as DossierApi;
  return {
    api: typed,
    on: (name, listener) => bridge.on(name, listener),
    connection: () => 'open',
    onConnection: () => () => undefined,
    async importSource(file) {
      const path = bridge.pathForFile(file);
      // A File made in the page (not picked from disk) has no path.
      if (!path) throw new ClientError('UPLOAD_FAILED', `No path for ${file.name}`);
      return { kind: 'path', path };
    },
    async readDocument(range) {
      return base64ToBytes((await typed['documents.read'](range)).dataBase64);
    },
  };
}
