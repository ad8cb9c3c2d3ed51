/**
 * Electron main entry: lifecycle only. Registers the app:// scheme and the security policy,
 * chooses the portal, starts core, wires IPC, opens the window, and closes it all on quit.
 */
import { app, BrowserWindow, dialog, session, shell, systemPreferences } from 'electron';
import { createCore, defaultLibraryFolder } from '../core/index';
import type { Core } from '../core/core';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { preloadPath, rendererDir } from './paths';
import { choosePortal, type ChosenPortal } from './portal';
import { portalToolbarPreloadPath } from './portal-toolbar/preload-path';
import { PortalWindow } from './portal-window';
import { applySessionPolicy, hardenWebContents } from './security';
import { createMainWindow, focusWindow, WINDOW_TITLE } from './window';

const SHUTDOWN_TIMEOUT_MS = 5_000;

let core: Core | null = null;
let portal: ChosenPortal | null = null;
let portalWindow: PortalWindow | null = null;
let unregisterIpc: (() => void) | null = null;
let shutdownDone = false;

// A separate profile (tests, a second demo) may be chosen before anything reads userData.
const userDataOverride = process.env['DOSSIER_USER_DATA']?.trim();
if (userDataOverride) app.setPath('userData', userDataOverride);

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

function openWindow(): void {
  createMainWindow(preloadPath);
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: `关于${WINDOW_TITLE}`,
    message: WINDOW_TITLE,
    detail: `版本 ${app.getVersion()}`,
  });
}

/** 文件 ▸ 门户网站: core says which site (the real one, or the mock portal's), then opens it here. */
function openPortalSite(): void {
  void core?.api['portalSite.open']({}).catch(logError);
}

async function start(): Promise<void> {
  // The app's session only: the portal site's session has a policy of its own (no app CSP).
  applySessionPolicy(session.defaultSession);
  handleAppProtocol(rendererDir);
  portalWindow = new PortalWindow({ toolbarPreload: portalToolbarPreloadPath, downloads: () => core?.browserDownloads });
  installMenu({
    isDev: !app.isPackaged,
    isMac: process.platform === 'darwin',
    onAbout: showAbout,
    onOpenPortalSite: openPortalSite,
  });
  const userData = app.getPath('userData');
  portal = await choosePortal({ env: process.env, argv: process.argv, userDataDir: userData });
  core = await createCore({
    portalUrl: portal.url,
    dataDir: userData,
    appVersion: app.getVersion(),
    openPortalSite: (url) => portalWindow?.openSite(url) ?? Promise.resolve(),
    osDownloadsFolder: app.getPath('downloads'),
    // 卷宗库锁 by Touch ID where the Mac has it; Windows Hello has no Electron API (the passcode serves there).
    libraryOsUnlock: {
      available: async () => process.platform === 'darwin' && systemPreferences.canPromptTouchID(),
      prompt: (reason) => systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
    },
    // Documents as the OS knows it (it may be redirected or renamed), not ~/Documents.
    defaultLibraryFolder: defaultLibraryFolder(app.getPath('documents')),
    libraryHooks: {
      trashItem: (path) => shell.trashItem(path),
      revealItem: async (path) => shell.showItemInFolder(path),
      openItem: async (path) => {
        // openPath answers with an error message, empty when it opened.
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
    },
  });
  unregisterIpc = registerIpc(core);
  openWindow();
}

async function shutdown(): Promise<void> {
  unregisterIpc?.();
  unregisterIpc = null;
  portalWindow?.close();
  const closing = [core?.close(), portal?.close()].map((step) => Promise.resolve(step).catch(logError));
  core = null;
  portal = null;
  const timeout = new Promise<void>((done) => setTimeout(done, SHUTDOWN_TIMEOUT_MS).unref());
  await Promise.race([Promise.all(closing), timeout]);
}

function logError(error: unknown): void {
  console.error(error instanceof Error ? error.message : String(error));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('cn.dossierdesk.app');

  app.on('second-instance', () => {
    const [first] = BrowserWindow.getAllWindows();
    if (first) focusWindow(first);
  });

  // The app's contents may not navigate at all; the portal site's stay within the portal.
  app.on('web-contents-created', (_event, contents) =>
    portalWindow ? portalWindow.harden(contents) : hardenWebContents(contents),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Hold the quit until core and the embedded portal have closed (bounded by a timeout).
  app.on('will-quit', (event) => {
    if (shutdownDone) return;
    event.preventDefault();
    void shutdown().finally(() => {
      shutdownDone = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      dialog.showErrorBox(`${WINDOW_TITLE}无法启动`, error instanceof Error ? error.message : String(error));
      await shutdown();
      app.exit(1);
    });
}
