/**
 * 卷宗下载 and 下载任务: the contract's download calls. The app's own downloads and those of the
 * 门户网站 window are one list; each id belongs to one of them.
 */
import type { BrowserDownloadService } from '../browser-downloads';
import type { CallsUnder } from '../calls/call-group';
import type { DossierDownloadService } from './dossier-download-service';

export function downloadCalls(downloads: DossierDownloadService, browserDownloads: BrowserDownloadService): CallsUnder<'downloads'> {
  return {
    'downloads.start': async (input) => downloads.start(input),
    'downloads.list': async () => [...browserDownloads.list(), ...downloads.list()],
    'downloads.pause': async ({ id }) => (browserDownloads.owns(id) ? browserDownloads.pause(id) : downloads.pause(id)),
    'downloads.resume': async ({ id, stepUpId }) => (browserDownloads.owns(id) ? browserDownloads.resume(id) : downloads.resume(id, stepUpId)),
    'downloads.cancel': async ({ id }) => (browserDownloads.owns(id) ? browserDownloads.cancel(id) : downloads.cancel(id)),
  };
}
