/**
 * The library with what it stands on (settings for the managed folder, the keychain for passwords).
 * createCore uses it; so do the CLI's offline commands (`library list`, `import`), which need no portal.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DossierPasswordStore } from './dossier-passwords';
import type { EventHub } from './events/event-hub';
import { LibraryService } from './library';
import type { SettingsService } from './settings';

/** The folder name under Documents that holds the dossiers when the lawyer chose none. */
export const LIBRARY_FOLDER_NAME = '卷宗台';

/** Default managed folder: `DOSSIER_LIBRARY_DIR` (tests, demos), else `<Documents>/卷宗台`. */
export function defaultLibraryFolder(documentsDir: string = join(homedir(), 'Documents'), env: NodeJS.ProcessEnv = process.env): string {
  const override = env['DOSSIER_LIBRARY_DIR']?.trim();
  return override ? override : join(documentsDir, LIBRARY_FOLDER_NAME);
}

export interface LibraryHooks {
  /** Host's way to move a folder to the trash (Electron: shell.trashItem); default: the `trash` package. */
  trashItem?: (path: string) => Promise<void>;
  /** Host's way to show a folder in the file manager (Electron: shell.showItemInFolder). */
  revealItem?: (path: string) => Promise<void>;
  /** Host's way to open a dossier file with the OS's app for it (Electron: shell.openPath); default: the platform's opener. */
  openItem?: (path: string) => Promise<void>;
}

export async function openLibrary(options: {
  dataDir: string;
  settings: SettingsService;
  passwords: DossierPasswordStore;
  events: EventHub;
  defaultFolder: string;
  hooks?: LibraryHooks;
}): Promise<LibraryService> {
  const library = new LibraryService({
    dataDir: options.dataDir,
    folder: () => options.settings.get().libraryFolder ?? options.defaultFolder,
    passwords: options.passwords,
    events: options.events,
    maxUnpackedGb: () => options.settings.get().maxUnpackedGb,
    ...(options.hooks?.trashItem ? { trashItem: options.hooks.trashItem } : {}),
    ...(options.hooks?.revealItem ? { revealItem: options.hooks.revealItem } : {}),
  });
  await library.load();
  return library;
}
