/**
 * A dossier that is all scans: 文字识别 reads it in 卷宗库 (progress, 暂停识别 / 继续识别, done), then in
 * the viewer a 搜索 hit is boxed on the scan, and words selected with the mouse on the invisible text
 * layer become a 笔记 whose quotation and citation the 阅卷笔录 carries.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { generateScannedDossier } from './support/scanned-dossier';
import { openInViewer } from './support/viewer-dossier';

const CASE = '钱某某涉嫌盗窃案';
const SUSPECT = '钱某某';
const OPEN_PASSWORD = 'Sc7319';
/** 2 typed pages (cover and 卷内目录), the rest scans: at ~1.5 s a scan, read in well under a minute. */
const PAGES = 8;

type Box = { x: number; y: number; width: number; height: number };

const words = (text: string | null) => (text ?? '').replace(/\s+/g, '');

/** How much of `inner`'s area lies inside `outer` (0..1). */
function covered(inner: Box, outer: Box): number {
  const width = Math.min(inner.x + inner.width, outer.x + outer.width) - Math.max(inner.x, outer.x);
  const height = Math.min(inner.y + inner.height, outer.y + outer.height) - Math.max(inner.y, outer.y);
  return width <= 0 || height <= 0 ? 0 : (width * height) / (inner.width * inner.height);
}

/** Where a recognised line draws the term's characters (client px): the range of its text. */
async function termBox(line: Locator, term: string): Promise<Box> {
  return line.evaluate((element, wanted) => {
    const node = element.firstChild as Text;
    const at = node.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }, term);
}

/** A drag with the mouse along a line, from just inside its start to just inside its end. */
async function dragAcross(page: Page, line: Locator): Promise<void> {
  const box = (await line.boundingBox()) as Box;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
  await page.mouse.move(box.x + box.width - 2, y, { steps: 5 });
  await page.mouse.up();
}

test.describe('扫描卷宗：文字识别', () => {
  // The web host with 文字识别 on, as the app runs.
  test.use({ webArgs: [] });
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'scanned-dossier-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('reads the scans in the background, boxes a hit on a scan, and quotes words selected there', async ({ desk }, testInfo) => {
    // OCR of the scans (a second or more a page, in the background at low priority) on a 2-core machine, then the viewer.
    test.setTimeout(600_000);
    const page = desk.page;
    const shot = (name: string) => testInfo.outputPath(name);
    const generated = await generateScannedDossier(join(work, `${CASE}.zip`), { caseName: CASE, openPassword: OPEN_PASSWORD, pages: PAGES, suspect: SUSPECT });
    const scanned = generated.documents.filter((document) => document.title !== '封面及卷内目录');
    const scannedPages = scanned.reduce((sum, document) => sum + document.pages, 0);
    expect(scannedPages).toBeGreaterThanOrEqual(4);

    // 导入卷宗 with its 卷宗文档打开密码: kept in the keychain, so 文字识别 can open the encrypted scans.
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.locator('input[type=file]').setInputFiles(generated.archive);
    await dialog.getByLabel('卷宗文档打开密码').fill(OPEN_PASSWORD);
    await dialog.getByRole('button', { name: '导入' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: CASE });
    await expect(row).toContainText('已解压');

    // 文字识别 starts by itself; 【暂停识别】 stops it, 【继续识别】 goes on.
    const ocr = row.getByTestId('ocr-progress');
    await expect(ocr).toHaveAttribute('data-state', /waiting|running/);
    await ocr.getByRole('button', { name: '暂停识别' }).click();
    await expect(ocr).toHaveAttribute('data-state', 'paused');
    await expect(ocr).toContainText('文字识别已暂停');
    await expect(ocr.getByTestId('ocr-progress-detail')).toHaveText(/^\d+\/\d+ 页$/);
    await ocr.getByRole('button', { name: '继续识别' }).click();
    await expect(ocr).toHaveAttribute('data-state', /waiting|running/);

    // While it reads: pages of all, a bar, the speed and the time left, live from ocr.progress.
    await expect(ocr).toContainText(new RegExp(`文字识别 \\d+/${PAGES} 页`));
    await expect(ocr.getByTestId('ocr-progress-detail')).toContainText(/约 [\d.]+ 页\/分钟 · 剩余(约|不到)/, { timeout: 120_000 });
    await expect(ocr.getByRole('progressbar')).toBeVisible();
    // Shown once scans have been read, not just the typed pages (read in a moment, they make it look fast).
    const typedPages = PAGES - scannedPages;
    await expect.poll(async () => Number(await ocr.getAttribute('data-pages-done')), { timeout: 120_000 }).toBeGreaterThan(typedPages + 1);
    await expect(ocr).toHaveAttribute('data-state', 'running');
    await row.screenshot({ path: shot('library-ocr-progress.png') });

    // Done: how many scanned pages were recognised; the pause button gone.
    await expect(ocr).toHaveAttribute('data-state', 'done', { timeout: 240_000 });
    await expect(ocr).toContainText('文字识别完成');
    await expect(ocr.getByTestId('ocr-progress-detail')).toHaveText(`识别扫描页 ${scannedPages} 页`);
    await expect(ocr.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: shot('library-ocr-done.png') });

    // 阅读: the stored open password opens it; the toolbar says the reading is done.
    await openInViewer(page, CASE, null);
    await expect(page.getByTestId('viewer-ocr')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('viewer-ocr')).toContainText('文字识别完成');

    // 搜索 the suspect's name; a hit in a scanned document is boxed where the scan shows it.
    await page.getByRole('tab', { name: '搜索' }).click();
    await page.getByTestId('find-input').fill(SUSPECT);
    await page.getByTestId('find-submit').click();
    await expect(page.getByTestId('find-hit').first()).toBeVisible();
    // The first scanned document the name is found in, picked in 按文件筛选.
    await page.getByTestId('find-filter-document').click();
    const options = page.locator('.ant-select-item-option');
    await expect(options.first()).toBeVisible();
    const offered = await options.allTextContents();
    const scan = scanned.find((document) => offered.some((label) => label.startsWith(`${document.title}（`)));
    expect(scan, `a scanned document among ${offered.join(', ')}`).toBeDefined();
    if (!scan) return;
    await options.filter({ hasText: `${scan.title}（` }).first().click();
    await page.getByTestId('find-hit').first().click();
    const chosen = page.locator(`[data-testid="viewer-page"][data-document="${scan.path}"] [data-testid="find-hit-box"][data-chosen="true"]`).first();
    await expect(chosen).toBeInViewport();
    // `has` looks inside each page: the chosen box without the page part of its selector.
    const hitPage = page.locator(`[data-testid="viewer-page"][data-document="${scan.path}"]`).filter({ has: page.locator('[data-testid="find-hit-box"][data-chosen="true"]') });
    const pageNumber = (await hitPage.getAttribute('data-page')) as string;
    const onHitPage = page.locator(`[data-testid="viewer-page"][data-document="${scan.path}"][data-page="${pageNumber}"]`);
    // The box sits on the name where the recognised line (the scan's first to say it) has it.
    const named = onHitPage.locator('.ocr-text-layer span').filter({ hasText: SUSPECT }).first();
    await expect(named).toBeAttached();
    const onName = async () => {
      const name = await termBox(named, SUSPECT);
      const box = (await chosen.boundingBox()) as Box;
      expect(covered(name, box)).toBeGreaterThan(0.6);
      expect(box.width).toBeLessThan(name.width * 2);
    };
    await onName();
    await onHitPage.screenshot({ path: shot('scanned-hit.png') });

    // Turned a quarter, the box and the invisible line still lie on each other.
    await page.getByRole('button', { name: '向右旋转本页' }).click();
    await expect(onHitPage).toHaveAttribute('data-rotation', '90');
    await expect(onName).toPass();
    await page.getByRole('button', { name: '向左旋转本页' }).click();
    await expect(onHitPage).toHaveAttribute('data-rotation', '0');

    // Words selected with the mouse on the scan, as on a page with its own text: the toolbar offers 笔记.
    const line = onHitPage.locator('.ocr-text-layer span').filter({ hasText: /\S{8,}/ }).first();
    const lineText = words(await line.textContent());
    await line.scrollIntoViewIfNeeded();
    await dragAcross(page, line);
    const toolbar = page.getByTestId('selection-toolbar');
    await expect(toolbar).toBeVisible();
    expect(words(await page.evaluate(() => window.getSelection()?.toString() ?? ''))).toBe(lineText);
    await page.screenshot({ path: shot('scanned-selection.png') });

    // Ctrl+C copies the words.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Control+C');
    await expect.poll(async () => words(await page.evaluate(() => navigator.clipboard.readText()))).toBe(lineText);

    // 笔记: the quotation kept, the note saved with its citation.
    await toolbar.getByTestId('selection-note').click();
    await expect(page.getByTestId('note-form-quote')).toBeVisible();
    expect(words(await page.getByTestId('note-form-quote').textContent())).toBe(lineText);
    await page.getByTestId('note-text').fill('扫描页上的供述与笔录不一致');
    await page.getByTestId('note-save').click();
    const note = page.locator('[data-testid="note-item"][data-kind="note"]').filter({ hasText: '扫描页上的供述' });
    await expect(note).toBeVisible();
    expect(words(await note.getByTestId('note-quote').textContent())).toBe(lineText);
    const citation = (await note.locator(`text=/《.+》第\\d+页/`).first().textContent())?.trim() ?? '';
    expect(citation).toMatch(new RegExp(`^《第一卷·${scan.title}》第\\d+页$`));
    // The quotation is marked on the scan where it was selected.
    await expect(onHitPage.locator('[data-testid="page-mark"][data-kind="note"]').first()).toBeVisible();
    expect(covered((await onHitPage.locator('[data-testid="page-mark"][data-kind="note"]').first().boundingBox()) as Box, (await line.boundingBox()) as Box)).toBeGreaterThan(0.5);

    // The 阅卷笔录 carries the quotation under its citation.
    const download = page.waitForEvent('download');
    await page.getByTestId('notes-export').click();
    await page.getByTestId('notes-export-markdown').click();
    await download;
    await expect(page.getByTestId('notes-exported')).toBeVisible();
    const saved = await readFile(join(desk.libraryFolder, CASE, `${CASE}-阅卷笔录.md`), 'utf8');
    expect(saved).toContain(citation);
    const quoted = saved.split('\n').filter((text) => text.startsWith('> ')).map((text) => words(text.slice(2)));
    expect(quoted).toContain(lineText);
    expect(saved).toContain('扫描页上的供述与笔录不一致');
  });
});
