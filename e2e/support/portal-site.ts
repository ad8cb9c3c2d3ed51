import type { Download, Locator, Page } from '@playwright/test';
import type { Phone } from './phone';
import { readQrFromScreen } from './read-qr';

/** How long a step may take: the phone scans through the CLI, and the page waits on a long poll. */
const STEP_MS = 30_000;

/**
 * 卷宗下载 through the portal's website, as a lawyer does it in a browser (manual §2, §6): on a
 * page already at the site (/site/), 【登录】 ▸ 【律师认证登录】, the phone scans the QR read off
 * the screen, 我的预约 ▸ 辩护与代理网上预约, 【卷宗下载】 on the row of `caseName`, the phone scans
 * the 律师身份核验 QR, then 卷宗下载密码 and 【确定】. Resolves to the browser's download.
 * The lawyer must already be registered at 12309 (a new one meets 授权信息 and 完善信息 first).
 */
export async function downloadFromPortalSite(
  page: Page,
  options: { phone: Phone; caseName: string; downloadPassword: string },
): Promise<Download> {
  const { phone, caseName, downloadPassword } = options;
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  await button('登录').click();
  await button('律师认证登录').click();
  await page.getByRole('heading', { name: '律师身份核验扫码' }).waitFor();
  const loginQr = page.getByRole('img', { name: '登录二维码' });
  await drawn(loginQr);
  await phone.scanAndConfirm(await readQrFromScreen(loginQr));
  await page.getByRole('heading', { name: '个人中心' }).waitFor({ timeout: STEP_MS });

  const online = button('辩护与代理网上预约');
  if (!(await online.isVisible())) await button('我的预约').click();
  await online.click();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: caseName, exact: true }) });
  await row.getByRole('button', { name: '卷宗下载', exact: true }).click({ timeout: STEP_MS });

  await page.getByRole('heading', { name: '律师身份核验', exact: true }).waitFor();
  const verifyQr = page.getByRole('img', { name: '身份核验二维码' });
  await drawn(verifyQr);
  await phone.scanAndConfirm(await readQrFromScreen(verifyQr));

  const dialog = page.getByRole('dialog', { name: '卷宗下载密码' });
  await dialog.waitFor({ timeout: STEP_MS });
  await dialog.getByLabel('卷宗下载密码').fill(downloadPassword);
  const download = page.waitForEvent('download', { timeout: STEP_MS });
  await dialog.getByRole('button', { name: '确定', exact: true }).click();
  return download;
}

/** Waits until the QR <img> has loaded its picture: before that there is nothing on screen to read. */
async function drawn(qr: Locator): Promise<void> {
  await qr.waitFor({ timeout: STEP_MS });
  await qr.evaluate(
    (img: HTMLImageElement) =>
      img.complete && img.naturalWidth > 0
        ? undefined
        : new Promise<void>((resolve, reject) => {
            img.addEventListener('load', () => resolve(), { once: true });
            img.addEventListener('error', () => reject(new Error('the QR image did not load')), { once: true });
          }),
  );
}
