import { describe, expect, it } from 'vitest';
import type { DiscoveredFolder } from './browser-download-folders';
import { watchedFolders } from './watched-folders';

const folder = (path: string): DiscoveredFolder => ({ path, source: 'os', sources: ['os'], label: '系统下载文件夹' });

describe('watchedFolders', () => {
  it('discovers at most once per period, asks for the added folders every time, and lists each folder once', async () => {
    const clock = { now: 1_000 };
    let discoveries = 0;
    const found = [folder('/home/a/下载')];
    const added = ['/home/a/下载', '/mnt/卷宗'];
    const folders = watchedFolders(
      async () => {
        discoveries += 1;
        return [...found];
      },
      async () => [...added],
      { now: () => clock.now, ttlMs: 60_000 },
    );
    expect(await folders()).toEqual(['/home/a/下载', '/mnt/卷宗']);
    found.push(folder('/data/chrome'));
    added.push('/mnt/more');
    expect(await folders()).toEqual(['/home/a/下载', '/mnt/卷宗', '/mnt/more']);
    expect(discoveries).toBe(1);
    clock.now += 60_000;
    expect(await folders()).toEqual(['/home/a/下载', '/data/chrome', '/mnt/卷宗', '/mnt/more']);
    expect(discoveries).toBe(2);
  });

  it('keeps the last folders when discovery fails', async () => {
    const clock = { now: 0 };
    let fail = false;
    const folders = watchedFolders(
      async () => {
        if (fail) throw new Error('unreadable');
        return [folder('/home/a/Downloads')];
      },
      async () => [],
      { now: () => clock.now, ttlMs: 10 },
    );
    expect(await folders()).toEqual(['/home/a/Downloads']);
    fail = true;
    clock.now += 10;
    expect(await folders()).toEqual(['/home/a/Downloads']);
  });
});
