import type { WebPreferences } from 'electron';

/**
 * What every webContents of the app runs with, remote or not: sandboxed and isolated, no Node anywhere,
 * the same-origin policy kept, no webviews, no navigation by dropping a file. Each window adds its own
 * preload or partition.
 */
export const LOCKED_DOWN_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;
