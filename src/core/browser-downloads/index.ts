export { BrowserDownloadService } from './browser-download-service';
export type { BrowserDownloadControls, BrowserDownloadHandle, BrowserDownloads } from './browser-download-types';
