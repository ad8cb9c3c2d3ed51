/**
 * The object the preload exposes as `window.dossier`, built from the contract's allow-lists:
 * one function per call and `on` for the contract's events, plus `pathForFile` for 导入卷宗.
 * Nothing else of IPC reaches the page.
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import { callNames, ipcChannel, isEventName, type CallName, type DossierApi } from '../shared/contract';
import { isErrorCode, type ErrorPayload } from '../shared/errors';
import type { DossierBridge } from '../shared/bridge';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type FilePaths = Pick<WebUtils, 'getPathForFile'>;

/**
 * A failed call rejects with a plain `{code, message}`: contextBridge copies plain objects but
 * rebuilds an Error from its message alone, which would drop the code.
 */
function failure(code: unknown, message: unknown): ErrorPayload {
  return {
    code: isErrorCode(code) ? code : 'INTERNAL',
    message: typeof message === 'string' ? message : 'The call failed',
  };
}

function unwrap(reply: unknown): unknown {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    if (reply.ok === true && 'result' in reply) return reply.result;
    if (reply.ok === false && 'error' in reply && reply.error && typeof reply.error === 'object') {
      const error = reply.error as { code?: unknown; message?: unknown };
      throw failure(error.code, error.message);
    }
  }
  throw failure('INTERNAL', 'Malformed reply from the app');
}

function callFunction(ipc: Ipc, name: CallName): (input: unknown) => Promise<unknown> {
  const channel = ipcChannel.call(name);
  return async (input) => {
    let reply: unknown;
    try {
      reply = await ipc.invoke(channel, input);
    } catch (error) {
      throw failure('INTERNAL', error instanceof Error ? error.message : String(error));
    }
    return unwrap(reply);
  };
}

export function createBridge(ipc: Ipc, files: FilePaths): DossierBridge {
  const calls = Object.fromEntries(callNames.map((name) => [name, callFunction(ipc, name)]));
  return {
    calls: Object.freeze(calls) as unknown as DossierApi,
    on(name, listener) {
      if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function');
      const channel = ipcChannel.event(name);
      // The page gets the payload only, never the IpcRendererEvent (it would expose the sender).
      const forward = (_event: IpcRendererEvent, payload: unknown) =>
        (listener as (payload: unknown) => void)(payload);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
    pathForFile(file) {
      // Only a path, never file contents: core copies the archive itself (library.import).
      return files.getPathForFile(file);
    },
  };
}
