import { expect, type Page } from '@playwright/test';
import type { TestLawyer } from './lawyer';
import type { Phone } from './phone';
import { readQrFromScreen } from './read-qr';

/** 【登录】 → 【律师认证登录】: returns the text of the QR code as read off the screen. */
export async function openQrLogin(page: Page): Promise<string> {
  await page.getByRole('button', { name: '登录', exact: true }).first().click();
  await page.getByRole('button', { name: '律师认证登录' }).click();
  await expect(page.getByText('律师身份核验扫码').first()).toBeVisible();
  const qr = page.getByTestId('login-qr');
  await expect(qr).toBeVisible();
  return readQrFromScreen(qr);
}

export async function expectPersonalCenter(page: Page, lawyer: Pick<TestLawyer, 'name' | 'lawFirm' | 'licenseNumber'>): Promise<void> {
  await expect(page.getByRole('heading', { name: '个人中心' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText(lawyer.name).first()).toBeVisible();
  await expect(main.getByText(lawyer.lawFirm)).toBeVisible();
  await expect(main.getByText(lawyer.licenseNumber)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true }).first()).toBeVisible();
}

/** A new lawyer's first visit (manual §2): activated phone, QR scan, 授权信息 【同意】, 完善信息 【提交】. */
export async function registerByQr(page: Page, phone: Phone): Promise<void> {
  await phone.activate();
  await phone.scanAndConfirm(await openQrLogin(page));
  await page.getByRole('button', { name: '同意' }).click();
  await page.getByLabel('律师事务所').fill(phone.lawyer.lawFirm);
  await page.getByRole('button', { name: '提交' }).click();
  await expectPersonalCenter(page, phone.lawyer);
}

/** 登录 ▸ 手机号+密码, for a lawyer registered on the portal (the seeded demo lawyers). */
export async function signInWithPassword(page: Page, phone: string, password: string): Promise<void> {
  await page.getByRole('button', { name: '登录', exact: true }).first().click();
  await page.getByRole('tab', { name: '手机号+密码' }).click();
  const form = page.getByRole('tabpanel', { name: '手机号+密码' });
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '个人中心' })).toBeVisible();
}
