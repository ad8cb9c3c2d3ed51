import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../run-cli';

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'cli-download-folders-'));
  vi.stubEnv('HOME', home);
  vi.stubEnv('XDG_CONFIG_HOME', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

describe('dossier download-folders', () => {
  it.runIf(process.platform === 'linux')('lists the Downloads folder and a Chrome profile\'s own download folder, one JSON line each', async () => {
    await mkdir(join(home, 'Downloads'));
    const chromeFolder = join(home, '卷宗下载');
    await mkdir(chromeFolder);
    await mkdir(join(home, '.config', 'google-chrome', 'Default'), { recursive: true });
    await writeFile(join(home, '.config', 'google-chrome', 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: chromeFolder } }));

    const { code, out } = await runCli(['download-folders']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as { path: string; label: string });
    expect(lines).toEqual([
      expect.objectContaining({ path: join(home, 'Downloads'), label: '系统下载文件夹' }),
      expect.objectContaining({ path: chromeFolder, label: '谷歌浏览器' }),
    ]);
  });

  it('refuses arguments it does not take', async () => {
    const { code, err } = await runCli(['download-folders', 'extra']);
    expect(code).toBe(2);
    expect(err).not.toBe('');
  });
});
