/**
 * The built-in viewer on a dossier from 卷宗库: 阅读 → 卷宗文档打开密码 (a wrong one first) → pages
 * painted → 搜索 across every document → a note on the page → 导出阅卷笔录 with its citation.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dossier } from './support/cli-process';

const CASE = '赵某某涉嫌盗窃案';
const OPEN_PASSWORD = 'Kd7391';

/** How many pixels of the page's canvas are not near-white (ink, lines, scans). */
async function inkedPixels(page: Page, pageIndex: number): Promise<number> {
  const canvas = page.getByTestId('viewer-page').nth(pageIndex).locator('canvas').first();
  await expect(canvas).toBeVisible();
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context || element.width === 0 || element.height === 0) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let inked = 0;
    for (let at = 0; at < data.length; at += 4) {
      if ((data[at] ?? 255) < 200 || (data[at + 1] ?? 255) < 200 || (data[at + 2] ?? 255) < 200) inked += 1;
    }
    return inked;
  });
}

test.describe('阅读卷宗', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'dossier-viewer-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('opens with the open password, paints pages, finds across documents, and exports the 阅卷笔录', async ({ desk }) => {
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    await dossier(['console', 'generate', '--out', archive, '--pages', '24', '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', '赵某某']);

    // 导入卷宗 without the open password: the archive itself is not encrypted, its PDFs are.
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(archive);
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: CASE });
    await expect(row).toContainText('已解压');

    // 阅读: the first document asks for 卷宗文档打开密码; a wrong one is refused with a clear message.
    await row.getByTestId('library-read').click();
    const ask = page.getByRole('dialog').filter({ hasText: '卷宗文档打开密码' });
    await expect(ask).toBeVisible();
    await ask.getByTestId('open-password').fill('000000');
    await ask.getByRole('button', { name: '打开' }).click();
    await expect(ask).toContainText('密码错误');
    await ask.getByTestId('open-password').fill(OPEN_PASSWORD);
    await ask.getByRole('button', { name: '打开' }).click();
    await expect(ask).toBeHidden();

    // The page is painted: the canvas carries ink, not just a blank sheet.
    const first = page.getByTestId('viewer-page').first();
    await expect(first).toHaveAttribute('data-rendered', 'true');
    await expect.poll(() => inkedPixels(page, 0)).toBeGreaterThan(1000);
    // The watermark is on by default.
    await expect(first.locator('.viewer-watermark')).toBeVisible();

    // 搜索 across the whole dossier: the suspect's name is in several documents.
    await page.getByRole('tab', { name: '搜索' }).click();
    await page.getByTestId('find-input').fill('赵某某');
    await page.getByTestId('find-submit').click();
    await expect(page.getByTestId('find-hit').first()).toBeVisible();
    // Hits stream in document by document: the count grows until the search has read them all.
    const counts = async () => {
      const summary = await page.getByText(/共 \d+ 处，分布在 \d+ 个文件/).textContent();
      const [, hits = '0', files = '0'] = /共 (\d+) 处，分布在 (\d+) 个文件/.exec(summary ?? '') ?? [];
      return { hits: Number(hits), files: Number(files) };
    };
    await expect.poll(async () => (await counts()).files).toBeGreaterThan(2);
    const { hits, files } = await counts();
    expect(hits).toBeGreaterThanOrEqual(files);
    // A hit in another document goes there and marks the term on the page.
    const hit = page.getByTestId('find-hit').filter({ hasText: '赵某某' }).nth(8);
    await hit.click();
    await expect(page.locator('.viewer-page .highlight.selected')).toBeVisible();
    await expect(page.locator('.viewer-page .highlight.selected')).toHaveText('赵某某');

    // A note on the current page, then 导出阅卷笔录 (Markdown) into the dossier's folder.
    await page.getByRole('tab', { name: '笔记' }).click();
    await page.getByTestId('add-note').click();
    await page.getByTestId('note-text').fill('辩点：到案经过与讯问笔录的时间对不上');
    await page.getByTestId('note-save').click();
    const note = page.getByTestId('note-item').filter({ hasText: '辩点' });
    await expect(note).toBeVisible();
    const citation = (await note.locator('text=/《.+》第\\d+页/').first().textContent())?.trim() ?? '';
    expect(citation).toMatch(/^《第一卷·.+》第\d+页$/);

    const download = page.waitForEvent('download');
    await page.getByTestId('notes-export').click();
    await page.getByTestId('notes-export-markdown').click();
    const offered = await download;
    expect(offered.suggestedFilename()).toBe(`${CASE}-阅卷笔录.md`);
    const exported = page.getByTestId('notes-exported');
    await expect(exported).toContainText(`${CASE}-阅卷笔录.md`);
    const saved = await readFile(join(desk.libraryFolder, CASE, `${CASE}-阅卷笔录.md`), 'utf8');
    expect(saved).toContain('阅卷笔录');
    expect(saved).toContain(citation);
    expect(saved).toContain('辩点：到案经过与讯问笔录的时间对不上');

    // The side panel is as wide as the lawyer drags its divider.
    const side = page.getByRole('complementary', { name: '目录、搜索与笔记' });
    const sideWidth = async () => (await side.boundingBox())?.width ?? 0;
    const before = await sideWidth();
    const divider = await page.locator('.viewer-split > .ant-splitter-bar').getByRole('separator').boundingBox();
    expect(divider).not.toBeNull();
    const dividerX = (divider?.x ?? 0) + (divider?.width ?? 0) / 2;
    const dividerY = (divider?.y ?? 0) + (divider?.height ?? 0) / 2;
    await page.mouse.move(dividerX, dividerY);
    await page.mouse.down();
    await page.mouse.move(dividerX + 120, dividerY, { steps: 6 });
    await page.mouse.up();
    await expect.poll(sideWidth).toBeGreaterThan(before + 110);
    const widened = await sideWidth();

    // The open password was kept in the keychain: opened again, the dossier does not ask.
    // It reopens where the lawyer was (the reading position), painted, with the panel as wide as left.
    await page.reload();
    await expect(page.locator('[data-testid="viewer-page"][data-rendered="true"]').first()).toBeVisible();
    await expect(ask).toBeHidden();
    await expect.poll(sideWidth).toBeCloseTo(widened, -1);
    // A double click on the divider puts the panel back to its usual width (where it started).
    await page.locator('.viewer-split > .ant-splitter-bar').getByRole('separator').dblclick();
    await expect.poll(sideWidth).toBeCloseTo(before, -1);

    // Nothing decrypted reached the disk: every PDF of the dossier is still encrypted.
    const pdfs = (await readdir(join(desk.libraryFolder, CASE), { recursive: true })).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(3);
    for (const name of pdfs) {
      expect((await readFile(join(desk.libraryFolder, CASE, name))).includes('/Encrypt')).toBe(true);
    }
  });

  test('photos (JPEG and PNG) in a dossier show in the same viewer', async ({ desk }) => {
    const page = desk.page;
    // Two photos encoded by the browser (of the app's own window), zipped by Info-ZIP: files made by
    // other tools, as a lawyer gets them.
    const volume = join(work, 'source', '第二卷');
    await mkdir(volume, { recursive: true });
    await writeFile(join(volume, '01_现场照片.jpg'), await page.screenshot({ type: 'jpeg', quality: 80 }));
    await writeFile(join(volume, '02_扣押物品照片.png'), await page.screenshot({ type: 'png' }));
    const archive = join(work, '钱某某涉嫌诈骗案.zip');
    await promisify(execFile)('zip', ['-r', '-q', archive, '第二卷'], { cwd: join(work, 'source') });

    await page.goto(`${page.url().split('#')[0]}#/library`);
    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(archive);
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: '钱某某涉嫌诈骗案' });
    await expect(row).toContainText('已解压');
    await row.getByTestId('library-read').click();

    // No password is asked for; each photo is a page of the volume, shown as the image it is.
    const photo = page.locator('[data-testid="viewer-page"][data-document="第二卷/01_现场照片.jpg"]');
    await expect(photo).toHaveAttribute('data-rendered', 'true');
    const size = await photo.locator('img.viewer-image').evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight]);
    expect(size[0]).toBeGreaterThan(100);
    expect(size[1]).toBeGreaterThan(100);
    await expect(page.getByRole('tree').getByText('扣押物品照片')).toBeVisible();
    await page.getByRole('tree').getByText('扣押物品照片').click();
    await expect(page.locator('[data-testid="viewer-page"][data-document="第二卷/02_扣押物品照片.png"]')).toHaveAttribute('data-rendered', 'true');
    await expect(page.getByRole('dialog').filter({ hasText: '卷宗文档打开密码' })).toHaveCount(0);
  });
});
