import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/core';
import { callNames, eventNames, ipcChannel, type DossierApi, type EventName } from '../shared/contract';
import { AppError } from '../shared/errors';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const windows: unknown[] = [];
  const defaultSession = { name: 'app' };
  return {
    handlers,
    windows,
    session: { defaultSession },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
        handlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    BrowserWindow: { getAllWindows: () => windows },
  };
});
vi.mock('electron', () => electron);

import { registerIpc } from './ipc';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

function fakeWindow(url: string, processId: number, session: unknown = electron.session.defaultSession) {
  const mainFrame: FakeFrame = { url, parent: null, processId, routingId: 1 };
  const webContents = { mainFrame, session, getURL: () => mainFrame.url, send: vi.fn() };
  return { isDestroyed: () => false, webContents };
}

function fakeCore() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api = Object.fromEntries(callNames.map((name) => [name, vi.fn(async () => null)])) as unknown as Record<
    keyof DossierApi,
    ReturnType<typeof vi.fn>
  >;
  const core = {
    api: api as unknown as DossierApi,
    on: vi.fn((name: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    }),
    close: async () => undefined,
  };
  const emit = (name: EventName, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload));
  return { core: core as unknown as Core, api, emit, listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

const call = (name: string, event: unknown, input?: unknown) => electron.handlers.get(ipcChannel.call(name as never))!(event, input);

describe('registerIpc', () => {
  let app: ReturnType<typeof fakeWindow>;
  let fake: ReturnType<typeof fakeCore>;
  let dispose: () => void;
  const fromApp = () => ({ sender: app.webContents, senderFrame: app.webContents.mainFrame });

  beforeEach(() => {
    electron.handlers.clear();
    electron.windows.length = 0;
    app = fakeWindow('app://renderer/index.html', 7);
    electron.windows.push(app);
    fake = fakeCore();
    dispose = registerIpc(fake.core);
  });

  it('registers one handler per contract call and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(callNames.map((name) => ipcChannel.call(name)).sort());
  });

  it('passes a valid call to core and replies with its result', async () => {
    fake.api['settings.update']!.mockResolvedValueOnce({ locale: 'en' });
    await expect(call('settings.update', fromApp(), { locale: 'en' })).resolves.toEqual({
      ok: true,
      result: { locale: 'en' },
    });
    expect(fake.api['settings.update']).toHaveBeenCalledWith({ locale: 'en' });
  });

  it('replies VALIDATION for input the contract rejects, without reaching core', async () => {
    const reply = await call('settings.update', fromApp(), { locale: 'fr' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const extra = await call('auth.qrStop', fromApp(), { id: 'x', more: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fake.api['settings.update']).not.toHaveBeenCalled();
    expect(fake.api['auth.qrStop']).not.toHaveBeenCalled();
  });

  it('turns errors from core into {code, message} replies', async () => {
    fake.api['auth.agree']!.mockRejectedValueOnce(new AppError('NOT_SIGNED_IN', '请先登录'));
    await expect(call('auth.agree', fromApp(), {})).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: '请先登录' },
    });
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    fake.api['auth.agree']!.mockRejectedValueOnce(new TypeError('boom'));
    await expect(call('auth.agree', fromApp(), {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
  });

  it('refuses calls from a foreign URL, a sub-frame, or a frame that is not one of our windows', async () => {
    const foreign = fakeWindow('https://evil.example/', 8);
    electron.windows.push(foreign);
    const stranger = fakeWindow('app://renderer/index.html', 9);
    const subFrame: FakeFrame = { url: 'app://renderer/frame.html', parent: app.webContents.mainFrame, processId: 7, routingId: 2 };
    const events = [
      { sender: foreign.webContents, senderFrame: foreign.webContents.mainFrame },
      { sender: app.webContents, senderFrame: subFrame },
      { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame },
      { sender: app.webContents, senderFrame: { ...app.webContents.mainFrame, routingId: 5 } },
      { sender: app.webContents, senderFrame: null },
    ];
    for (const event of events) {
      await expect(call('app.info', event, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(fake.api['app.info']).not.toHaveBeenCalled();
  });

  it("refuses every call from the 门户网站 window's session, even from a frame showing the app", async () => {
    const portalSession = { name: 'persist:portal-site' };
    // A popup of the portal site is one of our BrowserWindows; say it even reached app://renderer.
    const portalPopup = fakeWindow('app://renderer/index.html', 10, portalSession);
    const portalSite = fakeWindow('http://127.0.0.1:45678/site/', 11, portalSession);
    electron.windows.push(portalPopup, portalSite);
    for (const window of [portalPopup, portalSite]) {
      const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      for (const name of ['app.info', 'settings.update', 'auth.agree']) {
        await expect(call(name, event, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(fake.api['app.info']).not.toHaveBeenCalled();
    expect(fake.api['settings.update']).not.toHaveBeenCalled();
    // Nor do they hear core's events.
    for (const name of eventNames) fake.emit(name, { from: name });
    expect(portalPopup.webContents.send).not.toHaveBeenCalled();
    expect(portalSite.webContents.send).not.toHaveBeenCalled();
  });

  it('forwards every contract event to app windows only', () => {
    const foreign = fakeWindow('https://evil.example/', 8);
    electron.windows.push(foreign);
    for (const name of eventNames) fake.emit(name, { from: name });
    expect(app.webContents.send.mock.calls).toEqual(eventNames.map((name) => [ipcChannel.event(name), { from: name }]));
    expect(foreign.webContents.send).not.toHaveBeenCalled();
  });

  it('unwires handlers and event subscriptions when disposed', () => {
    expect(fake.listenerCount()).toBe(eventNames.length);
    dispose();
    expect(electron.handlers.size).toBe(0);
    expect(fake.listenerCount()).toBe(0);
  });
});
