import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronPackage = resolve(import.meta.dirname, '../../node_modules/electron');

/** The Electron executable when its binary has been installed, else the reason it cannot run. */
export function findElectron(): { path: string } | { missing: string } {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'Electron binary not installed (node_modules/electron/path.txt is missing; run `npx install-electron`, with ELECTRON_MIRROR set where GitHub is unreachable)',
    };
  }
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron binary missing at ${binary}` };
}
