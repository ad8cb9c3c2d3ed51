import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

import { hardenPortalContents, portalPopupOptions } from './portal-window-contents';
import { portalWebPreferences } from './portal-window-policy';

type OpenHandler = (details: { url: string }) => { action: string; overrideBrowserWindowOptions?: unknown };

function fakeContents() {
  let openHandler: OpenHandler | null = null;
  return Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn((handler: OpenHandler) => (openHandler = handler)),
    open: (url: string) => openHandler!({ url }),
  });
}

function portalContents(portalUrl: string | null) {
  const contents = fakeContents();
  const state = { portalUrl };
  hardenPortalContents(contents as unknown as WebContents, { portalUrl: () => state.portalUrl });
  const emitCancelable = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, state, emitCancelable };
}

describe('hardenPortalContents', () => {
  beforeEach(() => electron.shell.openExternal.mockClear());

  it('lets the page navigate within the portal and its https site', () => {
    const { emitCancelable } = portalContents('https://www.12309.gov.cn/');
    expect(emitCancelable('will-navigate', 'https://www.12309.gov.cn/lawyer/yuyue')).toBe(false);
    expect(emitCancelable('will-navigate', 'https://lsfw.12309.gov.cn/')).toBe(false);
    expect(emitCancelable('will-redirect', 'https://12309.gov.cn/', false, true)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses navigation elsewhere, opening https pages in the system browser and nothing else', () => {
    const { emitCancelable } = portalContents('https://www.12309.gov.cn/');
    expect(emitCancelable('will-navigate', 'https://www.court.gov.cn/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.court.gov.cn/');
    for (const url of ['http://www.court.gov.cn/', 'file:///etc/passwd', 'app://renderer/index.html']) {
      expect(emitCancelable('will-navigate', url), url).toBe(true);
    }
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('refuses a top-level redirect away from the portal, and leaves sub-frame redirects alone', () => {
    const { emitCancelable } = portalContents('http://127.0.0.1:45678/site/');
    expect(emitCancelable('will-redirect', 'https://elsewhere.example/', false, true)).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://elsewhere.example/');
    expect(emitCancelable('will-redirect', 'https://captcha.example/', false, false)).toBe(false);
    expect(emitCancelable('will-redirect', 'http://127.0.0.1:45678/site/home', false, true)).toBe(false);
  });

  it('keeps the mock portal to its exact origin', () => {
    const { emitCancelable } = portalContents('http://127.0.0.1:45678/site/');
    expect(emitCancelable('will-navigate', 'http://127.0.0.1:45678/site/login')).toBe(false);
    expect(emitCancelable('will-navigate', 'http://127.0.0.1:9999/')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('follows the portal being shown, and allows nothing when none is', () => {
    const { state, emitCancelable } = portalContents(null);
    expect(emitCancelable('will-navigate', 'http://127.0.0.1:45678/site/')).toBe(true);
    state.portalUrl = 'http://127.0.0.1:45678/site/';
    expect(emitCancelable('will-navigate', 'http://127.0.0.1:45678/site/')).toBe(false);
  });

  it('refuses webviews', () => {
    const { emitCancelable } = portalContents('https://www.12309.gov.cn/');
    expect(emitCancelable('will-attach-webview', {}, {})).toBe(true);
  });

  it('opens portal popups as windows with the same isolation and session, and other popups outside', () => {
    const { contents } = portalContents('https://www.12309.gov.cn/');
    expect(contents.open('https://www.12309.gov.cn/print')).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: portalPopupOptions(),
    });
    expect(portalPopupOptions().webPreferences).toEqual(portalWebPreferences());
    expect(contents.open('https://www.court.gov.cn/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.court.gov.cn/');
    expect(contents.open('http://www.court.gov.cn/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('gives a popup the same policy, once however it is reached', () => {
    const { contents } = portalContents('https://www.12309.gov.cn/');
    const child = fakeContents();
    contents.emit('did-create-window', { webContents: child });
    contents.emit('did-create-window', { webContents: child });
    expect(child.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(child.listenerCount('will-navigate')).toBe(1);
    expect(child.open('https://www.court.gov.cn/')).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    child.emit('will-navigate', event, 'https://www.court.gov.cn/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
