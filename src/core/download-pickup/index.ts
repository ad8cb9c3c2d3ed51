/** 下载文件夹 pickup: finds where browsers save downloads and offers the dossiers saved there for 导入卷宗. */
export { discoverDownloadFolders, FOLDER_SOURCE_LABELS, MAX_SETTINGS_FILE_BYTES, type DiscoveredFolder, type DiscoveryInput, type FolderSource } from './browser-download-folders';
export { realDiscoveryFs, type DiscoveryFs } from './discovery-fs';
export { DownloadPickup, type DownloadPickupOptions } from './download-pickup';
export { LIST_TIMEOUT_MS, MAX_AGE_MS, MAX_ARCHIVE_BYTES, POLL_MS, SETTLE_MS } from './pickup-files';
export { MAX_REMEMBERED, STATE_FILE_NAME } from './pickup-state-file';
export { DISCOVERY_TTL_MS, PickupFolders } from './pickup-folders';
export { checkPickupFolders } from './pickup-folder-check';
export { createCorePickup, type CorePickup } from './core-pickup';
