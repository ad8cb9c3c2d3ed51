import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where present (Playwright's own browser download is not always reachable).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
  existsSync(path),
);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  // A loaded machine may need longer (E2E_EXPECT_TIMEOUT, ms); the default suits an idle one.
  expect: { timeout: Number(process.env.E2E_EXPECT_TIMEOUT ?? 15_000) },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      // The Electron-only specs (app://, the native menu and dialogs, the single-instance lock).
      testIgnore: ['**/electron-*.spec.ts'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    // Drives the built Electron app: the specs `web` runs plus the electron-*.spec.ts ones. Skipped,
    // with the reason printed, where the binary is not installed.
    // The mock portal's own pages (phone, console) are web pages with no app in them: `web` covers them.
    { name: 'electron', testIgnore: ['**/mock-portal-*.spec.ts'] },
  ],
});
