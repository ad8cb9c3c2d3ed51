/**
 * The 门户网站 window's downloads, as 卷宗库 ▸ 下载任务 shows them. The host's browser engine fetches
 * the bytes into a place in the staging area this service reserves; once whole, the archive goes
 * through the same import as 导入卷宗 (verify, extract safely, SMS passwords of the case), and the
 * staged copy is removed. Nothing lands in 卷宗库 that the import did not accept.
 */
import { randomBytes } from 'node:crypto';
import { AppError, toErrorPayload, type ErrorPayload } from '../../shared/errors';
import type { DownloadItem, DownloadState } from '../../shared/library';
import { checkPlainFileName } from '../download-engine';
import type { EventHub } from '../events/event-hub';
import { archiveStem } from '../kept-sms';
import type { StagingArea } from '../staging';
import type { BrowserDownloadControls, BrowserDownloadHandle, BrowserDownloads } from './browser-download-types';

/** Progress reaches the UI at most 4 times a second per download. */
const PROGRESS_INTERVAL_MS = 250;
export const BROWSER_DOWNLOAD_PREFIX = 'portal-window-';

export interface BrowserDownloadServiceOptions {
  staging: Pick<StagingArea, 'reserve' | 'discard'>;
  events: Pick<EventHub, 'emit'>;
  /** 导入卷宗 of the whole file (core's import, with the SMS passwords of its case). */
  importArchive(path: string): Promise<{ id: string; caseName: string }>;
  now?: () => number;
}

interface Tracked {
  item: DownloadItem;
  stagedId: string;
  path: string;
  controls: BrowserDownloadControls;
  startedAt: number;
  /** For the speed shown: bytes and time at the last progress report. */
  lastBytes: number;
  lastAt: number;
  lastEmitAt: number;
}

/** A name to save under: the server's when it is a plain, safe file name, else a neutral one. */
function savedName(fileName: string): string {
  try {
    return checkPlainFileName(fileName);
  } catch {
    const extension = /\.(zip|7z)$/i.exec(fileName)?.[0] ?? '.zip';
    return `卷宗${extension}`;
  }
}

export class BrowserDownloadService implements BrowserDownloads {
  private readonly tracked = new Map<string, Tracked>();
  private readonly now: () => number;

  constructor(private readonly options: BrowserDownloadServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  begin(input: { fileName: string; url: string; total: number; controls: BrowserDownloadControls }): BrowserDownloadHandle {
    const fileName = savedName(input.fileName);
    const { id: stagedId, path } = this.options.staging.reserve(fileName);
    const id = `${BROWSER_DOWNLOAD_PREFIX}${randomBytes(8).toString('hex')}`;
    const at = this.now();
    const total = Number.isFinite(input.total) && input.total > 0 ? input.total : 0;
    const tracked: Tracked = {
      item: {
        id,
        via: 'portal-window',
        dossierId: '',
        caseName: archiveStem(fileName),
        fileName,
        state: 'downloading',
        bytes: 0,
        total,
        percent: 0,
        bytesPerSecond: 0,
        secondsLeft: null,
        error: null,
      },
      stagedId,
      path,
      controls: input.controls,
      startedAt: at,
      lastBytes: 0,
      lastAt: at,
      lastEmitAt: 0,
    };
    this.tracked.set(id, tracked);
    this.emit(tracked);
    return {
      savePath: path,
      progress: (received, totalBytes, paused) => this.progress(tracked, received, totalBytes, paused),
      completed: () => void this.complete(tracked),
      interrupted: (reason) => this.finish(tracked, 'failed', { code: 'DOWNLOAD_INTERRUPTED', message: reason }),
      cancelled: () => this.finish(tracked, 'cancelled', null),
    };
  }

  /** True for the ids this service hands out (downloads.* calls are routed by it). */
  owns(id: string): boolean {
    return this.tracked.has(id);
  }

  list(): DownloadItem[] {
    return [...this.tracked.values()].sort((a, b) => b.startedAt - a.startedAt).map((tracked) => ({ ...tracked.item }));
  }

  pause(id: string): DownloadItem {
    const tracked = this.require(id);
    if (tracked.item.state === 'downloading') tracked.controls.pause();
    return { ...tracked.item };
  }

  resume(id: string): DownloadItem {
    const tracked = this.require(id);
    if (tracked.item.state !== 'paused') {
      throw new AppError('CONFLICT', '门户网站窗口的下载中断后无法继续，请在门户网站上重新下载');
    }
    tracked.controls.resume();
    return { ...tracked.item };
  }

  cancel(id: string): DownloadItem {
    const tracked = this.require(id);
    if (tracked.item.state === 'downloading' || tracked.item.state === 'paused') tracked.controls.cancel();
    return { ...tracked.item };
  }

  private require(id: string): Tracked {
    const tracked = this.tracked.get(id);
    if (!tracked) throw new AppError('NOT_FOUND', '没有这个下载任务');
    return tracked;
  }

  private progress(tracked: Tracked, received: number, total: number, paused: boolean): void {
    const { item } = tracked;
    if (item.state !== 'downloading' && item.state !== 'paused') return;
    const at = this.now();
    const state: DownloadState = paused ? 'paused' : 'downloading';
    if (total > 0) item.total = total;
    const elapsed = at - tracked.lastAt;
    if (elapsed >= 1000 && received >= tracked.lastBytes) {
      item.bytesPerSecond = Math.round(((received - tracked.lastBytes) * 1000) / elapsed);
      tracked.lastBytes = received;
      tracked.lastAt = at;
    }
    item.bytes = received;
    item.percent = item.total > 0 ? Math.min(100, Math.round((received / item.total) * 1000) / 10) : 0;
    item.secondsLeft = item.total > 0 && item.bytesPerSecond > 0 ? Math.ceil((item.total - received) / item.bytesPerSecond) : null;
    const stateChanged = item.state !== state;
    item.state = state;
    if (state === 'paused') item.bytesPerSecond = 0;
    if (stateChanged || at - tracked.lastEmitAt >= PROGRESS_INTERVAL_MS) this.emit(tracked);
  }

  private async complete(tracked: Tracked): Promise<void> {
    const { item } = tracked;
    if (item.state !== 'downloading' && item.state !== 'paused') return;
    item.state = 'verifying';
    item.percent = 100;
    if (item.total > 0) item.bytes = item.total;
    item.bytesPerSecond = 0;
    item.secondsLeft = null;
    this.emit(tracked);
    try {
      const dossier = await this.options.importArchive(tracked.path);
      item.dossierId = dossier.id;
      item.caseName = dossier.caseName;
      this.finish(tracked, 'completed', null);
    } catch (error) {
      this.finish(tracked, 'failed', toErrorPayload(error));
    }
  }

  private finish(tracked: Tracked, state: DownloadState, error: ErrorPayload | null): void {
    const { item } = tracked;
    if (item.state === 'completed' || item.state === 'cancelled' || item.state === 'failed') return;
    item.state = state;
    item.error = error;
    item.bytesPerSecond = 0;
    item.secondsLeft = state === 'completed' ? 0 : null;
    // The staged copy served its purpose: imported (copied into 卷宗库), refused, or never whole.
    void this.options.staging.discard(tracked.stagedId).catch(() => undefined);
    this.emit(tracked);
  }

  private emit(tracked: Tracked): void {
    tracked.lastEmitAt = this.now();
    this.options.events.emit('downloads.changed', { ...tracked.item });
  }
}
