/**
 * The real portal's way, on one machine: the lawyer's own browser (a second Chromium) signs in on the
 * mock portal's website with the phone and downloads the dossier into a folder the app watches. The
 * SMS was pasted beforehand, with nobody signed in to the app: the app offers the archive, imports it
 * with those passwords, and a page opens without asking for the 卷宗文档打开密码.
 */
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { newLawyer } from './support/lawyer';
import { Phone } from './support/phone';
import { downloadFromPortalSite } from './support/portal-site';

// The seeded demo lawyer 张明远 (registered at 12309): --auto-approve publishes his 涪陵 review.
test.use({ portalArgs: ['--auto-approve'] });

const DEMO_PHONE = '13800000001';

test('a dossier downloaded in the lawyer\'s own browser is offered, imported with the pasted SMS\'s passwords, and read without asking', async ({
  desk,
  portal,
  browser,
}) => {
  test.slow();
  const { page } = desk;
  const watched = await mkdtemp(join(tmpdir(), 'dossier-desk-downloads-'));
  const phone = new Phone(portal.url, { ...newLawyer(), name: '张明远', phone: DEMO_PHONE });
  try {
    // The dossier SMS reaches the phone once the prosecutors published it.
    let sms = '';
    await expect
      .poll(async () => (sms = (await phone.inbox()).find((message) => message.kind === 'dossier-ready')?.text ?? ''), { timeout: 30_000 })
      .not.toBe('');
    const caseName = /【([^】]+)】/.exec(sms)?.[1] ?? '';
    const downloadPassword = /卷宗下载密码为[：:]\s*(\w+)/.exec(sms)?.[1] ?? '';
    expect(caseName).not.toBe('');

    // 【门户网站】 in a browser tab opens the site in a new tab (the demo portal's, as the mock is the portal).
    const tab = page.context().waitForEvent('page');
    await page.getByRole('main').getByRole('button', { name: '门户网站' }).click();
    const siteTab = await tab;
    await siteTab.waitForLoadState('domcontentloaded');
    expect(siteTab.url()).toBe(new URL('/site/', portal.url).href);
    await expect(siteTab.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    await siteTab.close();

    // 设置 ▸ 下载文件夹: the folder this browser saves into.
    await page.getByRole('navigation').getByText('设置', { exact: true }).click();
    const pickupSettings = page.getByTestId('pickup-settings');
    await pickupSettings.getByLabel('添加下载文件夹').fill(watched);
    await pickupSettings.getByRole('button', { name: '添加' }).click();
    await expect(pickupSettings.locator('.ant-list-item').filter({ hasText: watched })).toContainText('自行添加');

    // 消息 ▸ 【粘贴短信】, with nobody signed in to the app (the case is handled on the site).
    await page.getByRole('navigation').getByText('消息', { exact: true }).click();
    await page.getByRole('button', { name: '粘贴短信' }).click();
    await page.getByLabel('短信内容').fill(sms);
    await page.getByRole('dialog').getByRole('button', { name: /识\s*别/ }).click();
    await expect(page.getByRole('dialog')).toContainText('已保存到系统钥匙串');
    await page.getByRole('dialog').getByRole('button', { name: /完\s*成/ }).click();
    await expect(page.getByTestId('kept-sms')).toContainText(caseName);
    await expect(page.getByTestId('kept-sms')).toContainText('等待该案件的卷宗');

    // The lawyer's own browser: the portal's website, 卷宗下载, saved as Chrome does (.crdownload, then renamed).
    const lawyerBrowser = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const site = await lawyerBrowser.newPage();
    await site.goto(new URL('/site/', portal.url).href);
    const download = await downloadFromPortalSite(site, { phone, caseName, downloadPassword });
    const fileName = download.suggestedFilename();
    expect(fileName).toBe(`${caseName}.zip`);
    const partial = join(watched, `${fileName}.crdownload`);
    await download.saveAs(partial);
    await lawyerBrowser.close();
    await rename(partial, join(watched, fileName));
    const before = await stat(join(watched, fileName));

    // The app offers it wherever the lawyer is; 【导入】 from the notification.
    const offer = page.locator('.ant-notification-notice').filter({ hasText: '发现卷宗压缩包' });
    // Offered by its finished name (the .crdownload was never a dossier).
    await expect(offer).toContainText(`“${fileName}”`, { timeout: 30_000 });
    await offer.getByRole('button', { name: /导\s*入/ }).click();
    const imported = page.locator('.ant-notification-notice').filter({ hasText: '已导入卷宗库' });
    await expect(imported).toBeVisible({ timeout: 60_000 });

    // The browser's file is as it was.
    expect(await readdir(watched)).toEqual([fileName]);
    const after = await stat(join(watched, fileName));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);

    // 卷宗库: extracted, with the unit and both passwords from the SMS.
    await page.getByRole('navigation').getByText('卷宗库', { exact: true }).click();
    const row = page.getByTestId('library-row').filter({ hasText: caseName });
    await expect(row).toContainText('已解压', { timeout: 60_000 });
    await expect(row).toContainText('涪陵区院');
    // 消息 now names the dossier the passwords went to.
    await page.getByRole('navigation').getByText('消息', { exact: true }).click();
    await expect(page.getByTestId('kept-sms')).toContainText('已用于卷宗库中的卷宗');

    // 【阅读】: the first page is painted and nobody asked for the open password.
    await page.getByTestId('kept-sms').getByRole('button', { name: /阅\s*读/ }).click();
    await expect(page.locator('[data-testid="viewer-page"][data-rendered="true"]').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('dialog').filter({ hasText: '卷宗文档打开密码' })).toHaveCount(0);
  } finally {
    await rm(watched, { recursive: true, force: true });
  }
});
