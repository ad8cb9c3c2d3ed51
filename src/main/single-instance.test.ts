/**
 * A second launch (same profile) must not start a second core on the same data: it loses the
 * single-instance lock and quits at once; the first instance comes to the front (index.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';

const mocks = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const BrowserWindow = vi.fn();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => false),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn(() => '/user-data'),
    quit: vi.fn(),
  });
  return {
    createCore: vi.fn(),
    startMockPortal: vi.fn(),
    electron: {
      app,
      BrowserWindow: Object.assign(BrowserWindow, { getAllWindows: () => [] }),
      ipcMain: { handle: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {},
      Menu: {},
      dialog: {},
      shell: {},
    },
  };
});
vi.mock('electron', () => mocks.electron);
vi.mock('../core/index', () => ({ createCore: mocks.createCore, defaultLibraryFolder: () => '' }));
vi.mock('../mock-portal/index', () => ({ startMockPortal: mocks.startMockPortal }));

describe('a second instance', () => {
  it('quits without waiting for ready, starting no portal, core, IPC or window', async () => {
    await import('./index');
    const { app, ipcMain, BrowserWindow } = mocks.electron;
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(mocks.startMockPortal).not.toHaveBeenCalled();
    expect(mocks.createCore).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
    expect(BrowserWindow).not.toHaveBeenCalled();
  });
});
