import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { callNames, ipcChannel } from '../shared/contract';

const mocks = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const windows: Array<InstanceType<typeof EventEmitter> & Record<string, ReturnType<typeof vi.fn>>> = [];
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = vi.fn(() => false);
    constructor(readonly options: unknown) {
      super();
      windows.push(this as never);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => (name === 'documents' ? '/home/lawyer/文档' : '/user-data')),
    getVersion: vi.fn(() => '9.9.9'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const handlers = new Map<string, unknown>();
  const core = { api: {}, on: vi.fn(() => () => undefined), close: vi.fn(async () => undefined) };
  const portal = { url: 'http://127.0.0.1:45678', close: vi.fn(async () => undefined) };
  return {
    windows,
    handlers,
    core,
    portal,
    createCore: vi.fn(async () => core),
    startMockPortal: vi.fn(async () => portal),
    electron: {
      app,
      BrowserWindow,
      ipcMain: {
        handle: vi.fn((channel: string, handler: unknown) => handlers.set(channel, handler)),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
      shell: { openExternal: vi.fn(), openPath: vi.fn(async (path: string) => (path.endsWith('.none') ? 'No application is associated' : '')) },
    },
  };
});
vi.mock('electron', () => mocks.electron);
vi.mock('../core/index', () => ({ createCore: mocks.createCore, defaultLibraryFolder: (documents: string) => `${documents}/卷宗台` }));
vi.mock('../mock-portal/index', () => ({ startMockPortal: mocks.startMockPortal }));

const { app, protocol } = mocks.electron;

// Vitest clears mock calls before each test, so the start-up is imported and checked in one test.
describe('main entry', () => {
  it('registers the scheme and sandbox before ready, then starts portal and core on userData, wires IPC, opens the window', async () => {
    vi.stubEnv('DOSSIER_PORTAL_URL', '');
    await import('./index');
    await vi.waitFor(() => expect(mocks.windows).toHaveLength(1));

    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(mocks.startMockPortal).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: join('/user-data', 'mock-portal') }),
    );
    expect(mocks.createCore).toHaveBeenCalledWith({
      portalUrl: 'http://127.0.0.1:45678',
      dataDir: '/user-data',
      appVersion: '9.9.9',
      defaultLibraryFolder: '/home/lawyer/文档/卷宗台',
      libraryHooks: { trashItem: expect.any(Function), revealItem: expect.any(Function), openItem: expect.any(Function) },
    });
    // A dossier file opens with the OS's app through shell.openPath; its error message becomes a failure.
    const [[{ libraryHooks }]] = mocks.createCore.mock.calls as unknown as [[{ libraryHooks: { openItem: (path: string) => Promise<void> } }]];
    await libraryHooks.openItem('/library/卷/说明.txt');
    expect(mocks.electron.shell.openPath).toHaveBeenCalledWith('/library/卷/说明.txt');
    await expect(libraryHooks.openItem('/library/卷/x.none')).rejects.toThrow('No application is associated');
    expect([...mocks.handlers.keys()].sort()).toEqual(callNames.map((name) => ipcChannel.call(name)).sort());
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mocks.windows[0]!.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    // Every permission of the default session is denied, and the menu's 关于卷宗台 opens the native box.
    expect(mocks.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const [[template]] = mocks.electron.Menu.setApplicationMenu.mock.calls as unknown as [[MenuItemConstructorOptions[]]];
    const help = template.find((item) => item.label === '帮助')!.submenu as MenuItemConstructorOptions[];
    help.find((item) => item.label === '关于卷宗台')!.click!({} as never, undefined, {} as never);
    expect(mocks.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: '关于卷宗台', message: '卷宗台', detail: '版本 9.9.9' }),
    );
  });

  it('focuses the first window when a second instance starts', () => {
    const [first] = mocks.windows;
    first!.isMinimized!.mockReturnValueOnce(true);
    app.emit('second-instance');
    expect(first!.restore).toHaveBeenCalledOnce();
    expect(first!.focus).toHaveBeenCalledOnce();
  });

  it('hardens every webContents created', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.on.mock.calls.map(([name]) => name)).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('holds the quit until core and the embedded portal have closed', async () => {
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(mocks.core.close).toHaveBeenCalledOnce();
    expect(mocks.portal.close).toHaveBeenCalledOnce();
    expect(mocks.handlers.size).toBe(0);
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
