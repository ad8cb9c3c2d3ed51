/**
 * For the Electron-only specs: the app launched through `_electron.launch` with its own profile,
 * reachable both as a page and as the main process (`app.evaluate`). Skipped, with the reason,
 * where the Electron binary is not installed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { test as base } from '../fixtures';
import { repoRoot } from './cli-process';
import { findElectron } from './electron-binary';

const electron = findElectron();

/** Why the Electron-only specs cannot run here, or null where they can. */
export const electronMissing: string | null = 'missing' in electron ? electron.missing : null;

interface ElectronFixtures {
  /** A fresh user-data folder for this test. */
  profile: string;
  /** The running app and its first window. */
  shell: { app: ElectronApplication; window: Page };
}

function launchArgs(portalUrl: string, profile: string) {
  return {
    args: [repoRoot, `--portal=${portalUrl}`],
    env: { ...process.env, DOSSIER_USER_DATA: profile, DOSSIER_LIBRARY_DIR: join(profile, '卷宗台') },
  };
}

export const test = base.extend<ElectronFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  profile: async ({}, use) => {
    const profile = await mkdtemp(join(tmpdir(), 'dossier-desk-electron-'));
    await use(profile);
    await rm(profile, { recursive: true, force: true });
  },

  shell: async ({ portal, profile }, use) => {
    if (!('path' in electron)) throw new Error(electron.missing);
    const app = await _electron.launch({ executablePath: electron.path, ...launchArgs(portal.url, profile) });
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use({ app, window });
    await app.close();
  },
});

/**
 * Starts the app a second time on the same profile, as a lawyer double-clicking its icon again,
 * and resolves with its exit code once it has gone.
 */
export function launchAgain(portalUrl: string, profile: string): Promise<number | null> {
  if (!('path' in electron)) return Promise.reject(new Error(electron.missing));
  const { args, env } = launchArgs(portalUrl, profile);
  const child = spawn(electron.path, args, { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

export { expect } from '@playwright/test';
