/**
 * The 下载文件夹 pickup as core composes it: the folders come from discovery and 设置, offers go out as
 * `pickup.changed`, and an accepted archive goes through core's 导入卷宗 (with the SMS kept for its case).
 */
import { homedir } from 'node:os';
import type { Settings } from '../../shared/contract';
import type { DossierSummary } from '../../shared/library';
import type { PickupList } from '../../shared/pickup';
import type { EventHub } from '../events/event-hub';
import { discoverDownloadFolders } from './browser-download-folders';
import { DownloadPickup } from './download-pickup';
import { PickupFolders } from './pickup-folders';

export interface CorePickupOptions {
  dataDir: string;
  settings: { get(): Settings };
  /** The OS Downloads folder as the host knows it; default per OS. */
  osDownloadsFolder?: string;
  knownCaseNames(): Promise<string[]>;
  library: { list(): DossierSummary[] | Promise<DossierSummary[]> };
  /** 导入卷宗 of a file it only reads. */
  importArchive(path: string): Promise<{ id: string }>;
  events: Pick<EventHub, 'emit'>;
}

export interface CorePickup {
  readonly pickup: DownloadPickup;
  /** 卷宗库 ▸ 下载文件夹 and 设置: whether it watches, what, and what it found. */
  list(): Promise<PickupList>;
}

export function createCorePickup(options: CorePickupOptions): CorePickup {
  const { settings } = options;
  const folders = new PickupFolders(
    () =>
      discoverDownloadFolders({
        platform: process.platform,
        home: homedir(),
        env: process.env,
        ...(options.osDownloadsFolder ? { osDownloads: options.osDownloadsFolder } : {}),
      }),
    () => settings.get().pickupFolders,
  );
  const pickup = new DownloadPickup({
    dataDir: options.dataDir,
    folders: async () => (settings.get().pickupEnabled ? folders.paths() : []),
    knownCaseNames: () => options.knownCaseNames(),
    inLibrary: async (sha256) => {
      const dossier = (await options.library.list()).find((item) => item.archive.sha256 === sha256);
      return dossier ? { dossierId: dossier.id } : null;
    },
    // Named by its file, as 导入卷宗 names it.
    importArchive: async (path) => ({ dossierId: (await options.importArchive(path)).id }),
    autoImport: () => settings.get().pickupAutoImport,
    emit: (offer) => options.events.emit('pickup.changed', offer),
  });
  return {
    pickup,
    list: async () => ({ enabled: settings.get().pickupEnabled, folders: await folders.describe(), offers: pickup.list() }),
  };
}
