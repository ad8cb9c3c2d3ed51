import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, win32 } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverDownloadFolders } from './browser-download-folders';
import { realDiscoveryFs, type DiscoveryFs } from './discovery-fs';

const roots: string[] = [];

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'download-folders-'));
  roots.push(root);
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const chromePrefs = (folder: string): string => JSON.stringify({ download: { default_directory: folder, prompt_for_download: false }, profile: { name: 'x' } });

/** A Windows drive laid out under a real temp folder: `C:\Users\…` is `<root>/C/Users/…`. */
function windowsDrive(root: string): { fs: DiscoveryFs; real(path: string): string } {
  const real = (path: string): string => {
    const match = /^([A-Za-z]):\\(.*)$/.exec(win32.normalize(path));
    if (!match) return join(root, 'not-a-windows-path');
    return join(root, (match[1] as string).toUpperCase(), ...(match[2] as string).split('\\').filter(Boolean));
  };
  return {
    real,
    fs: {
      isDirectory: (path) => realDiscoveryFs.isDirectory(real(path)),
      subfolders: (path) => realDiscoveryFs.subfolders(real(path)),
      readText: (path, max) => realDiscoveryFs.readText(real(path), max),
    },
  };
}

describe('discoverDownloadFolders on Windows', () => {
  it('reads Chrome, Edge, 360 and Firefox profiles and keeps only folders that exist', async () => {
    const { fs, real } = windowsDrive(await tempRoot());
    const home = 'C:\\Users\\张三';
    const env = { USERPROFILE: home, LOCALAPPDATA: `${home}\\AppData\\Local`, APPDATA: `${home}\\AppData\\Roaming` };
    await mkdir(real(`${home}\\Downloads`), { recursive: true });
    await mkdir(real('D:\\卷宗下载'), { recursive: true });
    await mkdir(real('D:\\Edge'), { recursive: true });
    await mkdir(real('E:\\360下载'), { recursive: true });
    await mkdir(real('E:\\火狐'), { recursive: true });
    await put(real(`${env.LOCALAPPDATA}\\Google\\Chrome\\User Data\\Default\\Preferences`), chromePrefs('D:\\卷宗下载'));
    // A second profile saving to the same folder (other case, trailing separator): listed once.
    await put(real(`${env.LOCALAPPDATA}\\Google\\Chrome\\User Data\\Profile 1\\Preferences`), chromePrefs('d:\\卷宗下载\\'));
    // Broken JSON is skipped; a folder that no longer exists is left out.
    await put(real(`${env.LOCALAPPDATA}\\Google\\Chrome\\User Data\\Profile 2\\Preferences`), '{"download": {"default_directory": "D:\\\\x"');
    await put(real(`${env.LOCALAPPDATA}\\Google\\Chrome\\User Data\\Profile 3\\Preferences`), chromePrefs('F:\\gone'));
    await put(real(`${env.LOCALAPPDATA}\\Microsoft\\Edge\\User Data\\Default\\Preferences`), chromePrefs('D:\\Edge'));
    await put(real(`${env.APPDATA}\\360se6\\User Data\\Default\\Preferences`), chromePrefs('E:\\360下载'));
    await put(real(`${env.LOCALAPPDATA}\\360Chrome\\Chrome\\User Data\\Default\\Preferences`), chromePrefs(`${home}\\Downloads`));
    // prefs.js writes Windows paths with doubled backslashes, and may escape characters as \u.
    await put(
      real(`${env.APPDATA}\\Mozilla\\Firefox\\Profiles\\abcd.default-release\\prefs.js`),
      ['// Mozilla User Preferences', 'user_pref("browser.download.dir", "E:\\\\\\u706b\\u72d0");', 'user_pref("browser.download.folderList", 2);', ''].join('\n'),
    );
    // folderList 1: the OS folder, whatever dir says.
    await put(
      real(`${env.APPDATA}\\Mozilla\\Firefox\\Profiles\\efgh.other\\prefs.js`),
      'user_pref("browser.download.dir", "D:\\\\Edge");\nuser_pref("browser.download.folderList", 1);\n',
    );

    const found = await discoverDownloadFolders({ platform: 'win32', home, env, fs });
    expect(found).toEqual([
      { path: `${home}\\Downloads`, source: 'os', sources: ['os', '360'], label: '系统下载文件夹、360 浏览器' },
      { path: 'D:\\卷宗下载', source: 'chrome', sources: ['chrome'], label: '谷歌浏览器' },
      { path: 'D:\\Edge', source: 'edge', sources: ['edge'], label: '微软 Edge' },
      { path: 'E:\\360下载', source: '360', sources: ['360'], label: '360 浏览器' },
      { path: 'E:\\火狐', source: 'firefox', sources: ['firefox'], label: '火狐浏览器' },
    ]);
  });

  it('uses the Downloads folder the host names, and finds nothing where nothing exists', async () => {
    const { fs, real } = windowsDrive(await tempRoot());
    await mkdir(real('D:\\My Downloads'), { recursive: true });
    const home = 'C:\\Users\\lawyer';
    expect(await discoverDownloadFolders({ platform: 'win32', home, env: {}, osDownloads: 'D:\\My Downloads', fs })).toEqual([
      { path: 'D:\\My Downloads', source: 'os', sources: ['os'], label: '系统下载文件夹' },
    ]);
    expect(await discoverDownloadFolders({ platform: 'win32', home, env: {}, fs })).toEqual([]);
  });
});

describe('discoverDownloadFolders on macOS', () => {
  it('reads Chrome, Edge and Firefox under Library/Application Support', async () => {
    const home = await tempRoot();
    const support = join(home, 'Library', 'Application Support');
    await mkdir(join(home, 'Downloads'));
    await mkdir(join(home, 'Documents', '卷宗'), { recursive: true });
    await mkdir(join(home, 'Desktop'));
    await put(join(support, 'Google', 'Chrome', 'Default', 'Preferences'), chromePrefs(join(home, 'Documents', '卷宗')));
    await put(join(support, 'Microsoft Edge', 'Default', 'Preferences'), '\u0000not json');
    // Firefox set to save on the desktop (folderList 0); a custom dir without folderList 2 is not used.
    await put(
      join(support, 'Firefox', 'Profiles', 'x.default', 'prefs.js'),
      `user_pref("browser.download.folderList", 0);\nuser_pref("browser.download.dir", "${join(home, 'Documents')}");\n`,
    );
    const found = await discoverDownloadFolders({ platform: 'darwin', home, env: {} });
    expect(found.map(({ path, sources }) => ({ path, sources }))).toEqual([
      { path: join(home, 'Downloads'), sources: ['os'] },
      { path: join(home, 'Documents', '卷宗'), sources: ['chrome'] },
      { path: join(home, 'Desktop'), sources: ['firefox'] },
    ]);
  });
});

describe('discoverDownloadFolders on Linux', () => {
  it('takes XDG_DOWNLOAD_DIR from user-dirs.dirs, expanding $HOME (a Chinese desktop names it 下载)', async () => {
    const home = await tempRoot();
    await mkdir(join(home, '下载'));
    await mkdir(join(home, 'Downloads'));
    await put(join(home, '.config', 'user-dirs.dirs'), '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOWNLOAD_DIR="$HOME/下载"\n');
    await mkdir(join(home, 'dl', 'ff'), { recursive: true });
    await put(join(home, '.config', 'chromium', 'Default', 'Preferences'), chromePrefs(join(home, '下载')));
    await put(join(home, '.config', 'google-chrome', 'Default', 'Preferences'), chromePrefs(join(home, 'no-such-folder')));
    await put(
      join(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox', 'p.default', 'prefs.js'),
      `user_pref("browser.download.folderList", 2);\nuser_pref("browser.download.dir", "${join(home, 'dl', 'ff')}");\n`,
    );
    const found = await discoverDownloadFolders({ platform: 'linux', home, env: {} });
    expect(found).toEqual([
      { path: join(home, '下载'), source: 'os', sources: ['os', 'chromium'], label: '系统下载文件夹、Chromium 浏览器' },
      { path: join(home, 'dl', 'ff'), source: 'firefox', sources: ['firefox'], label: '火狐浏览器' },
    ]);
  });

  it('falls back to ~/Downloads without user-dirs.dirs, and honours XDG_CONFIG_HOME', async () => {
    const home = await tempRoot();
    await mkdir(join(home, 'Downloads'));
    await mkdir(join(home, 'edge-dl'));
    await put(join(home, 'cfg', 'microsoft-edge', 'Profile 1', 'Preferences'), chromePrefs(join(home, 'edge-dl')));
    const found = await discoverDownloadFolders({ platform: 'linux', home, env: { XDG_CONFIG_HOME: join(home, 'cfg') } });
    expect(found.map(({ path, source }) => ({ path, source }))).toEqual([
      { path: join(home, 'Downloads'), source: 'os' },
      { path: join(home, 'edge-dl'), source: 'edge' },
    ]);
  });
});
