/**
 * Trusted IPC, generated from the contract: one handler per call, each checking that the call
 * comes from the main frame of one of our windows showing the app, validating the input with the
 * shared dispatcher, and replying with an outcome (errors never cross IPC as exceptions).
 * Core's events are forwarded to every app window.
 */
import { BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { callNames, eventNames, ipcChannel, type CallName } from '../shared/contract';
import { dispatchCall } from '../shared/dispatch';
import { toErrorPayload } from '../shared/errors';
import type { IpcReply } from '../shared/bridge';
import type { Core } from '../core/core';
import { isRendererUrl } from './app-protocol';

/**
 * The sender is the main frame of one of our windows, in the app's session, and that frame shows
 * the app. The 门户网站 window's contents (and its popups) live in a session of their own, so no
 * frame of theirs ever passes, whatever it shows.
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (event.sender.session !== session.defaultSession) return false;
    if (!frame || frame.parent !== null || !isRendererUrl(frame.url)) return false;
    return BrowserWindow.getAllWindows().some((window) => {
      if (window.isDestroyed() || window.webContents !== event.sender) return false;
      const main = window.webContents.mainFrame;
      return main === frame || (main.processId === frame.processId && main.routingId === frame.routingId);
    });
  } catch {
    // A frame disposed while its call was in flight throws on access: not a sender to trust.
    return false;
  }
}

async function handleCall(core: Core, name: CallName, event: IpcMainInvokeEvent, input: unknown): Promise<IpcReply> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Call refused: it does not come from the app window' } };
  }
  try {
    return { ok: true, result: await dispatchCall(core.api, name, input) };
  } catch (error) {
    const payload = toErrorPayload(error);
    // Code and message only: a raw error may carry request headers, tokens among them.
    if (payload.code === 'INTERNAL') console.error(`Call ${name} failed: ${payload.message}`);
    return { ok: false, error: payload };
  }
}

function broadcast(channel: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.session !== session.defaultSession) continue;
    if (!isRendererUrl(window.webContents.getURL())) continue;
    window.webContents.send(channel, payload);
  }
}

/** Wires core to IPC; returns the function that unwires it. */
export function registerIpc(core: Core): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannel.call(name), (event, input: unknown) => handleCall(core, name, event, input));
  }
  const unsubscribes = eventNames.map((name) =>
    core.on(name, (payload) => broadcast(ipcChannel.event(name), payload)),
  );
  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcChannel.call(name));
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
