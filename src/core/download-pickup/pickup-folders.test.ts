import { describe, expect, it } from 'vitest';
import type { DiscoveredFolder } from './browser-download-folders';
import { PickupFolders } from './pickup-folders';

const folder = (path: string): DiscoveredFolder => ({ path, source: 'os', sources: ['os'], label: '系统下载文件夹' });

describe('PickupFolders', () => {
  it('discovers at most once per period, reads the added folders every time, and lists each folder once', async () => {
    const clock = { now: 1_000 };
    let discoveries = 0;
    const found = [folder('/home/a/下载')];
    const added = ['/home/a/下载', '/mnt/卷宗'];
    const folders = new PickupFolders(
      async () => {
        discoveries += 1;
        return [...found];
      },
      () => [...added],
      { now: () => clock.now, ttlMs: 60_000 },
    );
    expect(await folders.paths()).toEqual(['/home/a/下载', '/mnt/卷宗']);
    found.push(folder('/data/chrome'));
    added.push('/mnt/more');
    expect(await folders.paths()).toEqual(['/home/a/下载', '/mnt/卷宗', '/mnt/more']);
    expect(discoveries).toBe(1);
    clock.now += 60_000;
    expect(await folders.paths()).toEqual(['/home/a/下载', '/data/chrome', '/mnt/卷宗', '/mnt/more']);
    expect(discoveries).toBe(2);
  });

  it('describes discovered folders by who saves there, and the lawyer\'s own as added', async () => {
    const folders = new PickupFolders(async () => [folder('/home/a/下载')], () => ['/mnt/卷宗', '/home/a/下载']);
    expect(await folders.describe()).toEqual([
      { path: '/home/a/下载', label: '系统下载文件夹', added: false },
      { path: '/mnt/卷宗', label: null, added: true },
    ]);
  });

  it('keeps the last folders when discovery fails', async () => {
    const clock = { now: 0 };
    let fail = false;
    const folders = new PickupFolders(
      async () => {
        if (fail) throw new Error('unreadable');
        return [folder('/home/a/Downloads')];
      },
      () => [],
      { now: () => clock.now, ttlMs: 10 },
    );
    expect(await folders.paths()).toEqual(['/home/a/Downloads']);
    fail = true;
    clock.now += 10;
    expect(await folders.paths()).toEqual(['/home/a/Downloads']);
  });
});
