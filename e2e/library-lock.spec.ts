/**
 * 卷宗库锁: a passcode set in 设置, 退出登录 locks 卷宗库 (the lock screen takes its place, and 显示密码
 * could not get round it: core refuses), a wrong passcode is counted, 【解锁】 with the right one opens
 * 卷宗库 and the dossier reads again; locked again from 设置, the viewer's address shows the lock screen with
 * the way back to 卷宗库.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { signInWithPassword, signOut } from './support/app-login';
import { generateDossier, importArchive, openInViewer } from './support/viewer-dossier';

/** The seeded demo lawyer (see `dossier portal --help`). */
const DEMO = { phone: '13800000001', password: 'Demo@12309' };
const CASE = '孙某某涉嫌职务侵占案';
const OPEN_PASSWORD = 'Lk4820';
const PASSCODE = 'qiao-7315';

test.describe('卷宗库锁', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'library-lock-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('a passcode set in 设置 locks 卷宗库 on 退出登录; 【解锁】 with it opens the dossier again', async ({ desk }, testInfo) => {
    const page = desk.page;
    const generated = await generateDossier(join(work, `${CASE}.zip`), { caseName: CASE, openPassword: OPEN_PASSWORD, pages: 6 });
    await signInWithPassword(page, DEMO.phone, DEMO.password);
    await importArchive(page, generated.archive, CASE);

    // 设置 ▸ 卷宗库锁 ▸ 【设置密码】
    await page.goto(`${page.url().split('#')[0]}#/settings`);
    const card = page.getByTestId('library-lock-settings');
    await expect(card).toContainText('未设置卷宗库锁');
    await card.getByRole('button', { name: '设置密码' }).click();
    await card.getByTestId('library-lock-next').fill(PASSCODE);
    await card.getByTestId('library-lock-confirm').fill(`${PASSCODE}x`);
    await card.getByRole('button', { name: '保存' }).click();
    await expect(card).toContainText('两次输入的新密码不一致');
    await card.getByTestId('library-lock-confirm').fill(PASSCODE);
    await card.getByRole('button', { name: '保存' }).click();
    await expect(card).toContainText('已设置卷宗库锁');
    await card.screenshot({ path: testInfo.outputPath('library-lock-settings.png') });

    await signOut(page);
    await page.goto(`${page.url().split('#')[0]}#/library`);
    const lock = page.getByTestId('library-lock-screen');
    await expect(lock).toBeVisible();
    await expect(lock).toContainText('卷宗库已锁定');
    await expect(page.getByTestId('library-row')).toHaveCount(0);

    await lock.getByTestId('library-lock-passcode').fill('not-the-passcode');
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect(lock.getByTestId('library-lock-error')).toContainText('还可尝试 4 次');
    await page.screenshot({ path: testInfo.outputPath('library-lock-screen.png') });

    await lock.getByTestId('library-lock-passcode').fill(PASSCODE);
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect(lock).toBeHidden();
    await expect(page.getByTestId('library-row').filter({ hasText: CASE })).toContainText('已解压');
    await openInViewer(page, CASE, OPEN_PASSWORD);

    // 立即锁定 in 设置: the viewer's address now shows the lock screen in its place, with the way back.
    const viewerAddress = page.url();
    await page.goto(`${viewerAddress.split('#')[0]}#/settings`);
    await card.getByRole('button', { name: '立即锁定' }).click();
    await page.goto(viewerAddress);
    await expect(lock).toBeVisible();
    await expect(page.getByTestId('viewer-page')).toHaveCount(0);
    await lock.getByRole('button', { name: '返回卷宗库' }).click();
    await expect(page.getByRole('menuitem', { name: '卷宗库' })).toBeVisible();
    await expect(lock).toBeVisible();
  });
});
