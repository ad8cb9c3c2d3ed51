/**
 * 文件 ▸ 门户网站: the portal's own website in a window of its own. Here the mock portal's browser
 * site: the lawyer signs in there and downloads a dossier, which lands in 卷宗库 like one fetched
 * by the app, with no save dialog; the site's page gets none of the app's powers.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { dossier } from './support/cli-process';
import { electronMissing, expect, test } from './support/electron-app';
import { newLawyer } from './support/lawyer';
import { openMenu } from './support/menu';
import { Phone } from './support/phone';
import { downloadFromPortalSite } from './support/portal-site';

test.skip(electronMissing !== null, electronMissing ?? '');

/** The seeded demo lawyer (see `dossier portal --help`): registered, with an approved online review. */
const DEMO = { name: '张明远', phone: '13800000001', password: 'Demo@12309' };

interface Recorded {
  saveDialogs: unknown[];
}

/** 卷宗网上处理完成 for the demo lawyer's approved review; its case name and the SMS's 卷宗下载密码. */
async function publishDemoDossier(portalUrl: string, phone: Phone): Promise<{ caseName: string; downloadPassword: string }> {
  const approved = (await dossier(['console', 'list', '--portal', portalUrl, '--kind', 'reviews', '--status', 'approved']))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; caseName: string });
  const review = approved[0];
  if (!review) throw new Error('the seeded portal has no approved review');
  await dossier(['console', 'publish', review.id, '--portal', portalUrl]);
  let sms = '';
  await expect
    .poll(async () => {
      sms = (await phone.inbox()).filter((m) => m.kind === 'dossier-ready' && m.text.includes(review.caseName)).pop()?.text ?? '';
      return sms;
    })
    .not.toBe('');
  const [, downloadPassword = ''] = /卷宗下载密码为：(\w+)/.exec(sms) ?? [];
  return { caseName: review.caseName, downloadPassword };
}

/** Clicks 文件 ▸ 门户网站 in the application menu. */
async function openPortalSiteFromMenu(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()!.items.find((item) => item.label === '文件')!;
    file.submenu!.items.find((item) => item.label === '门户网站')!.click();
  });
}

/** The page of the 门户网站 window showing the site (the toolbar is a page of its own). */
async function portalSitePage(app: ElectronApplication, siteUrl: string): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(() => (found = app.windows().find((page) => page.url().startsWith(siteUrl))) !== undefined)
    .toBe(true);
  return found!;
}

test('文件 ▸ 门户网站 opens the mock site; signed in there, its 卷宗下载 lands in 卷宗库 without a save dialog', async ({ shell, portal }) => {
  const { app, window: appPage } = shell;
  const phone = new Phone(portal.url, { ...newLawyer(), name: DEMO.name, phone: DEMO.phone });
  const published = await publishDemoDossier(portal.url, phone);
  await app.evaluate(({ dialog }) => {
    const recorded = globalThis as unknown as Recorded;
    recorded.saveDialogs = [];
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      recorded.saveDialogs.push(args[args.length - 1]);
      return { canceled: true, filePath: '' };
    }) as typeof dialog.showSaveDialog;
  });

  const siteUrl = new URL('/site/', portal.url).href;
  await openPortalSiteFromMenu(app);
  const site = await portalSitePage(app, siteUrl);
  await site.waitForLoadState('domcontentloaded');

  // Remote content: no contract bridge, no Node.
  expect(await site.evaluate(() => typeof (window as unknown as { dossier?: unknown }).dossier)).toBe('undefined');
  expect(await site.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await site.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  // Opening it again brings the same window forward.
  const windowsBefore = app.windows().length;
  await openPortalSiteFromMenu(app);
  expect(app.windows()).toHaveLength(windowsBefore);

  await downloadFromPortalSite(site, { phone, caseName: published.caseName, downloadPassword: published.downloadPassword });

  await openMenu(appPage, '卷宗库');
  await expect(appPage.getByTestId('library-row').filter({ hasText: published.caseName })).toContainText('已解压', {
    timeout: 60_000,
  });
  expect(await app.evaluate(() => (globalThis as unknown as Recorded).saveDialogs)).toEqual([]);
});
