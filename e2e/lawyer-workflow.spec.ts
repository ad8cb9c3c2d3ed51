/**
 * Manual §2–5 in the app, by the manual's labels, against a mock portal whose prosecutors approve
 * and publish on their own (--auto-approve): bind a case, apply for online review, receive the
 * dossier SMS, paste it, and see the dossier ready for 【卷宗下载】.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerByQr } from './support/app-login';
import { openMenu } from './support/menu';
import { newLawyer, type TestLawyer } from './support/lawyer';
import { Phone } from './support/phone';
import { readQrFromScreen } from './support/read-qr';

test.use({ portalArgs: ['--auto-approve=1', '--dossier-pages', '6'] });

const pdf = (name: string) => ({
  name: `${name}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});

async function attach(page: Page, label: string, file: ReturnType<typeof pdf>): Promise<void> {
  const row = page.locator('.ant-form-item').filter({ hasText: label }).first();
  await row.locator('input[type=file]').setInputFiles(file);
  await expect(row.getByText(file.name)).toBeVisible();
}

/** The portal's confirmation (保存成功, 提交成功) appears, and is closed. */
async function closeSuccess(page: Page, title: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await expect(dialog).toBeVisible();
  // A click that lands while antd is still zooming the box in can be lost: click again until it closes.
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button').last().click({ timeout: 2_000 });
    await expect(dialog).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Waits for an SMS of the given kind in the lawyer's phone and returns its text. */
async function smsOf(phone: Phone, kind: string): Promise<string> {
  let text = '';
  await expect
    .poll(async () => {
      text = (await phone.inbox()).filter((m) => m.kind === kind).pop()?.text ?? '';
      return text;
    }, { timeout: 30_000 })
    .not.toBe('');
  return text;
}

test('§2–5: bind a case, apply for online review, paste the dossier SMS', async ({ desk, portal }) => {
  const page = desk.page;
  const lawyer: TestLawyer = newLawyer();
  const phone = new Phone(portal.url, lawyer);
  await registerByQr(page, phone);

  // §3 案件绑定申请 → 【申请绑定】 → 案件绑定信息填写 → 【确定】 → 保存成功
  await openMenu(page, '我的案件', '案件绑定申请');
  await page.getByRole('button', { name: '申请绑定' }).click();
  await expect(page.getByRole('heading', { name: '案件绑定信息填写' })).toBeVisible();
  await page.getByLabel('受理单位').click();
  await page.getByLabel('受理单位').fill('涪陵');
  // antd renders the visible choices apart from the accessible (virtual) options.
  await page.locator('.ant-select-item-option').filter({ hasText: '重庆市涪陵区人民检察院' }).first().click();
  const caseName = `${lawyer.name.slice(0, 1)}某危险驾驶案`;
  await page.getByLabel('案件名称').fill(caseName);
  await page.getByLabel('犯罪嫌疑人姓名').fill('陈某某');
  await page.getByLabel('委托人', { exact: true }).fill('陈某某');
  await attach(page, '律师执业证', pdf('律师执业证'));
  await attach(page, '授权委托书', pdf('授权委托书'));
  await attach(page, '律师事务所函', pdf('律师事务所函'));
  await attach(page, '委托人身份证明', pdf('委托人身份证明'));
  await page.getByRole('button', { name: '确定' }).click();
  await closeSuccess(page, '保存成功');

  // The prosecutors approve; the lawyer gets the SMS and sees 已通过.
  expect(await smsOf(phone, 'binding-approved')).toContain('案件绑定申请审核通过');
  await expect
    .poll(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      return page.getByRole('row').filter({ hasText: caseName }).innerText();
    }, { timeout: 30_000 })
    .toContain('已通过');

  // §4 已绑定案件 → 【申请在线阅卷】 → 申请在线阅卷须知 → 我已阅读以上条款 → 【确定】 → 提交成功
  await openMenu(page, '已绑定案件');
  await page.getByRole('row').filter({ hasText: caseName }).getByRole('button', { name: '申请在线阅卷' }).click();
  const notice = page.getByRole('dialog').filter({ hasText: '申请在线阅卷须知' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: '确定' })).toBeDisabled();
  await notice.getByRole('checkbox', { name: '我已阅读以上条款' }).check();
  await notice.getByRole('button', { name: '确定' }).click();
  await closeSuccess(page, '提交成功');

  // §5 the dossier SMS; 【粘贴短信】 keeps its passwords for the appointment.
  const dossierSms = await smsOf(phone, 'dossier-ready');
  await openMenu(page, '我的预约', '辩护与代理网上预约');
  const row = page.getByRole('row').filter({ hasText: caseName });
  await expect
    .poll(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      return row.innerText();
    }, { timeout: 30_000 })
    .toContain('可下载');
  await page.getByRole('button', { name: '粘贴短信' }).click();
  const paste = page.getByRole('dialog').filter({ hasText: '粘贴短信' });
  // As copied from a phone: wrapped lines and ASCII punctuation.
  await paste.getByRole('textbox').fill(dossierSms.replace(/，/g, ',\n').replace(/：/g, ':'));
  await paste.getByRole('button', { name: /识别|确定|保存/ }).first().click();
  await expect(paste.getByText('已保存到系统钥匙串')).toBeVisible();
  await expect(paste.getByText(caseName).first()).toBeVisible();
  const downloadPassword = /卷宗下载密码为：(\w+)/.exec(dossierSms)![1]!;
  await expect(paste).not.toContainText(downloadPassword);
  await paste.getByRole('button', { name: '完成' }).click();
  await expect(row.getByRole('button', { name: '卷宗下载' })).toBeVisible();

  // 消息: the portal's notifications, with the unread count.
  await openMenu(page, '消息');
  await expect(page.getByRole('main').getByText(caseName).first()).toBeVisible();
});

test('a password login must scan before applying; outside the pilot provinces the app says why', async ({ desk, portal }) => {
  const page = desk.page;
  // The seeded demo lawyer (dossier portal --help): registered, phone app activated.
  const demo = new Phone(portal.url, { ...newLawyer(), name: '张明远', phone: '13800000001' });
  await page.getByRole('button', { name: '登录', exact: true }).first().click();
  await page.getByRole('tab', { name: '手机号+密码' }).click();
  const form = page.getByRole('tabpanel', { name: '手机号+密码' });
  await form.getByLabel('手机号').fill('13800000001');
  await form.getByLabel('密码').fill('Demo@12309');
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '个人中心' })).toBeVisible();

  await openMenu(page, '我的案件', '已绑定案件');
  const kunming = page.getByRole('row').filter({ hasText: '昆明' }).first();
  await expect(kunming).toContainText('暂未开通在线阅卷');
  await kunming.getByRole('button', { name: '申请在线阅卷' }).hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText('目前仅上海市、安徽省、重庆市检察机关试点开通在线阅卷功能');

  // The seeded binding at 蜀山区 (安徽, a pilot province) has no application yet.
  const shushan = page.getByRole('row').filter({ hasText: '蜀山' }).first();
  await shushan.getByRole('button', { name: '申请在线阅卷' }).click();
  const notice = page.getByRole('dialog').filter({ hasText: '申请在线阅卷须知' });
  await notice.getByRole('checkbox', { name: '我已阅读以上条款' }).check();
  await notice.getByRole('button', { name: '确定' }).click();

  // 律师身份核验: the QR off the screen, scanned and confirmed with the lawyer's phone.
  const qr = page.getByTestId('step-up-qr');
  await expect(qr).toBeVisible();
  await demo.scanAndConfirm(await readQrFromScreen(qr));
  await closeSuccess(page, '提交成功');
});

test('帮助 ▸ 联系方式 lists the hotline and the 案管大厅 phones, searchable', async ({ desk }) => {
  const page = desk.page;
  await openMenu(page, '帮助');
  await page.getByText('联系方式', { exact: true }).first().click();
  await expect(page.getByText('400-052-9602').first()).toBeVisible();
  await page.getByRole('searchbox').fill('五华');
  await expect(page.getByText('0871-64124443')).toBeVisible();
  await expect(page.getByText('0871-64895412')).toHaveCount(0);
});
