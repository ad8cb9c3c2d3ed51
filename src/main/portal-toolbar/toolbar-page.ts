/**
 * The 门户网站 window's toolbar: a static page with no script of its own (its CSP allows none); its
 * buttons and address field are wired by the toolbar preload, which speaks to main over the two
 * channels below and exposes nothing to the page.
 */

/** Toolbar → main: one command ({@link ToolbarCommand}). */
export const TOOLBAR_COMMAND_CHANNEL = 'portal-toolbar:command';
/** Main → toolbar: where the portal view is ({@link ToolbarState}). */
export const TOOLBAR_STATE_CHANNEL = 'portal-toolbar:state';

export type ToolbarCommand =
  | { command: 'back' | 'forward' | 'reload' }
  | { command: 'go'; url: string };

export interface ToolbarState {
  url: string;
  /** https: shows the lock; anything else the 不安全 warning. */
  secure: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  loading: boolean;
}

/** Height of the toolbar view, in DIPs. */
export const TOOLBAR_HEIGHT = 40;

/** A command as it arrives from the toolbar, or null when it is not one. */
export function parseToolbarCommand(input: unknown): ToolbarCommand | null {
  if (typeof input !== 'object' || input === null) return null;
  const { command, url } = input as { command?: unknown; url?: unknown };
  if (command === 'back' || command === 'forward' || command === 'reload') return { command };
  if (command === 'go' && typeof url === 'string' && url.length <= 4096) return { command, url };
  return null;
}

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>门户网站</title>
<style>
  html, body { margin: 0; height: 100%; overflow: hidden; font: 13px system-ui, sans-serif; background: #f5f5f5; }
  form { display: flex; align-items: center; gap: 4px; height: 100%; padding: 0 8px; box-sizing: border-box; border-bottom: 1px solid #d9d9d9; }
  button { height: 28px; padding: 0 10px; border: 1px solid #d9d9d9; border-radius: 4px; background: #fff; cursor: pointer; }
  button:disabled { color: #bfbfbf; cursor: default; }
  #lock { padding: 0 6px; white-space: nowrap; }
  #lock.secure { color: #389e0d; }
  #lock.insecure { color: #d4380d; }
  #address { flex: 1; height: 28px; padding: 0 8px; border: 1px solid #d9d9d9; border-radius: 4px; font: inherit; }
</style>
</head>
<body>
<form id="bar" autocomplete="off">
  <button type="button" id="back" title="后退 (Alt+←)" disabled>后退</button>
  <button type="button" id="forward" title="前进 (Alt+→)" disabled>前进</button>
  <button type="button" id="reload" title="刷新 (F5)">刷新</button>
  <span id="lock" role="status"></span>
  <input id="address" aria-label="地址" spellcheck="false">
</form>
</body>
</html>`;

/** The toolbar page, loaded from a data: URL (no file or protocol to serve). */
export const TOOLBAR_PAGE_URL = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
