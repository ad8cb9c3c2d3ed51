import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { DownloadItem, Event, Session } from 'electron';
import type { BrowserDownloadHandle, BrowserDownloads } from '../core/browser-downloads';

vi.mock('electron', () => ({ shell: {} }));

import { applyPortalSessionPolicy, DOWNLOAD_INTERRUPTED, handlePortalDownload } from './portal-window-session';

function fakeSession() {
  const captured: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: () => boolean;
    device?: () => boolean;
  } = {};
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: typeof captured.request) => (captured.request = handler),
    setPermissionCheckHandler: (handler: typeof captured.check) => (captured.check = handler),
    setDevicePermissionHandler: (handler: typeof captured.device) => (captured.device = handler),
    setCertificateVerifyProc: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  });
  return { session, captured };
}

function fakeItem() {
  const item = Object.assign(new EventEmitter(), {
    received: 0,
    paused: false,
    getFilename: () => '卷宗-张三.zip',
    getURL: () => 'http://127.0.0.1:45678/site/download/1',
    getTotalBytes: () => 2048,
    getReceivedBytes: vi.fn(() => item.received),
    isPaused: vi.fn(() => item.paused),
    // Records when the save path was set relative to begin() returning.
    setSavePath: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    cancel: vi.fn(),
  });
  return item;
}

function fakeDownloads() {
  const handle = {
    savePath: '/staging/abc/卷宗-张三.zip',
    progress: vi.fn<BrowserDownloadHandle['progress']>(),
    completed: vi.fn<BrowserDownloadHandle['completed']>(),
    interrupted: vi.fn<BrowserDownloadHandle['interrupted']>(),
    cancelled: vi.fn<BrowserDownloadHandle['cancelled']>(),
  };
  const downloads = { begin: vi.fn<BrowserDownloads['begin']>(() => handle) };
  return { handle, downloads };
}

const event = () => ({ preventDefault: vi.fn() }) as unknown as Event & { preventDefault: ReturnType<typeof vi.fn> };

describe('applyPortalSessionPolicy', () => {
  it('denies every permission the site asks or checks, and adds no CSP of the app', () => {
    const { session, captured } = fakeSession();
    applyPortalSessionPolicy(session as unknown as Session, () => undefined);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      captured.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(captured.check!()).toBe(false);
    expect(captured.device!()).toBe(false);
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    // Certificate errors are left to Chromium, which refuses the page.
    expect(session.setCertificateVerifyProc).not.toHaveBeenCalled();
  });

  it('hands each download to the downloads core has at that moment', () => {
    const { session } = fakeSession();
    const { downloads } = fakeDownloads();
    const core: { downloads?: typeof downloads } = {};
    applyPortalSessionPolicy(session as unknown as Session, () => core.downloads);
    const early = event();
    session.emit('will-download', early, fakeItem(), {});
    expect(early.preventDefault).toHaveBeenCalledOnce();
    core.downloads = downloads;
    const item = fakeItem();
    session.emit('will-download', event(), item, {});
    expect(downloads.begin).toHaveBeenCalledOnce();
    expect(item.setSavePath).toHaveBeenCalledWith('/staging/abc/卷宗-张三.zip');
  });
});

describe('handlePortalDownload', () => {
  it('asks core where to save and sets the path before returning, so no save dialog shows', () => {
    const { downloads } = fakeDownloads();
    const item = fakeItem();
    handlePortalDownload(event(), item as unknown as DownloadItem, downloads);
    expect(downloads.begin).toHaveBeenCalledWith({
      fileName: '卷宗-张三.zip',
      url: 'http://127.0.0.1:45678/site/download/1',
      total: 2048,
      controls: { pause: expect.any(Function), resume: expect.any(Function), cancel: expect.any(Function) },
    });
    expect(item.setSavePath).toHaveBeenCalledWith('/staging/abc/卷宗-张三.zip');
  });

  it("gives core the item's pause, resume and cancel", () => {
    const { downloads } = fakeDownloads();
    const item = fakeItem();
    handlePortalDownload(event(), item as unknown as DownloadItem, downloads);
    const { controls } = downloads.begin.mock.calls[0]![0];
    controls.pause();
    controls.resume();
    controls.cancel();
    expect(item.pause).toHaveBeenCalledOnce();
    expect(item.resume).toHaveBeenCalledOnce();
    expect(item.cancel).toHaveBeenCalledOnce();
  });

  it('reports progress with the paused state, then completion once', () => {
    const { downloads, handle } = fakeDownloads();
    const item = fakeItem();
    handlePortalDownload(event(), item as unknown as DownloadItem, downloads);
    item.received = 512;
    item.emit('updated', {}, 'progressing');
    item.received = 1024;
    item.paused = true;
    item.emit('updated', {}, 'progressing');
    expect(handle.progress.mock.calls).toEqual([
      [512, 2048, false],
      [1024, 2048, true],
    ]);
    item.emit('done', {}, 'completed');
    item.emit('done', {}, 'completed');
    expect(handle.completed).toHaveBeenCalledOnce();
    expect(handle.interrupted).not.toHaveBeenCalled();
    expect(handle.cancelled).not.toHaveBeenCalled();
  });

  it('maps an interrupted and a cancelled end', () => {
    const interrupted = fakeDownloads();
    const first = fakeItem();
    handlePortalDownload(event(), first as unknown as DownloadItem, interrupted.downloads);
    first.emit('done', {}, 'interrupted');
    expect(interrupted.handle.interrupted).toHaveBeenCalledWith(DOWNLOAD_INTERRUPTED);
    expect(interrupted.handle.completed).not.toHaveBeenCalled();

    const cancelled = fakeDownloads();
    const second = fakeItem();
    handlePortalDownload(event(), second as unknown as DownloadItem, cancelled.downloads);
    second.emit('done', {}, 'cancelled');
    expect(cancelled.handle.cancelled).toHaveBeenCalledOnce();
    expect(cancelled.handle.interrupted).not.toHaveBeenCalled();
  });

  it('cancels the download when core refuses it, without setting a path', () => {
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    const item = fakeItem();
    const downloads = {
      begin: vi.fn(() => {
        throw new Error('staging area full');
      }),
    };
    handlePortalDownload(event(), item as unknown as DownloadItem, downloads);
    expect(item.cancel).toHaveBeenCalledOnce();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(item.listenerCount('done')).toBe(0);
  });

  it('keeps reporting when a report throws', () => {
    const { downloads, handle } = fakeDownloads();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handle.progress.mockImplementationOnce(() => {
      throw new Error('gone');
    });
    const item = fakeItem();
    handlePortalDownload(event(), item as unknown as DownloadItem, downloads);
    expect(() => item.emit('updated', {}, 'progressing')).not.toThrow();
    item.emit('done', {}, 'completed');
    expect(handle.completed).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
