import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('defaultDataDir', () => {
  it('uses XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/config' }, '/home/li')).toBe(join('/x/config', 'dossier-desk'));
    expect(defaultDataDir('linux', {}, '/home/li')).toBe(join('/home/li', '.config', 'dossier-desk'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/li')).toBe(join('/home/li', '.config', 'dossier-desk'));
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/li')).toBe(join('/Users/li', 'Library', 'Application Support', 'dossier-desk'));
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe(
      join('C:\\Users\\li\\AppData\\Roaming', 'dossier-desk'),
    );
  });
});
