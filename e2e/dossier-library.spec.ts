/**
 * Manual §6 in the app: 【卷宗下载】 → 律师身份核验 (scan) → 卷宗下载密码 → the download with its
 * progress, surviving the app being killed mid-way, verified and extracted into 卷宗库; and
 * 导入卷宗 of an archive made elsewhere, by file picker and by drag and drop.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInWithPassword } from './support/app-login';
import { dossier } from './support/cli-process';
import { newLawyer } from './support/lawyer';
import { openMenu } from './support/menu';
import { Phone } from './support/phone';
import { readQrFromScreen } from './support/read-qr';

/** The seeded demo lawyer (see `dossier portal --help`): registered, with an approved online review. */
const DEMO = { name: '张明远', phone: '13800000001', password: 'Demo@12309' };

interface Published {
  caseName: string;
  sha256: string;
  downloadPassword: string;
  openPassword: string;
}

/** 卷宗网上处理完成 for the demo lawyer's approved review, and the SMS it sends. */
async function publishDemoDossier(portalUrl: string, phone: Phone): Promise<Published> {
  const approved = (await dossier(['console', 'list', '--portal', portalUrl, '--kind', 'reviews', '--status', 'approved']))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; caseName: string });
  const review = approved[0];
  if (!review) throw new Error('the seeded portal has no approved review');
  const published = JSON.parse(await dossier(['console', 'publish', review.id, '--portal', portalUrl])) as {
    dossier: { sha256: string };
  };
  let sms = '';
  await expect
    .poll(async () => {
      sms = (await phone.inbox()).filter((m) => m.kind === 'dossier-ready' && m.text.includes(review.caseName)).pop()?.text ?? '';
      return sms;
    })
    .not.toBe('');
  const [, downloadPassword = '', openPassword = ''] = /卷宗下载密码为：(\w+).*卷宗文档打开密码为：(\w+)/.exec(sms) ?? [];
  return { caseName: review.caseName, sha256: published.dossier.sha256, downloadPassword, openPassword };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The archive files (zip/7z) under the managed folder, wherever the app named the dossier's folder. */
async function archivesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(zip|7z)$/.test(entry.name)) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

async function libraryRow(page: Page, caseName: string) {
  return page.getByTestId('library-row').filter({ hasText: caseName });
}

test.describe('卷宗下载', () => {
  // A slow line, so the download can be watched and the app killed in the middle of it.
  test.use({ portalArgs: ['--dossier-pages', '8', '--download-kbps', '24'] });

  test('§6: scan, 卷宗下载密码, progress; killed mid-way it resumes, verifies and extracts into 卷宗库', async ({ desk, portal }) => {
    let page = desk.page;
    const phone = new Phone(portal.url, { ...newLawyer(), name: DEMO.name, phone: DEMO.phone });
    const published = await publishDemoDossier(portal.url, phone);
    await signInWithPassword(page, DEMO.phone, DEMO.password);

    // (1) 【我的预约】-【辩护与代理网上预约】 → 【卷宗下载】 → 律师身份核验
    await openMenu(page, '我的预约', '辩护与代理网上预约');
    const row = page.getByRole('row').filter({ hasText: published.caseName });
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        return row.innerText();
      })
      .toContain('可下载');
    await row.getByRole('button', { name: '卷宗下载' }).click();
    const qr = page.getByTestId('step-up-qr');
    await expect(qr).toBeVisible();
    // (2) 扫一扫 → the 卷宗下载密码 box.
    await phone.scanAndConfirm(await readQrFromScreen(qr));
    const passwordBox = page.getByRole('dialog').filter({ hasText: '卷宗下载密码' });
    await expect(passwordBox).toBeVisible();

    // A mistyped password is refused with the tries left; the scan still counts for the retry.
    await page.getByTestId('download-password').fill('000000');
    await passwordBox.getByRole('button', { name: '确定' }).click();
    await expect(passwordBox).toContainText('卷宗下载密码错误');
    // (3) the SMS's password → 【确定】 starts the download.
    await page.getByTestId('download-password').fill(published.downloadPassword);
    await passwordBox.getByRole('button', { name: '确定' }).click();
    await expect(passwordBox).toBeHidden();

    await openMenu(page, '卷宗库');
    const task = page.getByTestId('download-progress').filter({ hasText: published.caseName });
    await expect(task).toContainText('下载中');
    await expect(task).toContainText(/剩余/);
    // Some bytes are on disk, not all: then the app dies.
    await expect.poll(async () => Number(/(\d+(?:\.\d+)?)%/.exec(await task.innerText())?.[1] ?? 0)).toBeGreaterThan(5);
    await expect(task).not.toContainText('100%');
    page = await desk.restart('kill');

    // Started again it picks the download up by itself, verifies it and extracts the dossier.
    await expect(page.getByRole('heading', { name: '个人中心' })).toBeVisible();
    await openMenu(page, '卷宗库');
    const dossierRow = await libraryRow(page, published.caseName);
    await expect(dossierRow).toContainText('已解压', { timeout: 60_000 });
    await expect(dossierRow).toContainText('1 卷');

    // On disk: exactly the portal's archive, nothing partial left behind.
    const archives = await archivesIn(desk.libraryFolder);
    expect(archives).toHaveLength(1);
    expect(sha256(await readFile(archives[0]!))).toBe(published.sha256);
    const leftovers = (await readdir(desk.libraryFolder, { recursive: true })).filter((name) => /\.part(\.json)?$/.test(String(name)));
    expect(leftovers).toEqual([]);

    // 显示密码: the download password kept in the keychain, shown only on request.
    await dossierRow.getByRole('button', { name: '显示密码' }).click();
    const passwords = page.getByRole('dialog').filter({ hasText: '卷宗密码' });
    await expect(passwords).not.toContainText(published.downloadPassword);
    await passwords.getByRole('button', { name: '显示' }).first().click();
    await expect(passwords).toContainText(published.downloadPassword);
    await passwords.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect(passwords).toBeHidden();

    // Search by a file name inside the dossier, and by a term that matches nothing.
    await page.getByTestId('library-search').fill('讯问笔录');
    await expect(dossierRow).toBeVisible();
    await page.getByTestId('library-search').fill('不存在的案件');
    await expect(page.getByTestId('library-row')).toHaveCount(0);
  });
});

test.describe('导入卷宗', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'dossier-import-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('an encrypted 7z from elsewhere: asks for the password, refuses a wrong one, extracts with the right one', async ({ desk }) => {
    const page = desk.page;
    const archive = join(work, '王某某诈骗案.7z');
    await dossier([
      'console', 'generate', '--out', archive, '--pages', '4', '--format', '7z',
      '--archive-password', '8642', '--open-password', '8642', '--case-name', '王某某诈骗案',
    ]);
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await expect(page.getByRole('heading', { name: '卷宗库' })).toBeVisible();
    await expect(page.getByText('卷宗库中还没有卷宗')).toBeVisible();

    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.locator('input[type=file]').setInputFiles(archive);
    await expect(dialog.getByText(basename(archive))).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();

    // The archive's names are encrypted: the app asks (输入密码解压).
    const ask = page.getByRole('dialog').filter({ hasText: '输入密码解压' });
    await expect(ask).toBeVisible();
    await ask.getByLabel('解压密码').fill('1111');
    await ask.getByRole('button', { name: '解压' }).click();
    await expect(ask).toContainText('压缩包密码不正确');
    await ask.getByLabel('解压密码').fill('8642');
    await ask.getByRole('button', { name: '解压' }).click();
    await expect(ask).toBeHidden();

    const row = await libraryRow(page, '王某某诈骗案');
    await expect(row).toContainText('已解压');
    // The password opened the PDFs as well, so their pages were counted.
    await expect(row).toContainText('4 页');
    const archives = await archivesIn(desk.libraryFolder);
    expect(archives.map((path) => basename(path))).toEqual(['王某某诈骗案.7z']);
    expect(sha256(await readFile(archives[0]!))).toBe(sha256(await readFile(archive)));
  });

  test('a zip with GBK names dropped onto 卷宗库 is imported with its names right; a non-archive is refused', async ({ desk }) => {
    const page = desk.page;
    const archive = join(work, '李某盗窃案.zip');
    await dossier(['console', 'generate', '--out', archive, '--pages', '3', '--gbk', '--case-name', '李某盗窃案']);
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await expect(page.getByRole('heading', { name: '卷宗库' })).toBeVisible();

    const drop = async (name: string, bytes: Buffer) => {
      const dataTransfer = await page.evaluateHandle(
        ({ name, base64 }) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([data], name));
          return transfer;
        },
        { name, base64: bytes.toString('base64') },
      );
      const target = page.locator('.library-page');
      await target.dispatchEvent('dragenter', { dataTransfer });
      await target.dispatchEvent('dragover', { dataTransfer });
      await target.dispatchEvent('drop', { dataTransfer });
    };

    await drop('说明.zip', Buffer.from('这不是压缩包'));
    // With the OS's reduce-motion on (see fixtures), the dialog opens without antd's zoom.
    const importDialog = page.getByRole('dialog').filter({ hasText: '导入卷宗' });
    await expect(importDialog).toBeVisible();
    expect(await importDialog.getAttribute('class')).not.toMatch(/ant-zoom/);
    await importDialog.getByRole('button', { name: '导入' }).click();
    await expect(importDialog).toContainText('不支持的压缩包格式');
    await importDialog.getByRole('button', { name: '取消' }).click();

    await drop('李某盗窃案.zip', await readFile(archive));
    await expect(page.getByTestId('import-dialog').getByText('李某盗窃案.zip')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    const row = await libraryRow(page, '李某盗窃案');
    await expect(row).toContainText('已解压');
    // Windows-style GBK names come out as Chinese, searchable.
    await page.getByTestId('library-search').fill('封面及卷内目录');
    await expect(row).toContainText('封面及卷内目录');
    const files = (await readdir(desk.libraryFolder, { recursive: true })).map(String);
    expect(files.some((name) => name.endsWith('封面及卷内目录.pdf'))).toBe(true);
  });
});
