import type { Readable } from 'node:stream';
import type { DossierApi, EventSource } from '../shared/contract';
import type { BrowserDownloads } from './browser-downloads';
import type { OsUnlock } from './library-lock';
import type { LibraryHooks } from './open-library';

export interface CoreOptions {
  /** Base URL of the 12309 portal (the bundled mock portal's URL by default). */
  portalUrl: string;
  /** Folder for the app's own state (settings); created when missing. */
  dataDir: string;
  appVersion: string;
  /**
   * Where secrets go. `keychain` (the default) uses the OS keychain through keytar and falls back
   * to memory, telling the user once, when no keychain answers; `memory` never touches the keychain.
   */
  secretStore?: 'keychain' | 'memory';
  /** How often the portal's notifications are fetched while signed in; default 20 s. */
  messagesPollMs?: number;
  /** The managed folder when 设置 names none; default `defaultLibraryFolder()` (<Documents>/卷宗台). */
  defaultLibraryFolder?: string;
  /** The host's trash and file manager (Electron: shell.trashItem / showItemInFolder). */
  libraryHooks?: LibraryHooks;
  /**
   * 文字识别 in the background: every dossier in 卷宗库 is read (text layer and OCR) into its
   * encrypted text store. Default true; tests that do not exercise it turn it off.
   */
  backgroundReading?: boolean;
  /**
   * The host shows the portal's site in a window of its own (Electron's 门户网站 window). Without it
   * `portalSite.open` answers opened: false and the renderer opens a browser tab.
   */
  openPortalSite?: (url: string) => Promise<void>;
  /**
   * 下载文件夹: watch where browsers save downloads for dossier archives. Default true; tests that do
   * not exercise it turn it off (it would watch the machine's real Downloads folder).
   */
  downloadPickup?: boolean;
  /** The OS Downloads folder as the host knows it (Electron: app.getPath('downloads')); default per OS. */
  osDownloadsFolder?: string;
  /**
   * 卷宗库锁 by the OS's own check of the user (Electron on macOS: systemPreferences.promptTouchID);
   * without it the lock takes the passcode only. Windows Hello has no Electron API.
   */
  libraryOsUnlock?: OsUnlock;
  /** 卷宗库锁 locks after this long without a library call (default 15 min; 0 never). */
  libraryIdleLockMs?: number;
  /**
   * For a command that only works on 卷宗库 (the CLI's import and list): the portal is never asked, no
   * session is restored, no download resumed, nothing read or watched in the background. Calls that
   * need the portal answer as for a lawyer who is not signed in.
   */
  offline?: boolean;
}

/** Core: the app's capabilities, Electron-free. Hosts adapt it; they hold no business logic. */
export interface Core extends EventSource {
  /** Every call of the contract (inputs already validated by the transport's dispatchCall). */
  readonly api: DossierApi;
  /**
   * Streams a file into core's staging area (the web host's upload for 导入卷宗, whose browser never
   * reveals paths); resolves to the staged id library.import takes. Hosts without uploads leave it out.
   */
  stageFile?(fileName: string, body: Readable): Promise<string>;
  /** Where a host's browser view (the 门户网站 window) reports its downloads: staged, then imported. */
  readonly browserDownloads: BrowserDownloads;
  /** Stops timers and pollers; the core is unusable afterwards. */
  close(): Promise<void>;
}
