/**
 * Where the lawyer's browsers save downloads (the manual §6(4) lists Chrome, Firefox, Safari, 360 and IE):
 * the OS Downloads folder, and any folder a browser profile was set to instead. Read from the browsers'
 * own settings files at their known default locations; nothing is written. Safari and IE save to the OS
 * Downloads folder unless told otherwise, and their settings (a binary plist, the registry) are not read.
 */
import { posix, win32 } from 'node:path';
import { realDiscoveryFs, type DiscoveryFs } from './discovery-fs';
import { parseFirefoxDownloadPrefs } from './firefox-prefs';
import { parseXdgDownloadDir } from './xdg-user-dirs';

export type FolderSource = 'os' | 'chrome' | 'edge' | '360' | 'chromium' | 'firefox';

export const FOLDER_SOURCE_LABELS: Record<FolderSource, string> = {
  os: '系统下载文件夹',
  chrome: '谷歌浏览器',
  edge: '微软 Edge',
  '360': '360 浏览器',
  chromium: 'Chromium 浏览器',
  firefox: '火狐浏览器',
};

/**
 * One folder, once, however many browsers save into it: `source` is the first that named it (the OS
 * folder before any browser), `sources` all of them, `label` their Chinese names joined with 、.
 */
export interface DiscoveredFolder {
  path: string;
  source: FolderSource;
  sources: FolderSource[];
  label: string;
}

export interface DiscoveryInput {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
  /** The OS Downloads folder as the host knows it (Electron: app.getPath('downloads')). */
  osDownloads?: string;
  /** Defaults to the real file system; tests lay out another OS's folders behind it. */
  fs?: DiscoveryFs;
}

/** Chromium's Preferences reach a few MB with many extensions; beyond this it is not a settings file. */
export const MAX_SETTINGS_FILE_BYTES = 10 * 1024 * 1024;

interface Layout {
  path: typeof posix;
  osDownloads: string;
  chromium: Array<{ source: FolderSource; userData: string }>;
  firefoxProfiles: string[];
  desktop: string;
}

async function layoutOf(input: DiscoveryInput, fs: DiscoveryFs): Promise<Layout> {
  const { env, home } = input;
  if (input.platform === 'win32') {
    const path = win32;
    const profile = env.USERPROFILE || home;
    const local = env.LOCALAPPDATA || path.join(profile, 'AppData', 'Local');
    const roaming = env.APPDATA || path.join(profile, 'AppData', 'Roaming');
    return {
      path,
      osDownloads: input.osDownloads ?? path.join(profile, 'Downloads'),
      // Known default locations of each browser's "User Data" folder.
      chromium: [
        { source: 'chrome', userData: path.join(local, 'Google', 'Chrome', 'User Data') },
        { source: 'edge', userData: path.join(local, 'Microsoft', 'Edge', 'User Data') },
        // 360 安全浏览器 keeps its profile under Roaming; 360 极速浏览器 (and its X edition) under Local.
        { source: '360', userData: path.join(roaming, '360se6', 'User Data') },
        { source: '360', userData: path.join(local, '360Chrome', 'Chrome', 'User Data') },
        { source: '360', userData: path.join(local, '360ChromeX', 'Chrome', 'User Data') },
        { source: 'chromium', userData: path.join(local, 'Chromium', 'User Data') },
      ],
      firefoxProfiles: [path.join(roaming, 'Mozilla', 'Firefox', 'Profiles')],
      desktop: path.join(profile, 'Desktop'),
    };
  }
  const path = posix;
  if (input.platform === 'darwin') {
    const support = path.join(home, 'Library', 'Application Support');
    return {
      path,
      osDownloads: input.osDownloads ?? path.join(home, 'Downloads'),
      chromium: [
        { source: 'chrome', userData: path.join(support, 'Google', 'Chrome') },
        { source: 'edge', userData: path.join(support, 'Microsoft Edge') },
        { source: 'chromium', userData: path.join(support, 'Chromium') },
      ],
      firefoxProfiles: [path.join(support, 'Firefox', 'Profiles')],
      desktop: path.join(home, 'Desktop'),
    };
  }
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  let osDownloads = input.osDownloads ?? null;
  if (osDownloads === null) {
    const userDirs = await fs.readText(path.join(config, 'user-dirs.dirs'), 64 * 1024);
    osDownloads = (userDirs === null ? null : parseXdgDownloadDir(userDirs, home)) ?? path.join(home, 'Downloads');
  }
  return {
    path,
    osDownloads,
    chromium: [
      { source: 'chrome', userData: path.join(config, 'google-chrome') },
      { source: 'edge', userData: path.join(config, 'microsoft-edge') },
      { source: 'chromium', userData: path.join(config, 'chromium') },
      { source: 'chromium', userData: path.join(home, 'snap', 'chromium', 'common', 'chromium') },
      // Flatpak installs keep their settings under ~/.var/app/<id>.
      { source: 'chrome', userData: path.join(home, '.var', 'app', 'com.google.Chrome', 'config', 'google-chrome') },
      { source: 'edge', userData: path.join(home, '.var', 'app', 'com.microsoft.Edge', 'config', 'microsoft-edge') },
      { source: 'chromium', userData: path.join(home, '.var', 'app', 'org.chromium.Chromium', 'config', 'chromium') },
    ],
    firefoxProfiles: [
      path.join(home, '.mozilla', 'firefox'),
      path.join(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'),
      path.join(home, '.var', 'app', 'org.mozilla.firefox', '.mozilla', 'firefox'),
      // Newer Firefox releases follow the XDG layout for new installs.
      path.join(config, 'mozilla', 'firefox'),
    ],
    desktop: path.join(home, 'Desktop'),
  };
}

/** `download.default_directory` of every profile (Default, Profile 1, …) under a Chromium user-data folder. */
async function chromiumFolders(fs: DiscoveryFs, path: typeof posix, userData: string): Promise<string[]> {
  const found: string[] = [];
  for (const profile of (await fs.subfolders(userData)).sort()) {
    const text = await fs.readText(path.join(userData, profile, 'Preferences'), MAX_SETTINGS_FILE_BYTES);
    if (text === null) continue;
    try {
      const prefs = JSON.parse(text) as { download?: { default_directory?: unknown } } | null;
      const folder = prefs?.download?.default_directory;
      if (typeof folder === 'string' && folder) found.push(folder);
    } catch {
      // A profile being written, or damaged: its browser falls back to the OS folder anyway.
    }
  }
  return found;
}

async function firefoxFolders(fs: DiscoveryFs, path: typeof posix, profilesDir: string, desktop: string): Promise<string[]> {
  const found: string[] = [];
  for (const profile of (await fs.subfolders(profilesDir)).sort()) {
    const text = await fs.readText(path.join(profilesDir, profile, 'prefs.js'), MAX_SETTINGS_FILE_BYTES);
    if (text === null) continue;
    const prefs = parseFirefoxDownloadPrefs(text);
    // folderList 1 (or unset) is the OS Downloads folder, already watched; a 2 without a dir falls back to it.
    if (prefs.folderList === 2 && prefs.dir) found.push(prefs.dir);
    else if (prefs.folderList === 0) found.push(desktop);
  }
  return found;
}

/** Normalised, without a trailing separator (but `/` and `C:\\` stay whole). */
function tidy(path: typeof posix, folder: string): string {
  let normal = path.normalize(folder);
  while (normal.length > 1 && /[\\/]$/.test(normal) && !/^[A-Za-z]:\\$/.test(normal)) normal = normal.slice(0, -1);
  return normal;
}

/** The download folders of this user's browsers that exist now, each once. */
export async function discoverDownloadFolders(input: DiscoveryInput): Promise<DiscoveredFolder[]> {
  const fs = input.fs ?? realDiscoveryFs;
  const layout = await layoutOf(input, fs);
  const { path } = layout;
  const named: Array<{ source: FolderSource; folder: string }> = [{ source: 'os', folder: layout.osDownloads }];
  for (const { source, userData } of layout.chromium) {
    for (const folder of await chromiumFolders(fs, path, userData)) named.push({ source, folder });
  }
  for (const profiles of layout.firefoxProfiles) {
    for (const folder of await firefoxFolders(fs, path, profiles, layout.desktop)) named.push({ source: 'firefox', folder });
  }

  const byKey = new Map<string, DiscoveredFolder>();
  for (const { source, folder } of named) {
    if (!path.isAbsolute(folder)) continue;
    const tidied = tidy(path, folder);
    // Windows and macOS file systems ignore case by default.
    const key = input.platform === 'win32' || input.platform === 'darwin' ? tidied.toLowerCase() : tidied;
    const known = byKey.get(key);
    if (known) {
      if (!known.sources.includes(source)) known.sources.push(source);
      continue;
    }
    if (!(await fs.isDirectory(tidied))) continue;
    byKey.set(key, { path: tidied, source, sources: [source], label: '' });
  }
  return [...byKey.values()].map((found) => ({ ...found, label: found.sources.map((source) => FOLDER_SOURCE_LABELS[source]).join('、') }));
}
