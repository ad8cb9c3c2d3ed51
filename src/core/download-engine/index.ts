/** Resumable, SHA-256-verified dossier downloads into the managed folder. */
export { DownloadEngine, type DownloadEngineOptions } from './download-engine';
export { checkPlainFileName } from './plain-file-name';
export type { DownloadEvents, DownloadProgress, DownloadRequest, DownloadSnapshot, DownloadState } from './download-types';
export { PARTIAL_FOLDER } from './sidecar';
export { downloadLinkAccount, MemoryLinkStore, secretLinkStore, type DownloadLinkStore } from './link-store';
