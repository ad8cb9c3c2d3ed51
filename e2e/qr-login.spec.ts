/**
 * Manual §1–2: a lawyer activates the phone app, then logs in by scanning the QR code the app shows.
 * The QR is read off the screen and scanned with the simulated phone: no back door.
 */
import { expect, test } from './fixtures';
import { expectPersonalCenter, openQrLogin, signOut } from './support/app-login';
import { newLawyer } from './support/lawyer';
import { Phone } from './support/phone';
import { readQrFromScreen } from './support/read-qr';

test('the demo banner says the app is connected to the bundled mock portal', async ({ desk }) => {
  await expect(desk.page.getByText('演示环境 · 模拟门户')).toBeVisible();
});

test('a first-time lawyer scans, agrees to 授权信息, completes 完善信息 and reaches 个人中心', async ({ desk, portal }) => {
  const page = desk.page;
  const lawyer = newLawyer();
  const phone = new Phone(portal.url, lawyer);
  await phone.activate();

  const qrText = await openQrLogin(page);
  const scanned = await phone.scan(qrText);
  await expect(page.getByText('已扫描，请在手机上确认').first()).toBeVisible();
  await phone.decide(scanned.sessionId, 'confirm');

  await expect(page.getByRole('heading', { name: '授权信息' })).toBeVisible();
  await expect(page.getByRole('main').getByText(lawyer.licenseNumber)).toBeVisible();
  await page.getByRole('button', { name: '同意' }).click();

  await expect(page.getByRole('heading', { name: '完善信息' })).toBeVisible();
  await page.getByLabel('律师事务所').fill(lawyer.lawFirm);
  await page.getByLabel('电子邮箱').fill('lawyer@example.cn');
  await page.getByRole('button', { name: '提交' }).click();

  await expectPersonalCenter(page, lawyer);
  await signOut(page);
});

test('a returning lawyer goes straight to 个人中心, and a restart stays logged in', async ({ desk, portal }) => {
  const lawyer = newLawyer();
  const phone = new Phone(portal.url, lawyer);
  await phone.activate();

  // First visit: registers with 12309.
  let page = desk.page;
  await phone.scanAndConfirm(await openQrLogin(page));
  await page.getByRole('button', { name: '同意' }).click();
  await page.getByLabel('律师事务所').fill(lawyer.lawFirm);
  await page.getByRole('button', { name: '提交' }).click();
  await expectPersonalCenter(page, lawyer);
  await signOut(page);

  // Second visit: no 授权信息, no 完善信息.
  await phone.scanAndConfirm(await openQrLogin(page));
  await expectPersonalCenter(page, lawyer);
  await expect(page.getByRole('heading', { name: '授权信息' })).toHaveCount(0);

  // The session token sits in the OS keychain: closing and reopening the app keeps the lawyer in.
  page = await desk.restart();
  await expectPersonalCenter(page, lawyer);
});

test('cancelling on the phone tells the lawyer and offers a fresh QR code', async ({ desk, portal }) => {
  const page = desk.page;
  const lawyer = newLawyer();
  const phone = new Phone(portal.url, lawyer);
  await phone.activate();

  const first = await openQrLogin(page);
  const scanned = await phone.scan(first);
  await phone.decide(scanned.sessionId, 'cancel');
  await expect(page.getByText('已在手机上取消，请重新扫码').first()).toBeVisible();
  await expect.poll(() => readQrFromScreen(page.getByTestId('login-qr'))).not.toBe(first);
});

test('a phone that was never activated cannot log in', async ({ desk, portal }) => {
  const page = desk.page;
  const stranger = new Phone(portal.url, newLawyer());
  const qrText = await openQrLogin(page);
  await expect(stranger.scan(qrText)).rejects.toThrow(/激活|NOT_ACTIVATED|未/);
  await expect(page.getByRole('heading', { name: '个人中心' })).toHaveCount(0);
});

test.describe('with QR codes that expire after 5 seconds', () => {
  test.use({ portalArgs: ['--qr-ttl', '5'] });

  test('an expired QR code is replaced by a fresh one that still logs in', async ({ desk, portal }) => {
    const page = desk.page;
    const lawyer = newLawyer();
    const phone = new Phone(portal.url, lawyer);
    await phone.activate();

    const first = await openQrLogin(page);
    await expect(page.getByText('二维码已过期，已自动刷新').first()).toBeVisible();
    const fresh = await readQrFromScreen(page.getByTestId('login-qr'));
    expect(fresh).not.toBe(first);
    await expect(phone.scan(first)).rejects.toThrow(/过期|QR_EXPIRED|不存在/);

    await phone.scanAndConfirm(fresh);
    await expect(page.getByRole('heading', { name: '授权信息' })).toBeVisible();
  });
});
