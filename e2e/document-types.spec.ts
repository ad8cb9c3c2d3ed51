/**
 * Every kind of file a dossier holds opens in the viewer: PDFs, photos, multi-page TIFF scans, and
 * anything else as a page saying what it is. Files are made by real tools (MuPDF, ImageMagick,
 * libtiff) and zipped by Info-ZIP, as a lawyer gets them; paging across them never blanks the viewer.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';

// Decoding scans and importing an archive take a while on a busy 2-core CI machine.
const expect = baseExpect.configure({ timeout: 60_000 });

const run = promisify(execFile);
const CASE = '孙某某涉嫌合同诈骗案';

/** A PDF of `pages` pages, each with a framed line of text (MuPDF's `mutool create`). */
async function makePdf(folder: string, name: string, pages: number): Promise<void> {
  const contents: string[] = [];
  for (let i = 1; i <= pages; i += 1) {
    const file = join(folder, `page-${i}.txt`);
    await writeFile(file, `%%MediaBox 0 0 595 842\n%%Font F1 Helvetica\nBT /F1 36 Tf 80 700 Td (Page ${i}) Tj ET\n0 0 0 RG 4 w 80 100 420 500 re S\n`);
    contents.push(file);
  }
  await run('mutool', ['create', '-o', join(folder, name), ...contents]);
  await Promise.all(contents.map((file) => rm(file)));
}

/** How many pixels of a page's painted surface (canvas or image) are not near-white. */
async function inkedPixels(frame: Locator): Promise<number> {
  const surface = frame.locator('canvas, img.viewer-image').first();
  await expect(surface).toBeVisible();
  return surface.evaluate((element: HTMLCanvasElement | HTMLImageElement) => {
    const width = element instanceof HTMLImageElement ? element.naturalWidth : element.width;
    const height = element instanceof HTMLImageElement ? element.naturalHeight : element.height;
    let source: HTMLCanvasElement;
    if (element instanceof HTMLCanvasElement) source = element;
    else {
      source = document.createElement('canvas');
      source.width = width;
      source.height = height;
      source.getContext('2d')?.drawImage(element, 0, 0);
    }
    const context = source.getContext('2d');
    if (!context || width === 0 || height === 0) return 0;
    const { data } = context.getImageData(0, 0, width, height);
    let inked = 0;
    for (let at = 0; at < data.length; at += 4) {
      if ((data[at] ?? 255) < 200 || (data[at + 1] ?? 255) < 200 || (data[at + 2] ?? 255) < 200) inked += 1;
    }
    return inked;
  });
}

function pageOf(page: Page, document: string, number = 1): Locator {
  return page.locator(`[data-testid="viewer-page"][data-document="${document}"][data-page="${number}"]`);
}

async function importAndRead(page: Page, archive: string): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/library`);
  await page.getByRole('button', { name: '导入卷宗' }).first().click();
  await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(archive);
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  const row = page.getByTestId('library-row').filter({ hasText: CASE });
  await expect(row).toContainText('已解压');
  await row.getByTestId('library-read').click();
}

test.describe('卷宗中的各类文档', () => {
  test.setTimeout(300_000);
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'document-types-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('a PDF, a wide photo, a multi-page TIFF scan and a .txt: End into the photo keeps the viewer; each shows', async ({ desk }) => {
    const page = desk.page;
    const source = join(work, 'source');
    const first = join(source, '第一卷');
    const second = join(source, '第二卷');
    await mkdir(first, { recursive: true });
    await mkdir(second, { recursive: true });
    await makePdf(first, '01_起诉意见书.pdf', 2);
    // A panorama: fitted to the width it is short, which once made the page list and the zoom chase each other.
    await run('convert', ['-size', '3000x500', 'xc:white', '-fill', '#c33', '-draw', 'rectangle 100,100 2700,400', join(first, '02_现场照片.jpg')]);
    // Two A4 pages at 150 dpi as a fax-style scanner writes them: bilevel, CCITT G4, one file.
    const bar = join(work, 'bar.png');
    const disc = join(work, 'disc.png');
    await run('convert', ['-size', '1240x1754', 'xc:white', '-fill', 'black', '-draw', 'rectangle 100,100 1100,300', bar]);
    await run('convert', ['-size', '1240x1754', 'xc:white', '-fill', 'black', '-draw', 'circle 600,900 600,1300', disc]);
    await run('convert', [bar, disc, '-density', '150', '-units', 'PixelsPerInch', '-monochrome', '-depth', '1', '-compress', 'None', join(work, 'bilevel.tif')]);
    await run('tiffcp', ['-c', 'g4', join(work, 'bilevel.tif'), join(second, '01_扫描件.tif')]);
    await writeFile(join(second, '02_说明.txt'), '随案移送光盘一张，内容见光盘。\n');
    const archive = join(work, `${CASE}.zip`);
    await run('zip', ['-r', '-q', archive, '第一卷', '第二卷'], { cwd: source });

    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await importAndRead(page, archive);
    await expect(pageOf(page, '第一卷/01_起诉意见书.pdf')).toHaveAttribute('data-rendered', 'true');

    // End: into the photo, the volume's last page. The viewer stays, and the photo is painted.
    await page.getByRole('region', { name: '卷宗页面' }).focus();
    await page.keyboard.press('End');
    const photo = pageOf(page, '第一卷/02_现场照片.jpg');
    await expect(photo).toHaveAttribute('data-rendered', 'true');
    expect(await inkedPixels(photo)).toBeGreaterThan(1000);
    await expect(page.getByRole('tree')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('docs-end-photo.png') });

    // The TIFF: its two pages, each painted with its own content, and its thumbnails.
    // End names the photo as the page being read, short as it is.
    await expect(page.locator('.viewer-doc')).toHaveText('现场照片');
    const tree = page.getByRole('tree');
    await tree.locator('.ant-tree-treenode').filter({ hasText: '第二卷' }).locator('.ant-tree-switcher').click();
    await expect(tree.getByText('扫描件')).toBeVisible();
    await tree.getByText('扫描件').click();
    const scanOne = pageOf(page, '第二卷/01_扫描件.tif', 1);
    await expect(scanOne).toHaveAttribute('data-rendered', 'true');
    const barInk = await inkedPixels(scanOne);
    expect(barInk).toBeGreaterThan(5000);
    await expect(tree.locator('.ant-tree-treenode').filter({ hasText: '扫描件' })).toContainText('2 页');
    await page.getByRole('region', { name: '卷宗页面' }).focus();
    await page.keyboard.press('PageDown');
    const scanTwo = pageOf(page, '第二卷/01_扫描件.tif', 2);
    await expect(scanTwo).toHaveAttribute('data-rendered', 'true');
    // The disc covers about 2.5 times the bar's area: page 2 is not page 1 again.
    expect(await inkedPixels(scanTwo)).toBeGreaterThan(barInk * 2);
    // 缩略图: both pages of the scan drawn small.
    await page.getByRole('tab', { name: '缩略图' }).click();
    const thumbnails = page.locator('[data-testid="thumbnail"][data-document="第二卷/01_扫描件.tif"] canvas');
    await expect(thumbnails).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('docs-tiff.png') });
    await page.getByRole('tab', { name: '目录' }).click();
    await page.getByRole('region', { name: '卷宗页面' }).focus();

    // The .txt: one page saying what it is, with 【用系统应用打开】.
    await page.keyboard.press('End');
    const note = pageOf(page, '第二卷/02_说明.txt');
    await expect(note).toHaveAttribute('data-rendered', 'true');
    const other = note.getByTestId('viewer-other');
    await expect(other).toContainText('02_说明.txt');
    await expect(other).toContainText('text/plain');
    await expect(other).toContainText('46 B');
    await expect(other.getByRole('button', { name: '用系统应用打开' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('docs-other.png') });

    // At 1024 × 700 the page and its button still fit.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(other.getByRole('button', { name: '用系统应用打开' })).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('docs-other-1024.png') });
    expect(errors).toEqual([]);
  });
});
