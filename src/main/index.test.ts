import { EventEmitter } from 'node:events';
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
  // The 门户网站 window: a BaseWindow holding two views, the site's in its own session.
  const baseWindows: Array<InstanceType<typeof EventEmitter> & Record<string, ReturnType<typeof vi.fn>>> = [];
  class BaseWindow extends EventEmitter {
    contentView = { addChildView: vi.fn() };
    getContentSize = vi.fn(() => [800, 600]);
    setMenuBarVisibility = vi.fn();
    setTitle = vi.fn();
    isDestroyed = vi.fn(() => false);
    isMinimized = vi.fn(() => false);
    show = vi.fn();
    focus = vi.fn();
    close = vi.fn();
    constructor(readonly options: unknown) {
      super();
      baseWindows.push(this as never);
    }
  }
  const portalSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  });
  const views: Array<{ webContents: { loadURL: ReturnType<typeof vi.fn> }; options: { webPreferences: { partition?: string } } }> = [];
  class WebContentsView {
    setBounds = vi.fn();
    webContents: InstanceType<typeof EventEmitter> & { loadURL: ReturnType<typeof vi.fn> };
    constructor(readonly options: { webPreferences: { partition?: string } }) {
      this.webContents = Object.assign(new EventEmitter(), {
        session: options.webPreferences.partition === 'persist:portal-site' ? portalSession : defaultSession,
        ipc: new EventEmitter(),
        loadURL: vi.fn(async () => undefined),
        isDestroyed: () => false,
        close: vi.fn(),
      });
      views.push(this);
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => ({ documents: '/home/lawyer/文档', downloads: '/home/lawyer/下载' })[name] ?? '/user-data'),
    getVersion: vi.fn(() => '9.9.9'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const handlers = new Map<string, unknown>();
  const portal = { url: 'http://127.0.0.1:45678', close: vi.fn(async () => undefined) };
  // Core decides which site 门户网站 shows (here the mock portal's) and hands it to the host's hook.
  let openPortalSite: ((url: string) => Promise<void>) | undefined;
  const core = {
    api: {
      'portalSite.open': vi.fn(async () => {
        const url = `${portal.url}/site/`;
        await openPortalSite?.(url);
        return { url, opened: openPortalSite !== undefined };
      }),
    },
    on: vi.fn(() => () => undefined),
    close: vi.fn(async () => undefined),
  };
  return {
    windows,
    baseWindows,
    views,
    portalSession,
    handlers,
    core,
    portal,
    createCore: vi.fn(async (options: { openPortalSite?: (url: string) => Promise<void> }) => {
      openPortalSite = options.openPortalSite;
      return core;
    }),
    startMockPortal: vi.fn(async () => portal),
    electron: {
      app,
      BrowserWindow,
      BaseWindow,
      WebContentsView,
      ipcMain: {
        handle: vi.fn((channel: string, handler: unknown) => handlers.set(channel, handler)),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession,
        fromPartition: vi.fn((partition: string) => (partition === 'persist:portal-site' ? portalSession : null)),
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
      systemPreferences: { canPromptTouchID: vi.fn(() => true), promptTouchID: vi.fn(async () => undefined) },
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
      openPortalSite: expect.any(Function),
      // 下载文件夹 starts from the Downloads folder as the OS names it.
      osDownloadsFolder: '/home/lawyer/下载',
      libraryOsUnlock: { available: expect.any(Function), prompt: expect.any(Function) },
    });
    // 卷宗库锁's OS check is Touch ID on a Mac only; a cancelled prompt is no unlock.
    const [[{ libraryOsUnlock }]] = mocks.createCore.mock.calls as unknown as [[{ libraryOsUnlock: { available(): Promise<boolean>; prompt(reason: string): Promise<boolean> } }]];
    expect(await libraryOsUnlock.available()).toBe(process.platform === 'darwin');
    expect(await libraryOsUnlock.prompt('解锁卷宗库')).toBe(true);
    mocks.electron.systemPreferences.promptTouchID.mockRejectedValueOnce(new Error('cancelled'));
    expect(await libraryOsUnlock.prompt('解锁卷宗库')).toBe(false);
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
    // The portal site's session denies every permission too, and gets no app CSP.
    expect(mocks.portalSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(mocks.portalSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    expect(mocks.electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    const [[template]] = mocks.electron.Menu.setApplicationMenu.mock.calls as unknown as [[MenuItemConstructorOptions[]]];
    const help = template.find((item) => item.label === '帮助')!.submenu as MenuItemConstructorOptions[];
    help.find((item) => item.label === '关于卷宗台')!.click!({} as never, undefined, {} as never);
    expect(mocks.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: '关于卷宗台', message: '卷宗台', detail: '版本 9.9.9' }),
    );
    // 文件 ▸ 门户网站 opens the mock portal's site in one window; again, it only comes to the front.
    const file = template.find((item) => item.label === '文件')!.submenu as MenuItemConstructorOptions[];
    const portalSite = file.find((item) => item.label === '门户网站')!;
    portalSite.click!({} as never, undefined, {} as never);
    await vi.waitFor(() => expect(mocks.baseWindows).toHaveLength(1));
    portalSite.click!({} as never, undefined, {} as never);
    await vi.waitFor(() => expect(mocks.baseWindows[0]!.focus).toHaveBeenCalledOnce());
    expect(mocks.baseWindows).toHaveLength(1);
    const site = mocks.views.find((view) => view.options.webPreferences.partition === 'persist:portal-site')!;
    expect(site.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:45678/site/');
  });

  it('focuses the first window when a second instance starts', () => {
    const [first] = mocks.windows;
    first!.isMinimized!.mockReturnValueOnce(true);
    app.emit('second-instance');
    expect(first!.restore).toHaveBeenCalledOnce();
    expect(first!.focus).toHaveBeenCalledOnce();
  });

  it("keeps every app webContents from navigating, and gives the portal site's contents the portal policy", () => {
    const created = (session: unknown) => {
      const contents = Object.assign(new EventEmitter(), { session, setWindowOpenHandler: vi.fn() });
      app.emit('web-contents-created', {}, contents);
      return contents;
    };
    const navigates = (contents: InstanceType<typeof EventEmitter>, url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length === 0;
    };
    const appContents = created(mocks.electron.session.defaultSession);
    expect(appContents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(appContents.eventNames()).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(navigates(appContents, 'http://127.0.0.1:45678/site/')).toBe(false);
    expect(navigates(appContents, 'app://renderer/other.html')).toBe(false);

    // The portal site opened by the first test is the one its contents may navigate in.
    const portalContents = created(mocks.portalSession);
    expect(navigates(portalContents, 'http://127.0.0.1:45678/site/login')).toBe(true);
    expect(navigates(portalContents, 'http://127.0.0.1:9/')).toBe(false);
    // The app window's policy did not change with it.
    expect(navigates(created(mocks.electron.session.defaultSession), 'http://127.0.0.1:45678/site/login')).toBe(false);
  });

  it('holds the quit until core and the embedded portal have closed', async () => {
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(mocks.core.close).toHaveBeenCalledOnce();
    expect(mocks.portal.close).toHaveBeenCalledOnce();
    expect(mocks.baseWindows[0]!.close).toHaveBeenCalledOnce();
    expect(mocks.handlers.size).toBe(0);
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
