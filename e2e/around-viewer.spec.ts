/**
 * Around the viewer: 【粘贴短信】's 卷宗下载密码 prefills 卷宗下载 before the dossier is in 卷宗库;
 * once it is there, 辩护与代理网上预约 offers 已下载 · 【阅读】; at 1024×700 the action buttons stay
 * on screen and the side menu folds; a case bound outside the 在线阅卷 pilots is warned about.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInWithPassword } from './support/app-login';
import { dossier } from './support/cli-process';
import { newLawyer } from './support/lawyer';
import { openMenu } from './support/menu';
import { Phone } from './support/phone';
import { readQrFromScreen } from './support/read-qr';

/** The seeded demo lawyer (see `dossier portal --help`): registered, with an approved online review. */
const DEMO = { name: '张明远', phone: '13800000001', password: 'Demo@12309' };
const SMALL = { width: 1024, height: 700 };

test.use({ portalArgs: ['--dossier-pages', '4'] });
// The whole journey (publish, paste, scan, download, extract, four pages at 1024×700) on two shared cores.
test.describe.configure({ timeout: 420_000 });

/** 卷宗网上处理完成 for the demo lawyer's approved review; returns its case and the SMS it sent. */
async function publishDemoDossier(portalUrl: string, phone: Phone): Promise<{ caseName: string; sms: string }> {
  const [review] = (await dossier(['console', 'list', '--portal', portalUrl, '--kind', 'reviews', '--status', 'approved']))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; caseName: string });
  if (!review) throw new Error('the seeded portal has no approved review');
  await dossier(['console', 'publish', review.id, '--portal', portalUrl]);
  let sms = '';
  await expect
    .poll(async () => {
      sms = (await phone.inbox()).filter((m) => m.kind === 'dossier-ready' && m.text.includes(review.caseName)).pop()?.text ?? '';
      return sms;
    }, { timeout: 60_000 })
    .not.toBe('');
  return { caseName: review.caseName, sms };
}

/** A menu entry of the folded side menu: its group opens as a pop-up on hover. */
async function openFoldedMenu(page: Page, ...path: string[]): Promise<void> {
  const sider = page.locator('.app-sider');
  const leaf = path[path.length - 1]!;
  const [parent] = path.slice(0, -1);
  if (parent) {
    await sider.locator('.ant-menu-submenu-title').filter({ hasText: parent }).hover();
    await page.locator('.ant-menu-submenu-popup').getByText(leaf, { exact: true }).click();
  } else {
    await sider.locator('.ant-menu-item').filter({ hasText: leaf }).click();
  }
  await expect(page.getByRole('heading', { name: leaf })).toBeVisible();
}

/** The element lies wholly inside the window (no scrolling needed to see it). */
async function expectInViewport(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  const size = page.viewportSize();
  expect(box, 'the element has a box').not.toBeNull();
  expect(size).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size!.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size!.height);
}

test('the pasted SMS prefills 卷宗下载; once in 卷宗库 the appointment reads 已下载 · 【阅读】', async ({ desk, portal }) => {
  const page = desk.page;
  const phone = new Phone(portal.url, { ...newLawyer(), name: DEMO.name, phone: DEMO.phone });
  const published = await publishDemoDossier(portal.url, phone);
  const downloadPassword = /卷宗下载密码为：(\w+)/.exec(published.sms)?.[1] ?? '';
  expect(downloadPassword).not.toBe('');
  await signInWithPassword(page, DEMO.phone, DEMO.password);

  await openMenu(page, '我的预约', '辩护与代理网上预约');
  const row = page.getByRole('row').filter({ hasText: published.caseName });
  await expect(row).toContainText('可下载');
  await page.getByRole('button', { name: '粘贴短信' }).click();
  const paste = page.getByRole('dialog').filter({ hasText: '粘贴短信' });
  await paste.getByRole('textbox').fill(published.sms);
  await paste.getByRole('button', { name: /识别|确定|保存/ }).first().click();
  await expect(paste.getByText('已保存到系统钥匙串')).toBeVisible();
  await paste.getByRole('button', { name: '完成' }).click();
  await expect(row.getByText('下载密码')).toBeVisible();

  // No 卷宗库 entry exists before the first download: the box is filled all the same.
  await row.getByRole('button', { name: '卷宗下载' }).click();
  const qr = page.getByTestId('step-up-qr');
  await expect(qr).toBeVisible();
  await phone.scanAndConfirm(await readQrFromScreen(qr));
  const passwordBox = page.getByRole('dialog').filter({ hasText: '卷宗下载密码' });
  await expect(passwordBox).toBeVisible();
  await expect(page.getByTestId('download-password')).toHaveValue(downloadPassword);
  await expect(passwordBox).toContainText('已填入从短信保存的卷宗下载密码');
  await expect(page.getByTestId('download-password-prefill-failed')).toHaveCount(0);
  await passwordBox.getByRole('button', { name: '确定' }).click();
  await expect(passwordBox).toBeHidden();

  await openMenu(page, '卷宗库');
  const libraryRow = page.getByTestId('library-row').filter({ hasText: published.caseName });
  await expect(libraryRow).toContainText('已解压', { timeout: 60_000 });

  // Back at the appointment: 已下载 and 【阅读】, no fresh 律师身份核验 QR; 卷宗下载 again stays at hand.
  await openMenu(page, '辩护与代理网上预约');
  await expect(row.getByTestId('appointment-downloaded')).toHaveText('已下载');
  const read = row.getByRole('button', { name: '阅读' });
  await expect(read).toBeEnabled();
  await expect(row.getByRole('button', { name: '卷宗下载' })).toBeVisible();

  // At 1024×700 the menu folds and every page's action buttons are on screen.
  await page.setViewportSize(SMALL);
  const fold = page.getByTestId('side-nav-fold');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  expect((await page.locator('.app-sider').boundingBox())!.width).toBeLessThanOrEqual(80);
  await expectInViewport(page, read);
  await expectInViewport(page, row.getByRole('button', { name: '卷宗下载' }));
  await page.screenshot({ path: test.info().outputPath('around-appointments-1024.png') });

  await openFoldedMenu(page, '卷宗库');
  await expectInViewport(page, libraryRow.getByRole('button', { name: '阅读' }));
  await page.screenshot({ path: test.info().outputPath('around-library-1024.png') });

  await openFoldedMenu(page, '我的案件', '已绑定案件');
  await expectInViewport(page, page.getByRole('row').filter({ hasText: '蜀山' }).getByRole('button', { name: '申请在线阅卷' }));
  await page.screenshot({ path: test.info().outputPath('around-bound-cases-1024.png') });

  await openFoldedMenu(page, '个人中心');
  await page.screenshot({ path: test.info().outputPath('around-profile-1024.png') });

  // Unfolded by hand it shows its labels; the window is still narrow, so that is not kept.
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  expect((await page.locator('.app-sider').boundingBox())!.width).toBeGreaterThan(200);
  await page.screenshot({ path: test.info().outputPath('around-menu-open-1024.png') });

  // Even with the menu's 236 px taken, the action columns stay on screen (the tables scroll beneath them).
  await openMenu(page, '卷宗库');
  await expectInViewport(page, libraryRow.getByRole('button', { name: '阅读' }));
  await openMenu(page, '已绑定案件');
  await expectInViewport(page, page.getByRole('row').filter({ hasText: '蜀山' }).getByRole('button', { name: '申请在线阅卷' }));
  await openMenu(page, '辩护与代理网上预约');
  await expectInViewport(page, read);
  await expectInViewport(page, row.getByRole('button', { name: '卷宗下载' }));

  // 【阅读】 from the appointment opens the viewer on that dossier.
  await read.click();
  await expect(page).toHaveURL(/#\/viewer\/[^/]+$/);
});

test('a wide window keeps the fold the lawyer chose, across a restart', async ({ desk }) => {
  let page = desk.page;
  const fold = page.getByTestId('side-nav-fold');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  expect((await page.locator('.app-sider').boundingBox())!.width).toBeLessThanOrEqual(80);
  // Saved (settings.json in the profile) before the app is closed.
  const settingsFile = join(dirname(desk.libraryFolder), 'settings.json');
  await expect
    .poll(async () => (JSON.parse(await readFile(settingsFile, 'utf8').catch(() => '{}')) as { sideNavCollapsed?: boolean }).sideNavCollapsed)
    .toBe(true);
  page = await desk.restart();
  // The settings arrive a moment after the page (slow on a loaded machine).
  await expect(page.getByTestId('side-nav-fold')).toHaveAttribute('aria-expanded', 'false', { timeout: 60_000 });
});

test('a case bound outside the 在线阅卷 pilots is warned about, with the way to 现场阅卷', async ({ desk }) => {
  const page = desk.page;
  await signInWithPassword(page, DEMO.phone, DEMO.password);
  await openMenu(page, '我的案件', '已绑定案件');
  // The seeded binding at 五华区 (昆明, no pilot) and none for the pilot units' cases.
  const warning = page.getByTestId('review-unavailable');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('李某故意伤害案：昆明市五华区人民检察院暂未开通在线阅卷');
  await expect(warning).toContainText('现场阅卷');
  await expect(warning).toContainText('0871-64124443');
  await expect(page.getByRole('row').filter({ hasText: '五华' }).getByRole('button', { name: '申请在线阅卷' })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('around-bound-cases-warning.png') });
});
