/**
 * Core as the CLI's library commands open it: the app's data folder and keychain, the same
 * composition as the app (createCore) without a portal session, called through the contract.
 */
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { createCore } from '../core/index';
import { REAL_PORTAL_URL, type DossierApi } from '../shared/contract';
import { contractClient } from '../shared/contract-client';
import { UsageError } from './command';
import { defaultDataDir } from './data-dir';

export const libraryOptionsUsage = `  --data DIR       the app's data folder (default: ${defaultDataDir()})`;

export function dataDirOption(value: string | undefined): string {
  if (value !== undefined && value.trim() === '') throw new UsageError('--data must name a folder');
  return resolve(value ?? defaultDataDir());
}

export async function withOfflineCore<T>(dataDir: string, use: (api: DossierApi) => Promise<T>): Promise<T> {
  const core = await createCore({
    // Never asked offline; named only because core keeps the session of one portal.
    portalUrl: REAL_PORTAL_URL,
    dataDir,
    appVersion: version,
    offline: true,
  });
  try {
    return await use(contractClient(core.api));
  } finally {
    await core.close();
  }
}
