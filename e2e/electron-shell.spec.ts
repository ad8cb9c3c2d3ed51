/**
 * The Electron window keeps to the app: it shows the UI from app://, and neither a link nor a
 * script in the page can take it to a file:// or http:// page or open another window.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { repoRoot } from './support/cli-process';
import { electronMissing, expect, test } from './support/electron-app';

test.skip(electronMissing !== null, electronMissing ?? '');

interface Recorded {
  /** URLs main was asked to navigate the window to, and those the window actually went to. */
  attempted: string[];
  committed: string[];
}

test('the window shows the app from app://renderer, with the contract bridge and no Node', async ({ shell }) => {
  const url = new URL(shell.window.url());
  expect([url.protocol, url.host, url.pathname]).toEqual(['app:', 'renderer', '/index.html']);
  expect(await shell.window.evaluate(() => typeof (window as unknown as { dossier?: unknown }).dossier)).toBe('object');
  expect(await shell.window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await shell.window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('navigation to file:// or http:// is refused and window.open opens nothing', async ({ shell, portal }) => {
  const { app, window: page } = shell;
  await app.evaluate(({ BrowserWindow }) => {
    const state = globalThis as unknown as Recorded;
    state.attempted = [];
    state.committed = [];
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    contents.on('will-navigate', (event, url) => state.attempted.push(url ?? (event as unknown as { url: string }).url));
    contents.on('did-navigate', (_event, url) => state.committed.push(url));
  });
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Not allowed to load local resource/.test(message.text())) refusals.push(message.text());
  });
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const navigateTo = (url: string) => page.evaluate((target) => void (location.href = target), url);
  const attempted = () => app.evaluate(() => (globalThis as unknown as Recorded).attempted);

  // Chromium may refuse file:// in the page itself; otherwise main sees it and prevents it.
  const fileUrl = pathToFileURL(join(repoRoot, 'out', 'renderer', 'index.html')).href;
  await navigateTo(fileUrl);
  await expect.poll(async () => refusals.length > 0 || (await attempted()).includes(fileUrl)).toBe(true);
  const httpUrl = new URL('/phone', portal.url).href;
  await navigateTo(httpUrl);
  await expect.poll(attempted).toContain(httpUrl);

  expect(await app.evaluate(() => (globalThis as unknown as Recorded).committed)).toEqual([]);
  expect(new URL(page.url()).protocol).toBe('app:');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  expect(await page.evaluate((url) => window.open(url) === null, portal.url)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
