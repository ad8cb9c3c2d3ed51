/**
 * The policy of every webContents showing the portal site (its main view and the popups it opens):
 * top-level navigation and popups stay within the portal's origins, anything else is opened in the
 * system browser (https only) and refused here; no webviews.
 */
import { shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { isPortalUrl, portalWebPreferences } from './portal-window-policy';
import { isExternalLinkAllowed } from './security';

export interface PortalContentsPolicy {
  /** The portal being shown (its origins are the allowed ones), or null to allow nothing. */
  portalUrl(): string | null;
}

// Listeners are added once per webContents, however it was reached (created, or a popup).
const hardened = new WeakSet<WebContents>();

/** Popups of the portal: plain windows with the same isolation, in the same session. */
export function portalPopupOptions(): BrowserWindowConstructorOptions {
  return { width: 1024, height: 760, autoHideMenuBar: true, webPreferences: portalWebPreferences() };
}

function openOutside(url: string): void {
  if (isExternalLinkAllowed(url)) void shell.openExternal(url).catch(() => undefined);
}

export function hardenPortalContents(contents: WebContents, policy: PortalContentsPolicy): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const allowed = (url: string) => {
    const portal = policy.portalUrl();
    return portal !== null && isPortalUrl(url, portal);
  };
  contents.on('will-navigate', (event, url) => {
    if (allowed(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url, _isInPlace, isMainFrame) => {
    if (!isMainFrame || allowed(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (allowed(url)) return { action: 'allow', overrideBrowserWindowOptions: portalPopupOptions() };
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('did-create-window', (child) => hardenPortalContents(child.webContents, policy));
}
