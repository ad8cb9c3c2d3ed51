/**
 * Reading progress and the volume's thumbnails: pages read are marked in 目录 (unread, partly read,
 * read) with the dossier's % read, kept across a reload; 缩略图 shows every page of the volume,
 * document after document, only those in view mounted, and takes the lawyer to the page clicked.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importArchive, openInViewer } from './support/viewer-dossier';
import { dossier } from './support/cli-process';

const CASE = '孙某某涉嫌故意伤害案';
const OPEN_PASSWORD = 'Kd7391';
const COVER = '第一卷/00_封面及卷内目录.pdf'; // 2 pages
const INDICTMENT = '第一卷/01_起诉意见书.pdf'; // 6 pages
const INTERROGATION = '第一卷/10_讯问笔录（孙某某第一次）.pdf'; // 5 pages, the volume's last

const tocRow = (page: Page, path: string) => page.locator(`[data-testid="toc-document"][data-document="${path}"]`);

async function percentRead(page: Page): Promise<number> {
  const text = (await page.getByTestId('reading-progress').textContent()) ?? '';
  return Number(/已读 (\d+)%/.exec(text)?.[1] ?? -1);
}

test.describe('阅读进度与缩略图', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'reading-progress-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('marks the pages read in 目录, keeps them across a reload, and shows the whole volume as thumbnails', async ({ desk }) => {
    // A long walk (import, read, reload, thumbnails): more than the usual time on a busy machine.
    test.setTimeout(300_000);
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    await dossier(['console', 'generate', '--out', archive, '--pages', '24', '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', '孙某某']);

    await importArchive(page, archive, CASE);
    await openInViewer(page, CASE, OPEN_PASSWORD);

    // Only the page on screen may count yet: the next document is unread.
    await expect(tocRow(page, INDICTMENT)).toHaveAttribute('data-read', 'unread');

    // Page 1 of the cover, read for a moment, then page 2: the document is read through.
    await expect(tocRow(page, COVER)).toHaveAttribute('data-read', 'partly');
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page.getByTestId('viewer-page-box')).toHaveAttribute('data-file-page', '2');
    await expect(tocRow(page, COVER)).toHaveAttribute('data-read', 'read');
    // On into the 起诉意见书: its first page read, the rest not.
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(tocRow(page, INDICTMENT)).toHaveAttribute('data-read', 'partly');
    await expect(tocRow(page, INDICTMENT).getByRole('img', { name: '已读 1 / 6 页' })).toBeVisible();
    await expect(tocRow(page, INTERROGATION)).toHaveAttribute('data-read', 'unread');
    await expect(tocRow(page, '第一卷/02_受案登记表.pdf')).toHaveAttribute('data-read', 'unread');
    // 3 pages of the dossier read: more than none, far from all.
    expect(await percentRead(page)).toBeGreaterThan(0);
    expect(await percentRead(page)).toBeLessThan(50);

    await page.setViewportSize({ width: 1280, height: 820 });
    await page.screenshot({ path: test.info().outputPath('toc-progress-1280.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: test.info().outputPath('toc-progress-1024.png') });
    // A title cut off with an ellipsis shows whole as a tooltip; one that fits gets none.
    const cut = tocRow(page, INTERROGATION).locator('.viewer-toc-title');
    await cut.hover();
    const whole = (await cut.textContent()) ?? '';
    expect(whole).toContain('讯问笔录');
    await expect(cut).toHaveAttribute('title', whole);
    const fits = tocRow(page, '第一卷/03_立案决定书.pdf').locator('.viewer-toc-title');
    await fits.hover();
    await expect(fits).not.toHaveAttribute('title');

    // The pages read reach the dossier's folder (as ranges), and are there after a reload.
    const stored = join(desk.libraryFolder, CASE, 'reading-progress.json');
    await expect
      .poll(async () => {
        const text = await readFile(stored, 'utf8').catch(() => '{}');
        return (JSON.parse(text) as { documents?: Record<string, string> }).documents ?? {};
      })
      .toEqual({ [COVER]: '1-2', [INDICTMENT]: '1' });
    await page.reload();
    await expect(page.locator('[data-testid="viewer-page"][data-rendered="true"]').first()).toBeVisible({ timeout: 120_000 });
    await expect(tocRow(page, COVER)).toHaveAttribute('data-read', 'read');
    await expect(tocRow(page, INDICTMENT)).toHaveAttribute('data-read', 'partly');
    await expect(tocRow(page, INTERROGATION)).toHaveAttribute('data-read', 'unread');
    await expect.poll(() => percentRead(page)).toBeGreaterThan(0);

    // 缩略图: the whole volume, the 起诉意见书 under its own title; the page being read marked.
    await page.getByRole('tab', { name: '缩略图' }).click();
    const strip = page.getByTestId('thumbnails');
    await expect(strip.locator('.viewer-thumbs-title', { hasText: '起诉意见书' })).toBeVisible();
    const indictmentPage = strip.locator(`[data-testid="thumbnail"][data-document="${INDICTMENT}"][data-page="2"]`);
    await expect(indictmentPage).toHaveAttribute('data-painted', 'true', { timeout: 120_000 });
    await expect(strip.locator('[aria-current="page"]')).toHaveAttribute('data-document', INDICTMENT);
    await page.screenshot({ path: test.info().outputPath('thumbnails-1024.png') });
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.screenshot({ path: test.info().outputPath('thumbnails-1280.png') });

    // Only the rows in view are mounted: far fewer than the volume's 24 pages.
    expect(await strip.getByTestId('thumbnail').count()).toBeLessThan(12);
    // Down to the volume's last document (its rows mounted only now), and a click there goes to its page.
    await strip.evaluate((element) => (element.scrollTop = element.scrollHeight));
    const last = strip.locator(`[data-testid="thumbnail"][data-document="${INTERROGATION}"][data-page="5"]`);
    await last.click();
    await expect(page.getByTestId('viewer-page-box')).toHaveAttribute('data-file-page', '5');
    await expect(page.locator(`[data-testid="viewer-page"][data-document="${INTERROGATION}"][data-page="5"]`)).toBeInViewport();
    await expect(last).toHaveAttribute('aria-current', 'page');
    expect(await strip.getByTestId('thumbnail').count()).toBeLessThan(12);
    await expect(last).toHaveAttribute('data-painted', 'true', { timeout: 120_000 });
  });
});
