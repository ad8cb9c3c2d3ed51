/**
 * What the Electron preload exposes to the renderer as `window.dossier`: exactly the contract's
 * calls and event subscription, plus the path of a file the lawyer picked or dropped (for
 * 导入卷宗). The renderer declares the global itself (no DOM here).
 */
import type { DossierApi, EventListener, EventName } from './contract';
import type { ErrorPayload } from './errors';

export interface DossierBridge {
  /**
   * One function per contract call. A failure rejects with a plain `{code, message}` (an
   * ErrorPayload, not an Error): contextBridge keeps only the message of an Error.
   */
  calls: DossierApi;
  /** Subscribes to a contract event (unknown names throw); returns the function that unsubscribes. */
  on<N extends EventName>(name: N, listener: EventListener<N>): () => void;
  /**
   * The absolute path of a File the lawyer chose or dropped (Electron's webUtils.getPathForFile);
   * an empty string for a File that is not on disk. Pages never see paths otherwise.
   */
  pathForFile(file: File): string;
}

/** What an IPC call handler in main replies: errors never cross IPC as thrown exceptions. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };
