import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';

const mocks = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');

  class FakeSession extends EventEmitter {
    setPermissionRequestHandler = vi.fn();
    setPermissionCheckHandler = vi.fn();
    setDevicePermissionHandler = vi.fn();
    setCertificateVerifyProc = vi.fn();
    webRequest = { onHeadersReceived: vi.fn() };
  }
  const sessions = new Map<string, FakeSession>();
  const defaultSession = new FakeSession();

  class FakeContents extends EventEmitter {
    url = '';
    title = '';
    loading = false;
    destroyed = false;
    back = false;
    forwardable = false;
    mainFrame = { processId: 3, routingId: 1 };
    ipc = new EventEmitter();
    send = vi.fn();
    loadURL = vi.fn(async (url: string) => {
      this.url = url;
    });
    reload = vi.fn();
    close = vi.fn(() => (this.destroyed = true));
    setWindowOpenHandler = vi.fn();
    navigationHistory = {
      canGoBack: () => this.back,
      canGoForward: () => this.forwardable,
      goBack: vi.fn(),
      goForward: vi.fn(),
    };
    constructor(readonly session: FakeSession) {
      super();
    }
    getURL = () => this.url;
    getTitle = () => this.title;
    isLoading = () => this.loading;
    isDestroyed = () => this.destroyed;
  }

  const views: FakeView[] = [];
  class FakeView {
    webContents: FakeContents;
    setBounds = vi.fn();
    constructor(readonly options: { webPreferences: { partition?: string } }) {
      const partition = options.webPreferences.partition;
      this.webContents = new FakeContents(partition ? sessions.get(partition)! : defaultSession);
      views.push(this);
    }
  }

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    children: FakeView[] = [];
    contentView = { addChildView: vi.fn((view: FakeView) => this.children.push(view)) };
    destroyed = false;
    minimized = false;
    title = '';
    getContentSize = () => [1000, 700];
    setMenuBarVisibility = vi.fn();
    setTitle = vi.fn((title: string) => (this.title = title));
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    close = vi.fn(() => {
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
  }

  const app = Object.assign(new EventEmitter(), { on: vi.fn() });
  return {
    views,
    windows,
    defaultSession,
    sessions,
    FakeContents,
    FakeSession,
    electron: {
      app,
      BaseWindow: FakeWindow,
      WebContentsView: FakeView,
      shell: { openExternal: vi.fn(async () => undefined) },
      session: {
        defaultSession,
        fromPartition: vi.fn((partition: string) => {
          if (!sessions.has(partition)) sessions.set(partition, new FakeSession());
          return sessions.get(partition)!;
        }),
      },
    },
  };
});
vi.mock('electron', () => mocks.electron);

import { PortalWindow, shortcut } from './portal-window';
import { TOOLBAR_COMMAND_CHANNEL, TOOLBAR_HEIGHT, TOOLBAR_PAGE_URL, TOOLBAR_STATE_CHANNEL } from './portal-toolbar/toolbar-page';
import { portalWebPreferences } from './portal-window-policy';

type Contents = InstanceType<typeof mocks.FakeContents>;
const mock = 'http://127.0.0.1:45678/site/';

function setUp() {
  const downloads = { begin: vi.fn() };
  const portalWindow = new PortalWindow({ toolbarPreload: '/app/out/preload/portal-toolbar.cjs', downloads: () => downloads });
  return { portalWindow, downloads };
}

function opened() {
  const window = mocks.windows.at(-1)!;
  const [toolbar, site] = window.children as unknown as [{ webContents: Contents; options: { webPreferences: Record<string, unknown> }; setBounds: ReturnType<typeof vi.fn> }, { webContents: Contents; options: { webPreferences: Record<string, unknown> }; setBounds: ReturnType<typeof vi.fn> }];
  return { window, toolbar, site };
}

function command(toolbar: Contents, input: unknown, frame: unknown = toolbar.mainFrame) {
  toolbar.ipc.emit(TOOLBAR_COMMAND_CHANNEL, { senderFrame: frame }, input);
}

beforeEach(() => {
  mocks.windows.length = 0;
  mocks.views.length = 0;
  mocks.sessions.clear();
  mocks.electron.shell.openExternal.mockClear();
});

describe('PortalWindow', () => {
  it('gives its session every permission denied, its downloads to core, and none of the app CSP', () => {
    setUp();
    const portalSession = mocks.sessions.get('persist:portal-site')!;
    expect(portalSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const callback = vi.fn();
    portalSession.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(portalSession.listenerCount('will-download')).toBe(1);
    expect(portalSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    // Nothing is configured on the app's session.
    expect(mocks.defaultSession.setPermissionRequestHandler).not.toHaveBeenCalled();
    expect(mocks.defaultSession.listenerCount('will-download')).toBe(0);
  });

  it('shows the site in a remote view of its own session under a toolbar view with its own preload', () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const { window, toolbar, site } = opened();
    expect(mocks.windows).toHaveLength(1);
    expect(window.options).toMatchObject({ title: '门户网站' });
    expect(site.options.webPreferences).toEqual(portalWebPreferences());
    expect(site.webContents.session).toBe(mocks.sessions.get('persist:portal-site'));
    expect(site.webContents.loadURL).toHaveBeenCalledWith(mock);
    expect(toolbar.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/portal-toolbar.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(toolbar.options.webPreferences).not.toHaveProperty('partition');
    expect(toolbar.webContents.session).toBe(mocks.defaultSession);
    expect(toolbar.webContents.loadURL).toHaveBeenCalledWith(TOOLBAR_PAGE_URL);
    expect(toolbar.setBounds).toHaveBeenLastCalledWith({ x: 0, y: 0, width: 1000, height: TOOLBAR_HEIGHT });
    expect(site.setBounds).toHaveBeenLastCalledWith({ x: 0, y: TOOLBAR_HEIGHT, width: 1000, height: 700 - TOOLBAR_HEIGHT });
  });

  it('refuses a URL that is not http(s)', () => {
    const { portalWindow } = setUp();
    expect(() => portalWindow.open('file:///etc/passwd')).toThrow(/Not a portal site URL/);
    expect(() => portalWindow.open('app://renderer/index.html')).toThrow(/Not a portal site URL/);
    expect(mocks.windows).toHaveLength(0);
  });

  it('keeps one window: opening again focuses it, moving only to another portal', () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const { window, site } = opened();
    window.minimized = true;
    portalWindow.open('http://127.0.0.1:45678/site/login');
    expect(mocks.windows).toHaveLength(1);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(site.webContents.loadURL).toHaveBeenCalledOnce();

    portalWindow.open('https://www.12309.gov.cn/');
    expect(mocks.windows).toHaveLength(1);
    expect(site.webContents.loadURL).toHaveBeenLastCalledWith('https://www.12309.gov.cn/');
    // The new portal's origins are now the allowed ones.
    const child = new mocks.FakeContents(mocks.sessions.get('persist:portal-site')!);
    portalWindow.harden(child as unknown as WebContents);
    const event = { preventDefault: vi.fn() };
    child.emit('will-navigate', event, 'http://127.0.0.1:45678/site/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('opens a new window once the last one was closed, closing its views', () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const first = opened();
    portalWindow.close();
    expect(first.site.webContents.close).toHaveBeenCalledOnce();
    expect(first.toolbar.webContents.close).toHaveBeenCalledOnce();
    portalWindow.open(mock);
    expect(mocks.windows).toHaveLength(2);
  });

  it('keeps the toolbar told where the site is, and titles the window after the page', () => {
    const { portalWindow } = setUp();
    portalWindow.open('https://www.12309.gov.cn/');
    const { window, toolbar, site } = opened();
    site.webContents.url = 'https://www.12309.gov.cn/lawyer';
    site.webContents.title = '律师服务平台';
    site.webContents.back = true;
    site.webContents.emit('did-navigate');
    expect(toolbar.webContents.send).toHaveBeenLastCalledWith(TOOLBAR_STATE_CHANNEL, {
      url: 'https://www.12309.gov.cn/lawyer',
      secure: true,
      canGoBack: true,
      canGoForward: false,
      loading: false,
    });
    expect(window.title).toBe('律师服务平台 — 门户网站');
    site.webContents.url = 'http://127.0.0.1:45678/site/';
    site.webContents.loading = true;
    site.webContents.emit('did-start-loading');
    expect(toolbar.webContents.send).toHaveBeenLastCalledWith(
      TOOLBAR_STATE_CHANNEL,
      expect.objectContaining({ secure: false, loading: true }),
    );
  });

  it("runs the toolbar's 后退 前进 刷新, from the toolbar's own frame only", () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const { toolbar, site } = opened();
    const history = site.webContents.navigationHistory;
    command(toolbar.webContents, { command: 'back' });
    expect(history.goBack).not.toHaveBeenCalled();
    site.webContents.back = true;
    site.webContents.forwardable = true;
    command(toolbar.webContents, { command: 'back' });
    command(toolbar.webContents, { command: 'forward' });
    command(toolbar.webContents, { command: 'reload' });
    expect(history.goBack).toHaveBeenCalledOnce();
    expect(history.goForward).toHaveBeenCalledOnce();
    expect(site.webContents.reload).toHaveBeenCalledOnce();

    command(toolbar.webContents, { command: 'reload' }, { processId: 3, routingId: 2 });
    command(toolbar.webContents, { command: 'reload' }, null);
    command(toolbar.webContents, { command: 'evaluate', code: '1' });
    command(toolbar.webContents, 'reload');
    expect(site.webContents.reload).toHaveBeenCalledOnce();
  });

  it("loads a typed portal address, sends an https one to the system browser, ignores the rest", () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const { toolbar, site } = opened();
    command(toolbar.webContents, { command: 'go', url: 'http://127.0.0.1:45678/site/yuyue' });
    expect(site.webContents.loadURL).toHaveBeenLastCalledWith('http://127.0.0.1:45678/site/yuyue');
    command(toolbar.webContents, { command: 'go', url: 'https://www.court.gov.cn/' });
    expect(mocks.electron.shell.openExternal).toHaveBeenCalledWith('https://www.court.gov.cn/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://example.com/']) {
      command(toolbar.webContents, { command: 'go', url });
    }
    expect(site.webContents.loadURL).toHaveBeenCalledTimes(2);
    expect(mocks.electron.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('answers Alt+← Alt+→ F5 in both views', () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const { toolbar, site } = opened();
    const event = { preventDefault: vi.fn() };
    site.webContents.emit('before-input-event', event, { type: 'keyDown', key: 'F5' });
    toolbar.webContents.emit('before-input-event', event, { type: 'keyDown', key: 'F5' });
    expect(site.webContents.reload).toHaveBeenCalledTimes(2);
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    site.webContents.emit('before-input-event', event, { type: 'keyDown', key: 'a' });
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
  });

  it("applies the portal's policy to the portal session's contents and the app's to all others", () => {
    const { portalWindow } = setUp();
    portalWindow.open(mock);
    const appContents = new mocks.FakeContents(mocks.defaultSession);
    const portalContents = new mocks.FakeContents(mocks.sessions.get('persist:portal-site')!);
    portalWindow.harden(appContents as unknown as WebContents);
    portalWindow.harden(portalContents as unknown as WebContents);
    const navigate = (contents: Contents, url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    // The app window still navigates nowhere, not even to the portal.
    expect(navigate(appContents, 'http://127.0.0.1:45678/site/login')).toBe(true);
    expect(navigate(portalContents, 'http://127.0.0.1:45678/site/login')).toBe(false);
    const [[appOpen]] = appContents.setWindowOpenHandler.mock.calls as [[(d: { url: string }) => { action: string }]];
    expect(appOpen({ url: 'http://127.0.0.1:45678/site/' })).toEqual({ action: 'deny' });
    const [[portalOpen]] = portalContents.setWindowOpenHandler.mock.calls as [[(d: { url: string }) => { action: string }]];
    expect(portalOpen({ url: 'http://127.0.0.1:45678/site/' })).toMatchObject({ action: 'allow' });
  });

  it('never overrides a certificate error: no handler anywhere in main accepts one', () => {
    const { portalWindow } = setUp();
    portalWindow.open('https://www.12309.gov.cn/');
    const { site } = opened();
    expect(site.webContents.listenerCount('certificate-error')).toBe(0);
    expect(mocks.electron.app.on).not.toHaveBeenCalledWith('certificate-error', expect.anything());
    expect(mocks.sessions.get('persist:portal-site')!.setCertificateVerifyProc).not.toHaveBeenCalled();
    // Nor does any other file of the main process register one.
    const sources = readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    for (const file of sources) {
      const source = readFileSync(join(import.meta.dirname, file), 'utf8');
      expect(source, file).not.toMatch(/certificate-error|setCertificateVerifyProc|ignore-certificate-errors/);
    }
  });
});

describe('shortcut', () => {
  it('maps Alt+Left, Alt+Right, F5 and Ctrl+R, on key down only', () => {
    const key = (key: string, modifiers: { alt?: boolean; control?: boolean; meta?: boolean } = {}) =>
      shortcut({ type: 'keyDown', key, alt: false, control: false, meta: false, shift: false, ...modifiers });
    expect(key('ArrowLeft', { alt: true })).toBe('back');
    expect(key('ArrowRight', { alt: true })).toBe('forward');
    expect(key('F5')).toBe('reload');
    expect(key('r', { control: true })).toBe('reload');
    expect(key('ArrowLeft')).toBeNull();
    expect(key('r')).toBeNull();
    expect(shortcut({ type: 'keyUp', key: 'F5', alt: false, control: false, meta: false, shift: false })).toBeNull();
  });
});
