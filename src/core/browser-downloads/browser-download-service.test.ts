// The 门户网站 window's downloads in 下载任务: a real staging area, a host that reports like Electron's
// DownloadItem, and an import that accepts or refuses the file.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { DownloadItem } from '../../shared/library';
import { StagingArea } from '../staging';
import { BrowserDownloadService } from './browser-download-service';

let dataDir: string;
let staging: StagingArea;
let emitted: DownloadItem[];
let clock: number;
let calls: string[];
const controls = { pause: () => calls.push('pause'), resume: () => calls.push('resume'), cancel: () => calls.push('cancel') };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'browser-downloads-'));
  staging = await StagingArea.open(dataDir);
  emitted = [];
  clock = 1_000_000;
  calls = [];
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function service(importArchive: (path: string) => Promise<{ id: string; caseName: string }>) {
  return new BrowserDownloadService({
    staging,
    events: { emit: (_name: string, item: DownloadItem) => emitted.push(item) } as never,
    importArchive,
    now: () => clock,
  });
}

const lastState = () => emitted.at(-1)?.state;

describe('BrowserDownloadService', () => {
  it('saves into a fresh staging folder, reports progress and speed, and imports the whole file', async () => {
    const imported: string[] = [];
    const downloads = service(async (path) => {
      imported.push(path);
      return { id: 'imp-1', caseName: '王某盗窃案' };
    });
    const handle = downloads.begin({ fileName: '王某盗窃案.zip', url: 'https://www.12309.gov.cn/x', total: 4000, controls });
    expect(dirname(dirname(handle.savePath))).toBe(staging.folder);
    expect(handle.savePath.endsWith('王某盗窃案.zip')).toBe(true);
    expect(emitted[0]).toMatchObject({ via: 'portal-window', state: 'downloading', caseName: '王某盗窃案', total: 4000, dossierId: '' });

    clock += 1000;
    handle.progress(1000, 4000, false);
    expect(emitted.at(-1)).toMatchObject({ bytes: 1000, percent: 25, bytesPerSecond: 1000, secondsLeft: 3 });
    handle.progress(1000, 4000, true);
    expect(lastState()).toBe('paused');

    await writeFile(handle.savePath, 'archive bytes');
    handle.completed();
    expect(lastState()).toBe('verifying');
    await expect.poll(lastState).toBe('completed');
    expect(imported).toEqual([handle.savePath]);
    expect(emitted.at(-1)).toMatchObject({ dossierId: 'imp-1', percent: 100, error: null });
    // The staged copy goes once imported (the import copied it into 卷宗库).
    await expect.poll(() => existsSync(dirname(handle.savePath))).toBe(false);
  });

  it('shows a refused archive as failed with the import\'s reason, and removes the staged file', async () => {
    const downloads = service(async () => {
      throw new AppError('CORRUPT_ARCHIVE', '压缩包已损坏');
    });
    const handle = downloads.begin({ fileName: '卷宗.zip', url: 'https://www.12309.gov.cn/x', total: 0, controls });
    await writeFile(handle.savePath, 'not a zip');
    handle.completed();
    await expect.poll(lastState).toBe('failed');
    expect(emitted.at(-1)?.error).toEqual({ code: 'CORRUPT_ARCHIVE', message: '压缩包已损坏' });
    await expect.poll(() => existsSync(dirname(handle.savePath))).toBe(false);
  });

  it('passes 暂停, 继续 and 取消 to the host, and refuses to resume what the browser gave up', () => {
    const downloads = service(async () => ({ id: 'x', caseName: 'x' }));
    const handle = downloads.begin({ fileName: '卷宗.7z', url: 'https://www.12309.gov.cn/x', total: 10, controls });
    const [item] = downloads.list();
    downloads.pause(item!.id);
    handle.progress(5, 10, true);
    downloads.resume(item!.id);
    handle.progress(6, 10, false);
    downloads.cancel(item!.id);
    handle.cancelled();
    expect(calls).toEqual(['pause', 'resume', 'cancel']);
    expect(lastState()).toBe('cancelled');

    clock += 1;
    const second = downloads.begin({ fileName: '卷宗.7z', url: 'https://www.12309.gov.cn/x', total: 10, controls });
    second.interrupted('NETWORK_FAILED');
    expect(emitted.at(-1)).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_INTERRUPTED', message: 'NETWORK_FAILED' } });
    const failed = downloads.list()[0]!;
    expect(() => downloads.resume(failed.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => downloads.pause('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    // A late report from the host changes nothing once it ended.
    second.progress(10, 10, false);
    expect(downloads.list()[0]?.state).toBe('failed');
  });

  it('saves a server-given name that is not a safe file name under a neutral one', () => {
    const downloads = service(async () => ({ id: 'x', caseName: 'x' }));
    const handle = downloads.begin({ fileName: '../../etc/passwd.zip', url: 'https://www.12309.gov.cn/x', total: 1, controls });
    expect(dirname(dirname(handle.savePath))).toBe(staging.folder);
    expect(handle.savePath.endsWith('卷宗.zip')).toBe(true);
  });
});
