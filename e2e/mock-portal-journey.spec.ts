/**
 * The mock portal on its own, as a trainer or integrator meets it: from activation to a downloaded
 * dossier using only the phone page and the prosecutor console in Chromium, and curl against the
 * documented API (openapi.json).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { curl, curlJson } from './support/curl';
import { newLawyer } from './support/lawyer';

async function scanOnPhone(phone: Page, qrText: string): Promise<void> {
  await phone.getByRole('button', { name: '身份核验' }).click();
  await phone.getByRole('button', { name: '扫一扫' }).click();
  await phone.getByLabel('二维码内容').fill(qrText);
  await phone.getByRole('button', { name: '识别' }).click();
  await phone.getByRole('button', { name: '确认', exact: true }).click();
}

async function latestSms(phone: Page, matching: RegExp): Promise<string> {
  await phone.getByRole('button', { name: /短信/ }).click();
  const message = phone.locator('#sms-list li').filter({ hasText: matching }).first();
  await expect(message).toBeVisible({ timeout: 15_000 });
  return (await message.locator('p').first().innerText()).trim();
}

async function decide(consolePage: Page, tab: '案件绑定审核' | '在线阅卷审核', status: string, id: string, action: string) {
  await consolePage.getByRole('tab', { name: new RegExp(tab) }).click();
  await consolePage.locator('#status-filter').selectOption({ label: status });
  await consolePage.locator(`tr[data-id="${id}"] button[data-action="${action}"]`).click();
}

test('activation to downloaded dossier with the phone page, the console page and curl', async ({ portal, browser }) => {
  const api = (path: string) => `${portal.url}${path}`;
  const lawyer = newLawyer();
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
  const phone = await context.newPage();
  const consolePage = await browser.newPage();
  const files = await mkdtemp(join(tmpdir(), 'journey-'));
  try {
    // The API is documented.
    const openapi = (await curl([api('/openapi.json')])).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(openapi.openapi).toMatch(/^3\.1/);
    for (const path of ['/api/auth/qr-sessions', '/api/bindings', '/api/reviews/{id}/download-links', '/api/downloads/{token}']) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }

    // §1: activate the phone app.
    await phone.goto(api('/phone'));
    await phone.getByLabel('姓名').fill(lawyer.name);
    await phone.getByLabel('身份证号').fill(lawyer.idNumber);
    await phone.getByLabel('律师执业证号').fill(lawyer.licenseNumber);
    await phone.getByLabel('手机号').fill(lawyer.phone);
    await phone.getByRole('button', { name: '登录' }).click();
    await expect(phone.getByText(`${lawyer.name} 律师`)).toBeVisible();

    // §2: QR login, 授权信息, 完善信息.
    const qr = (await curlJson('POST', api('/api/auth/qr-sessions'), { body: { purpose: 'login' } })).json<{ id: string; qrText: string }>();
    await scanOnPhone(phone, qr.qrText);
    const login = await curlJson('POST', api(`/api/auth/qr-sessions/${qr.id}/token`), { body: {} });
    expect(login.status).toBe(200);
    const token = login.json<{ token: string }>().token;
    expect((await curlJson('GET', api('/api/me'), { token })).json<{ stage: string }>().stage).toBe('authorize');
    await curlJson('POST', api('/api/me/authorization'), { token, body: { agree: true } });
    const me = await curlJson('PUT', api('/api/me/profile'), { token, body: { lawFirm: lawyer.lawFirm } });
    expect(me.json<{ stage: string }>().stage).toBe('ready');

    // §3: bind a case at a pilot procuratorate, with the materials uploaded.
    const units = (await curl(['-G', api('/api/procuratorates'), '--data-urlencode', 'q=涪陵'])).json<{ items: { id: string; pilot: boolean }[] }>();
    const unit = units.items.find((u) => u.pilot);
    expect(unit).toBeDefined();
    const uploads: Record<string, string> = {};
    for (const [slot, kind] of [['license', 'license'], ['powerOfAttorney', 'power-of-attorney'], ['lawFirmLetter', 'law-firm-letter'], ['clientId', 'client-id']] as const) {
      const file = join(files, `${kind}.pdf`);
      await writeFile(file, `%PDF-1.4\n% ${kind}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
      const answer = await curl(['-H', `Authorization: Bearer ${token}`, '-F', `kind=${kind}`, '-F', `file=@${file};type=application/pdf`, api('/api/uploads')]);
      expect(answer.status).toBe(201);
      uploads[slot] = answer.json<{ id: string }>().id;
    }
    const caseName = `${lawyer.name.slice(0, 1)}某某危险驾驶案`;
    const binding = await curlJson('POST', api('/api/bindings'), {
      token,
      body: { procuratorateId: unit!.id, caseName, suspectName: '陈某某', role: 'defender', clientName: '陈某某', clientRelation: 'self', uploads },
    });
    expect(binding.status).toBe(201);
    const bindingId = binding.json<{ id: string }>().id;

    await consolePage.goto(api('/console'));
    await decide(consolePage, '案件绑定审核', '待审核', bindingId, 'approve');
    expect(await latestSms(phone, /案件绑定申请审核通过/)).toContain('可登录12309中国检察网');

    // §4: apply for online review after reading the 须知.
    const notice = (await curlJson('GET', api('/api/reviews/notice'))).json<{ version: string; text: string }>();
    expect(notice.text.length).toBeGreaterThan(50);
    const review = await curlJson('POST', api(`/api/bound-cases/${bindingId}/reviews`), { token, body: { acceptNotice: true, noticeVersion: notice.version } });
    expect(review.status).toBe(201);
    const reviewId = review.json<{ id: string }>().id;

    await decide(consolePage, '在线阅卷审核', '待审核', reviewId, 'approve');
    await latestSms(phone, /审核已通过，卷宗网上处理完成后/);
    await decide(consolePage, '在线阅卷审核', '审核通过', reviewId, 'publish');
    await consolePage.locator('#publish-form').getByRole('button', { name: '发布卷宗' }).click();

    // §5: the SMS with the two passwords.
    const sms = await latestSms(phone, /卷宗下载密码/);
    expect(sms).toContain(`【${caseName}】【在线阅卷】`);
    const downloadPassword = /卷宗下载密码为：(\d+)/.exec(sms)?.[1];
    expect(downloadPassword).toBeDefined();

    // §6: step-up scan, the download password, then the file itself.
    const stepUp = (await curlJson('POST', api('/api/step-up'), { token, body: { action: 'download' } })).json<{ id: string; qrText: string }>();
    const refused = await curlJson('POST', api(`/api/reviews/${reviewId}/download-links`), { token, body: { password: downloadPassword } });
    expect(refused.status).toBe(403);
    await scanOnPhone(phone, stepUp.qrText);
    const link = await curlJson('POST', api(`/api/reviews/${reviewId}/download-links`), {
      token,
      headers: { 'X-Step-Up': stepUp.id },
      body: { password: downloadPassword },
    });
    expect(link.status).toBe(201);
    const { url, sha256, size } = link.json<{ url: string; sha256: string; size: number }>();
    const archive = await curl([api(url)]);
    expect(archive.status).toBe(200);
    expect(archive.body.length).toBe(size);
    expect(createHash('sha256').update(archive.body).digest('hex')).toBe(sha256);
    expect(archive.headers['etag']).toBe(`"${sha256}"`);

    // Resume: the second half by Range.
    const half = Math.floor(size / 2);
    const tail = await curl(['-H', `Range: bytes=${half}-`, api(url)]);
    expect(tail.status).toBe(206);
    expect(tail.body.equals(archive.body.subarray(half))).toBe(true);

    // A real archive of volumes of PDFs, as another tool reads it.
    const zipPath = join(files, 'dossier.zip');
    await writeFile(zipPath, archive.body);
    const names = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zipPath], { encoding: 'utf8' });
    expect(names).toMatch(/第一卷\/.+\.pdf/);
  } finally {
    await context.close();
    await consolePage.close();
    await rm(files, { recursive: true, force: true });
  }
});

test('the phone page reports a failed face check with the hotline; the console rejects with a reason', async ({ portal, browser }) => {
  const api = (path: string) => `${portal.url}${path}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
  const phone = await context.newPage();
  const consolePage = await browser.newPage();
  try {
    const stranger = newLawyer();
    await phone.goto(api('/phone'));
    await phone.getByLabel('姓名').fill(stranger.name);
    await phone.getByLabel('身份证号').fill(stranger.idNumber);
    await phone.getByLabel('律师执业证号').fill(stranger.licenseNumber);
    await phone.getByLabel('手机号').fill(stranger.phone);
    await phone.getByLabel('识别失败').check();
    await phone.getByRole('button', { name: '登录' }).click();
    await expect(phone.getByRole('status')).toContainText('400-052-9602');

    // The seeded demo lawyer's pending binding, rejected from the console with a reason.
    await consolePage.goto(api('/console'));
    const row = consolePage.locator('#rows-bindings tr[data-status="pending"]').first();
    await expect(row).toBeVisible();
    const id = await row.getAttribute('data-id');
    await row.locator('button[data-action="reject"]').click();
    await consolePage.getByLabel('不通过原因').fill('授权委托书未加盖律师事务所公章');
    await consolePage.getByRole('button', { name: '确认不通过' }).click();
    await expect(consolePage.locator(`tr[data-id="${id}"]`)).toHaveCount(0);

    await phone.getByRole('button', { name: /短信/ }).click();
    await phone.getByLabel('本机号码').fill('13800000001');
    await phone.getByRole('button', { name: '查看短信' }).click();
    await expect(phone.locator('#sms-list li').first()).toContainText('审核未通过，原因：授权委托书未加盖律师事务所公章');
  } finally {
    await context.close();
    await consolePage.close();
  }
});
