/**
 * Reading tools on a generated dossier: one page turned alone (and still turned after a reload), and
 * a second document side by side, with its own position and zoom.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { generateDossier, importArchive, openInViewer } from './support/viewer-dossier';

const CASE = '孙某某涉嫌故意伤害案';
const OPEN_PASSWORD = 'Rt5820';

/** Width over height of a page's sheet as shown (NaN while it is not in the DOM). */
async function aspect(sheet: Locator): Promise<number> {
  const box = await sheet.first().boundingBox({ timeout: 2_000 }).catch(() => null);
  return box ? box.width / box.height : Number.NaN;
}

test.describe('阅读工具', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'viewer-tools-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('turns one page alone, and reads two documents side by side', async ({ desk }) => {
    test.slow();
    const page = desk.page;
    await generateDossier(join(work, `${CASE}.zip`), { caseName: CASE, openPassword: OPEN_PASSWORD, pages: 24 });
    await importArchive(page, join(work, `${CASE}.zip`), CASE);
    await openInViewer(page, CASE, OPEN_PASSWORD);

    // Page 2 of 起诉意见书 is turned; its pages 1 and 3 stay upright (portrait).
    const document = '第一卷/01_起诉意见书.pdf';
    const pageOf = (n: number) => page.locator(`[data-testid="viewer-page"][data-document="${document}"][data-page="${n}"] .viewer-sheet`);
    await page.getByRole('tree').getByText('起诉意见书').click();
    await expect(pageOf(1)).toBeVisible();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page.getByTestId('viewer-page-box')).toHaveAttribute('data-file-page', '2');
    await expect.poll(() => aspect(pageOf(2))).toBeLessThan(1);
    await page.getByRole('button', { name: '向右旋转本页' }).click();
    await expect.poll(() => aspect(pageOf(2))).toBeGreaterThan(1);
    expect(await aspect(pageOf(1))).toBeLessThan(1);
    expect(await aspect(pageOf(3))).toBeLessThan(1);

    // Turned pages are remembered for the dossier (it reopens on the turned page).
    await page.reload();
    await expect(page.locator('[data-testid="viewer-page"][data-rendered="true"]').first()).toBeVisible();
    await expect.poll(() => aspect(pageOf(2))).toBeGreaterThan(1);
    await expect.poll(() => aspect(pageOf(3))).toBeLessThan(1);
    const firstDocument = document;

    // 并排阅读: a second pane beside the first, on another document of the dossier.
    await page.getByRole('button', { name: '并排阅读' }).click();
    const beside = page.getByTestId('viewer-pane-beside');
    await expect(beside).toBeVisible();
    const bar = page.getByTestId('viewer-beside-bar');
    await bar.getByRole('combobox', { name: '并排阅读的文件' }).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(3);
    const chosen = ((await option.textContent()) ?? '').trim();
    expect(chosen.length).toBeGreaterThan(0);
    await option.click();
    // The chosen document's first page, painted in the pane beside (its neighbours may be painted too).
    const besidePage = beside.locator(`[data-testid="viewer-page"][data-page="1"][aria-label^="${chosen} "][data-rendered="true"]`);
    await expect(besidePage).toBeVisible();
    await expect(besidePage).not.toHaveAttribute('data-document', firstDocument);
    await expect(bar).toContainText('第 1 /');
    await page.screenshot({ path: join('test-results', 'viewer-side-by-side.png') });

    // Each pane its own zoom: zooming the pane beside leaves the main pane's pages as they were.
    const mainPane = page.getByTestId('viewer-pane-main');
    const mainWidth = (await mainPane.locator('.viewer-sheet').first().boundingBox())?.width ?? 0;
    const besideWidth = (await besidePage.locator('.viewer-sheet').boundingBox())?.width ?? 0;
    await bar.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => (await beside.locator('.viewer-sheet').first().boundingBox())?.width ?? 0).toBeGreaterThan(besideWidth * 1.05);
    expect((await mainPane.locator('.viewer-sheet').first().boundingBox())?.width ?? 0).toBeCloseTo(mainWidth, 0);

    // PageDown in the pane last clicked turns its pages, not the main pane's.
    const mainCurrent = await page.getByTestId('viewer-page-box').getAttribute('data-file-page');
    const besideBefore = (await bar.textContent()) ?? '';
    await beside.locator('.viewer-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect(bar).not.toHaveText(besideBefore);
    expect(await page.getByTestId('viewer-page-box').getAttribute('data-file-page')).toBe(mainCurrent);

    await bar.getByRole('button', { name: '关闭并排阅读' }).click();
    await expect(beside).toHaveCount(0);
  });
});
