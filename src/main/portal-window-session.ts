/**
 * The portal site's session: every permission denied, and every download handed to core, which
 * says where to save it (no save dialog) and shows it in 卷宗库 ▸ 下载任务. The app's CSP is not
 * applied here: the site brings its own.
 */
import type { DownloadItem, Event, Session } from 'electron';
import type { BrowserDownloadHandle, BrowserDownloads } from '../core/browser-downloads';
import { denyAllPermissions } from './security';

/** Shown in 下载任务 when the browser gave up (Electron does not say why). */
export const DOWNLOAD_INTERRUPTED = '下载中断';

function report(step: () => void): void {
  try {
    step();
  } catch (error) {
    console.error('Could not report a portal download:', error instanceof Error ? error.message : String(error));
  }
}

/** Runs one download: where core says, reporting its progress and end to core's handle. */
export function handlePortalDownload(event: Event, item: DownloadItem, downloads: BrowserDownloads | undefined): void {
  if (!downloads) {
    // No one to hand it to: better no download than a save dialog.
    event.preventDefault();
    return;
  }
  let handle: BrowserDownloadHandle;
  try {
    handle = downloads.begin({
      fileName: item.getFilename(),
      url: item.getURL(),
      total: item.getTotalBytes(),
      controls: { pause: () => item.pause(), resume: () => item.resume(), cancel: () => item.cancel() },
    });
  } catch (error) {
    console.error('A portal download was refused:', error instanceof Error ? error.message : String(error));
    item.cancel();
    return;
  }
  // Set before the handler returns, so Electron never asks where to save.
  item.setSavePath(handle.savePath);
  item.on('updated', () => report(() => handle.progress(item.getReceivedBytes(), item.getTotalBytes(), item.isPaused())));
  item.once('done', (_event, state) =>
    report(() => {
      if (state === 'completed') handle.completed();
      else if (state === 'cancelled') handle.cancelled();
      else handle.interrupted(DOWNLOAD_INTERRUPTED);
    }),
  );
}

/** Installs the portal session's policy once; `downloads` is read at each download (core may start later). */
export function applyPortalSessionPolicy(session: Session, downloads: () => BrowserDownloads | undefined): void {
  denyAllPermissions(session);
  session.on('will-download', (event, item) => handlePortalDownload(event, item, downloads()));
}
