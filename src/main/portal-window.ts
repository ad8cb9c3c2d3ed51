/**
 * The 门户网站 window: the 12309 portal's own website (or the mock portal's /site/), for what the
 * app does not do itself. One window at a time, made of two views: the app's toolbar (后退 前进
 * 刷新, the address and its lock) and the portal site, remote content that gets none of the app's
 * powers (portal-window-policy.ts, portal-window-contents.ts, portal-window-session.ts).
 */
import {
  BaseWindow,
  session as electronSession,
  shell,
  WebContentsView,
  type Event,
  type Input,
  type Session,
  type WebContents,
  type WebFrameMain,
} from 'electron';
import type { BrowserDownloads } from '../core/browser-downloads';
import { hardenPortalContents } from './portal-window-contents';
import { isPortalUrl, PORTAL_PARTITION, portalWebPreferences } from './portal-window-policy';
import { applyPortalSessionPolicy } from './portal-window-session';
import {
  parseToolbarCommand,
  TOOLBAR_COMMAND_CHANNEL,
  TOOLBAR_HEIGHT,
  TOOLBAR_PAGE_URL,
  TOOLBAR_STATE_CHANNEL,
  type ToolbarState,
} from './portal-toolbar/toolbar-page';
import { LOCKED_DOWN_PREFERENCES } from './locked-down-preferences';
import { hardenWebContents, isExternalLinkAllowed } from './security';

export const PORTAL_WINDOW_TITLE = '门户网站';

export interface PortalWindowDeps {
  /** The built toolbar preload (out/preload/portal-toolbar.cjs). */
  toolbarPreload: string;
  /** Where the site's downloads go; read at each download, as core may not exist yet. */
  downloads: () => BrowserDownloads | undefined;
}

interface Open {
  window: BaseWindow;
  toolbar: WebContentsView;
  site: WebContentsView;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PortalWindow {
  private readonly session: Session;
  private current: Open | null = null;
  private portalUrl: string | null = null;

  /** Must be created once `app` is ready (it configures the portal session). */
  constructor(private readonly deps: PortalWindowDeps) {
    this.session = electronSession.fromPartition(PORTAL_PARTITION);
    applyPortalSessionPolicy(this.session, deps.downloads);
  }

  /** Shows `url` (an http(s) portal page); a second call focuses the window, moving to `url` if it is another portal. */
  open(url: string): void {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`Not a portal site URL: ${url}`);
    const open = this.current;
    if (open && !open.window.isDestroyed()) {
      if (this.portalUrl === null || !isPortalUrl(url, this.portalUrl)) {
        this.portalUrl = url;
        this.load(open.site.webContents, url);
      }
      if (open.window.isMinimized()) open.window.restore();
      open.window.show();
      open.window.focus();
      return;
    }
    this.portalUrl = url;
    this.current = this.create(url);
  }

  /** The host hook core's `portalSite.open` calls (CoreOptions.openPortalSite): {@link open}, as a promise. */
  readonly openSite = async (url: string): Promise<void> => this.open(url);

  close(): void {
    if (this.current && !this.current.window.isDestroyed()) this.current.window.close();
  }

  /**
   * The policy of a webContents just created: the portal's for the site's contents, the app's
   * (no navigation at all) for every other. Called from `web-contents-created`.
   */
  harden(contents: WebContents): void {
    if (contents.session === this.session) hardenPortalContents(contents, { portalUrl: () => this.portalUrl });
    else hardenWebContents(contents);
  }

  private create(url: string): Open {
    const window = new BaseWindow({ title: PORTAL_WINDOW_TITLE, width: 1280, height: 860, minWidth: 800, minHeight: 500 });
    const toolbar = new WebContentsView({
      webPreferences: {
        ...LOCKED_DOWN_PREFERENCES,
        preload: this.deps.toolbarPreload,
        spellcheck: false,
      },
    });
    const site = new WebContentsView({ webPreferences: portalWebPreferences() });
    window.contentView.addChildView(toolbar);
    window.contentView.addChildView(site);
    const layout = () => {
      const [width = 0, height = 0] = window.getContentSize();
      toolbar.setBounds({ x: 0, y: 0, width, height: TOOLBAR_HEIGHT });
      site.setBounds({ x: 0, y: TOOLBAR_HEIGHT, width, height: Math.max(0, height - TOOLBAR_HEIGHT) });
    };
    layout();
    window.on('resize', layout);

    const contents = site.webContents;
    const sendState = () => {
      if (toolbar.webContents.isDestroyed() || contents.isDestroyed()) return;
      const state: ToolbarState = {
        url: contents.getURL(),
        secure: contents.getURL().startsWith('https:'),
        canGoBack: contents.navigationHistory.canGoBack(),
        canGoForward: contents.navigationHistory.canGoForward(),
        loading: contents.isLoading(),
      };
      toolbar.webContents.send(TOOLBAR_STATE_CHANNEL, state);
      const title = contents.getTitle();
      window.setTitle(title && title !== state.url ? `${title} — ${PORTAL_WINDOW_TITLE}` : PORTAL_WINDOW_TITLE);
    };
    for (const name of ['did-navigate', 'did-navigate-in-page', 'did-start-loading', 'did-stop-loading', 'page-title-updated'] as const) {
      contents.on(name as 'did-stop-loading', sendState);
    }
    toolbar.webContents.on('did-finish-load', sendState);

    // Only the toolbar's own main frame is heard; the site has no preload and no channel to main.
    toolbar.webContents.ipc.on(TOOLBAR_COMMAND_CHANNEL, (event, input: unknown) => {
      if (!isMainFrame(event.senderFrame, toolbar.webContents)) return;
      const command = parseToolbarCommand(input);
      if (command) this.run(contents, command.command, command.command === 'go' ? command.url : '');
    });
    const keys = (event: Event, input: Input) => {
      const command = shortcut(input);
      if (!command) return;
      event.preventDefault();
      this.run(contents, command, '');
    };
    contents.on('before-input-event', keys);
    toolbar.webContents.on('before-input-event', keys);

    window.on('closed', () => {
      // A BaseWindow does not close its views' contents.
      for (const view of [site, toolbar]) if (!view.webContents.isDestroyed()) view.webContents.close();
      if (this.current?.window === window) this.current = null;
    });
    void toolbar.webContents.loadURL(TOOLBAR_PAGE_URL).catch((error: unknown) => {
      console.error('Could not load the portal toolbar:', describe(error));
    });
    this.load(contents, url);
    return { window, toolbar, site };
  }

  private run(contents: WebContents, command: 'back' | 'forward' | 'reload' | 'go', url: string): void {
    if (contents.isDestroyed()) return;
    if (command === 'back' && contents.navigationHistory.canGoBack()) contents.navigationHistory.goBack();
    else if (command === 'forward' && contents.navigationHistory.canGoForward()) contents.navigationHistory.goForward();
    else if (command === 'reload') contents.reload();
    else if (command === 'go') this.go(contents, url);
  }

  /** The address field: a portal page is shown here, an https page elsewhere opens in the system browser. */
  private go(contents: WebContents, typed: string): void {
    let url: string;
    try {
      url = new URL(typed).toString();
    } catch {
      return;
    }
    if (this.portalUrl !== null && isPortalUrl(url, this.portalUrl)) this.load(contents, url);
    else if (isExternalLinkAllowed(url)) void shell.openExternal(url).catch(() => undefined);
  }

  private load(contents: WebContents, url: string): void {
    // A page that fails to load shows Chromium's error page; the toolbar still shows where.
    void contents.loadURL(url).catch((error: unknown) => console.error('Could not load the portal site:', describe(error)));
  }
}

function isMainFrame(frame: WebFrameMain | null, contents: WebContents): boolean {
  if (!frame || contents.isDestroyed()) return false;
  const main = contents.mainFrame;
  return frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
}

/** Alt+← 后退, Alt+→ 前进, F5 (or Ctrl/Cmd+R) 刷新. */
export function shortcut(input: Pick<Input, 'type' | 'key' | 'alt' | 'control' | 'meta' | 'shift'>): 'back' | 'forward' | 'reload' | null {
  if (input.type !== 'keyDown') return null;
  if (input.alt && !input.control && !input.meta && input.key === 'ArrowLeft') return 'back';
  if (input.alt && !input.control && !input.meta && input.key === 'ArrowRight') return 'forward';
  if (input.key === 'F5' || ((input.control || input.meta) && !input.alt && input.key.toLowerCase() === 'r')) return 'reload';
  return null;
}
