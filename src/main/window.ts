/** The app window: sandboxed, isolated, shown once its first paint is ready. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { RENDERER_URL } from './app-protocol';
import { LOCKED_DOWN_PREFERENCES } from './locked-down-preferences';

export const WINDOW_TITLE = '卷宗台';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...LOCKED_DOWN_PREFERENCES,
      preload: preloadPath,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL).catch((error: unknown) => {
    console.error('Could not load the app window:', error instanceof Error ? error.message : String(error));
  });
  return window;
}

/** Brings an existing window to the front (a second launch of the app lands here). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
