/** The library as the CLI opens it: the app's data folder and keychain, no portal. */
import { resolve } from 'node:path';
import { DossierPasswordStore } from '../core/dossier-passwords';
import { EventHub } from '../core/events/event-hub';
import type { LibraryService } from '../core/library';
import { defaultLibraryFolder, openLibrary } from '../core/open-library';
import { openSecretStore } from '../core/secrets';
import { SettingsService } from '../core/settings';
import { UsageError } from './command';
import { defaultDataDir } from './data-dir';

export const libraryOptionsUsage = `  --data DIR       the app's data folder (default: ${defaultDataDir()})`;

export function dataDirOption(value: string | undefined): string {
  if (value !== undefined && value.trim() === '') throw new UsageError('--data must name a folder');
  return resolve(value ?? defaultDataDir());
}

export async function withOfflineLibrary<T>(dataDir: string, use: (library: LibraryService) => Promise<T>): Promise<T> {
  const settings = new SettingsService(dataDir);
  await settings.load();
  const secrets = await openSecretStore('keychain', (reason) => {
    process.stderr.write(`No OS keychain available (${reason}); passwords are not kept after this command.\n`);
  });
  const library = await openLibrary({
    dataDir,
    settings,
    passwords: new DossierPasswordStore(secrets),
    events: new EventHub(),
    defaultFolder: defaultLibraryFolder(),
  });
  try {
    return await use(library);
  } finally {
    await library.close();
  }
}
