import { describe, expect, it } from 'vitest';
import { parseFirefoxDownloadPrefs, unescapeJsString } from './firefox-prefs';
import { parseXdgDownloadDir } from './xdg-user-dirs';

describe('parseFirefoxDownloadPrefs', () => {
  it('decodes the string literal: doubled backslashes, \\u and \\x escapes, quotes', () => {
    const text = [
      'user_pref("browser.download.folderList", 2);',
      String.raw`user_pref("browser.download.dir", "C:\\Users\\\u5f20\u4e09\\\x44ownloads \"new\"");`,
    ].join('\n');
    expect(parseFirefoxDownloadPrefs(text)).toEqual({ dir: 'C:\\Users\\张三\\Downloads "new"', folderList: 2 });
  });

  it('takes the last line of a pref, ignores other prefs and commented lines', () => {
    const text = [
      'user_pref("browser.download.dir", "/a");',
      '// user_pref("browser.download.dir", "/commented");',
      'user_pref("browser.download.lastDir", "/last");',
      "user_pref('browser.download.dir', '/b');",
    ].join('\n');
    expect(parseFirefoxDownloadPrefs(text)).toEqual({ dir: '/b', folderList: null });
  });

  it('refuses malformed escapes rather than guessing', () => {
    expect(unescapeJsString(String.raw`C:\u12`)).toBeNull();
    expect(unescapeJsString(String.raw`\u{1F600}x`)).toBe('😀x');
    expect(unescapeJsString(String.raw`\ud83d\ude00`)).toBe('😀');
    expect(parseFirefoxDownloadPrefs(String.raw`user_pref("browser.download.dir", "C:\xZZ");`).dir).toBeNull();
  });
});

describe('parseXdgDownloadDir', () => {
  it('expands $HOME and ${HOME}, keeps absolute paths, ignores anything else', () => {
    expect(parseXdgDownloadDir('XDG_DOWNLOAD_DIR="$HOME/下载"', '/home/张三')).toBe('/home/张三/下载');
    expect(parseXdgDownloadDir('XDG_DOWNLOAD_DIR="${HOME}/My \\"dl\\""', '/home/a/')).toBe('/home/a/My "dl"');
    expect(parseXdgDownloadDir('XDG_DOWNLOAD_DIR="/data/dl"', '/home/a')).toBe('/data/dl');
    expect(parseXdgDownloadDir('XDG_DOWNLOAD_DIR="$XDG/x"', '/home/a')).toBeNull();
    expect(parseXdgDownloadDir('XDG_MUSIC_DIR="$HOME/音乐"', '/home/a')).toBeNull();
  });
});
