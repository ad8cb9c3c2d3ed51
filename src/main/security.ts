/**
 * The security policy of every app window: a strict CSP, no navigation away from the app, no new
 * windows, no webviews, no permissions. Applied per session and to every webContents created
 * (the 门户网站 window's contents get their own policy: portal-window-contents.ts).
 */
import { shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/renderer-assets';

/** The renderer's CSP: the same policy the web host serves. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Only https links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** No camera, microphone, location, notifications, devices or anything else, asked or checked. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Denies every permission and adds the CSP to every response the session sees. */
export function applySessionPolicy(session: Session): void {
  denyAllPermissions(session);
  // The app:// handler sets the CSP itself; this covers any response that does not.
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
}

/** Keeps a webContents on the app: no navigation, no redirects, no popups, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
