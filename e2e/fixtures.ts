/**
 * One suite, two targets. `desk` is the app as the lawyer meets it: in the `web` project the web
 * host in the system Chromium, in the `electron` project the built Electron app. Both talk to a
 * real mock portal started for the test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { repoRoot, serve, type Served } from './support/cli-process';
import { findElectron } from './support/electron-binary';

export interface Desk {
  page: Page;
  /**
   * Quits and starts the app again with the same profile, as a lawyer closing and reopening it;
   * `kill` ends it the hard way instead (a crash, a power cut), giving it no chance to tidy up.
   */
  restart(how?: 'quit' | 'kill'): Promise<Page>;
  /** The managed folder this profile's dossiers go into. */
  libraryFolder: string;
}

interface Fixtures {
  /** Extra `dossier portal` options, e.g. a short QR lifetime. */
  portalArgs: string[];
  /**
   * Extra `dossier web` options. By default `--no-ocr`: 文字识别 would add hits on scanned pages while
   * a spec counts them; the spec about it turns it back on (`test.use({ webArgs: [] })`).
   */
  webArgs: string[];
  portal: Served;
  desk: Desk;
}

/**
 * The app runs with the OS's "reduce motion" on, so antd opens dialogs without zooming them in: a click
 * computed while a dialog is still small (its 导入 button once measured 12 × 6 px) lands elsewhere once
 * it has grown, and is lost.
 */
export const test = base.extend<Fixtures>({
  portalArgs: [[], { option: true }],
  webArgs: [['--no-ocr'], { option: true }],

  portal: async ({ portalArgs }, use) => {
    const portal = await serve(['portal', '--port', '0', ...portalArgs]);
    await use(portal);
    await portal.stop();
  },

  desk: async ({ portal, playwright, webArgs }, use, testInfo) => {
    const profile = await mkdtemp(join(tmpdir(), 'dossier-desk-e2e-'));
    const libraryFolder = join(profile, '卷宗台');
    if (testInfo.project.name === 'electron') {
      const electron = findElectron();
      test.skip('missing' in electron, 'missing' in electron ? electron.missing : '');
      if (!('path' in electron)) return;
      let app: ElectronApplication | null = null;
      const launch = async (): Promise<Page> => {
        app = await _electron.launch({
          executablePath: electron.path,
          args: [repoRoot, `--portal=${portal.url}`],
          env: { ...process.env, DOSSIER_USER_DATA: profile, DOSSIER_LIBRARY_DIR: libraryFolder },
        });
        const page = await app.firstWindow();
        await page.emulateMedia({ reducedMotion: 'reduce' });
        return page;
      };
      const desk: Desk = {
        libraryFolder,
        page: await launch(),
        restart: async (how = 'quit') => {
          if (how === 'kill') (app as ElectronApplication | null)?.process().kill('SIGKILL');
          else await app?.close();
          desk.page = await launch();
          return desk.page;
        },
      };
      await use(desk);
      await (app as ElectronApplication | null)?.close();
    } else {
      const browser: Browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
      const context = await browser.newContext({ viewport: testInfo.project.use.viewport ?? null, locale: 'zh-CN', reducedMotion: 'reduce' });
      let host: Served | null = null;
      const launch = async (): Promise<Page> => {
        host = await serve(['web', '--port', '0', '--portal', portal.url, '--data', profile, '--library', libraryFolder, ...webArgs]);
        const page = await context.newPage();
        await page.goto(host.url);
        return page;
      };
      const desk: Desk = {
        libraryFolder,
        page: await launch(),
        restart: async (how = 'quit') => {
          await desk.page.close();
          await (how === 'kill' ? host?.kill() : host?.stop());
          desk.page = await launch();
          return desk.page;
        },
      };
      await use(desk);
      await (host as Served | null)?.stop();
      await context.close();
      await browser.close();
    }
    await rm(profile, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
