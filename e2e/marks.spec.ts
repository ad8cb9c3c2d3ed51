/**
 * Marks on a dossier's pages: select a sentence → 高亮 in a colour (drawn on the page at the words,
 * at every rotation, listed in 笔记, picked by a click); select another → 笔记 with the quotation kept;
 * a bookmark named in place and shown in 目录; the 阅卷笔录 carries all three.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importArchive, openInViewer } from './support/viewer-dossier';
import { dossier } from './support/cli-process';

const CASE = '孙某某涉嫌危险驾驶案';
const OPEN_PASSWORD = 'Mk2468';
const BOOKMARK = '供述前后矛盾处';

type Box = { x: number; y: number; width: number; height: number };

/** The words without the spaces the text layer puts between items (the quotation drops them too). */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, '');

/** How much of `inner`'s area lies inside `outer` (0..1). */
function covered(inner: Box, outer: Box): number {
  const width = Math.min(inner.x + inner.width, outer.x + outer.width) - Math.max(inner.x, outer.x);
  const height = Math.min(inner.y + inner.height, outer.y + outer.height) - Math.max(inner.y, outer.y);
  return width <= 0 || height <= 0 ? 0 : (width * height) / (inner.width * inner.height);
}

/** A line of text on the page: a text-layer item of at least 12 visible characters. */
function textLine(sheet: Locator, nth: number): Locator {
  return sheet.locator('.textLayer span').filter({ hasText: /^\s*\S.{10,}\S\s*$/ }).nth(nth);
}

/** Selects an item's whole text as the browser would, then ends it as a mouse does. */
async function selectWithRange(line: Locator): Promise<void> {
  await line.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
}

/** A drag with the mouse across a line, from just inside its start to just inside its end. */
async function dragAcross(page: Page, line: Locator): Promise<void> {
  const box = (await line.boundingBox()) as Box;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, y, { steps: 4 });
  await page.mouse.up();
}

test.describe('标记：高亮、摘录笔记、书签', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'marks-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('highlights a sentence, notes another with its quotation, names a bookmark, exports them', async ({ desk }) => {
    // A long journey through one dossier: three times the usual time.
    test.slow();
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    await dossier(['console', 'generate', '--out', archive, '--pages', '16', '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', '孙某某']);

    await importArchive(page, archive, CASE);
    await openInViewer(page, CASE, OPEN_PASSWORD);

    // 起诉意见书: pages of typed text, with a text layer to select in.
    await page.getByRole('tree').getByText('起诉意见书', { exact: true }).click();
    const textPage = page.locator('[data-testid="viewer-page"][data-rendered="true"][data-document*="起诉意见书"]').first();
    await expect(textPage).toBeVisible();
    const sheet = textPage.locator('.viewer-sheet');
    await expect(textLine(sheet, 3)).toBeVisible();
    const document = (await textPage.getAttribute('data-document')) as string;
    const pageNumber = (await textPage.getAttribute('data-page')) as string;
    const onThisPage = page.locator(`[data-testid="viewer-page"][data-document="${document}"][data-page="${pageNumber}"]`);

    // Select a sentence with the mouse: the toolbar appears by it.
    const first = textLine(onThisPage.locator('.viewer-sheet'), 1);
    const firstText = words(await first.textContent());
    await dragAcross(page, first);
    const toolbar = page.getByTestId('selection-toolbar');
    await expect(toolbar).toBeVisible();
    expect(words(await page.evaluate(() => window.getSelection()?.toString() ?? ''))).toBe(firstText);
    const firstBox = (await first.boundingBox()) as Box;
    const toolbarBox = (await toolbar.boundingBox()) as Box;
    expect(Math.abs(toolbarBox.y - (firstBox.y + firstBox.height))).toBeLessThan(60);
    await page.screenshot({ path: '/tmp/marks-toolbar.png' });

    // 高亮 in green: drawn over the words, under the text layer (the words stay selectable).
    await toolbar.getByTestId('highlight-green').click();
    await expect(toolbar).toBeHidden();
    const mark = onThisPage.locator('[data-testid="page-mark"][data-kind="highlight"]');
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveClass(/mark-green/);
    expect(covered((await first.boundingBox()) as Box, (await mark.boundingBox()) as Box)).toBeGreaterThan(0.8);
    expect(covered((await mark.boundingBox()) as Box, (await first.boundingBox()) as Box)).toBeGreaterThan(0.6);
    await onThisPage.screenshot({ path: '/tmp/marks-highlight.png' });

    // At a quarter turn and back the highlight stays on its words.
    for (const turn of ['向右旋转', '向左旋转']) {
      await page.getByRole('button', { name: turn }).click();
      await expect(async () => {
        const line = (await textLine(onThisPage.locator('.viewer-sheet'), 1).boundingBox()) as Box;
        const drawn = (await mark.boundingBox()) as Box;
        expect(covered(line, drawn)).toBeGreaterThan(0.8);
      }).toPass();
    }

    // Listed in 笔记 with its words and colour; a click on the highlight picks it there.
    await page.getByRole('tab', { name: '笔记' }).click();
    const listed = page.locator('[data-testid="note-item"][data-kind="highlight"]');
    await expect(listed).toHaveCount(1);
    expect(words(await listed.getByTestId('note-quote').textContent())).toBe(firstText);
    await expect(listed.getByTestId('note-color-green')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('tab', { name: '目录' }).click();
    const markBox = (await mark.boundingBox()) as Box;
    await page.mouse.click(markBox.x + markBox.width / 2, markBox.y + markBox.height / 2);
    await expect(page.getByRole('tab', { name: '笔记', selected: true })).toBeVisible();
    await expect(listed).toHaveAttribute('aria-current', 'true');
    // Its colour changes from the list, and the page follows.
    await listed.getByTestId('note-color-pink').click();
    await expect(mark).toHaveClass(/mark-pink/);

    // Select another sentence → 笔记: the form keeps the quotation, shown above the note.
    const second = textLine(onThisPage.locator('.viewer-sheet'), 4);
    const secondText = words(await second.textContent());
    expect(secondText).not.toBe(firstText);
    await selectWithRange(second);
    await expect(toolbar).toBeVisible();
    await toolbar.getByTestId('selection-note').click();
    const quote = page.getByTestId('note-form-quote');
    await expect(quote).toBeVisible();
    expect(words(await quote.textContent())).toBe(secondText);
    await page.getByTestId('note-text').fill('与到案经过的时间对不上');
    await page.getByTestId('note-save').click();
    const noted = page.locator('[data-testid="note-item"][data-kind="note"]');
    await expect(noted).toContainText('与到案经过的时间对不上');
    expect(words(await noted.getByTestId('note-quote').textContent())).toBe(secondText);
    await expect(onThisPage.locator('[data-testid="page-mark"][data-kind="note"]').first()).toBeVisible();

    // A bookmark on this page, named in place.
    await page.getByTestId('add-bookmark').click();
    const bookmark = page.locator('[data-testid="note-item"][data-kind="bookmark"]');
    await expect(bookmark).toBeVisible();
    await bookmark.getByTestId('bookmark-rename').click();
    await bookmark.getByTestId('bookmark-label-input').fill(BOOKMARK);
    await bookmark.getByTestId('bookmark-label-input').press('Enter');
    await expect(bookmark.getByTestId('bookmark-label')).toHaveText(BOOKMARK);
    await page.screenshot({ path: '/tmp/marks-panel.png' });

    // 目录 lists it by name under its document, and it leads there.
    await page.getByRole('tab', { name: '目录' }).click();
    const inTree = page.getByTestId('toc-bookmark').filter({ hasText: BOOKMARK });
    await expect(inTree).toBeVisible();
    await page.getByRole('tree').getByText('受案登记表', { exact: true }).click();
    await expect(onThisPage).not.toBeInViewport();
    await inTree.click();
    await expect(onThisPage).toBeInViewport({ ratio: 0.3 });
    await page.screenshot({ path: '/tmp/marks-toc.png' });

    // The 阅卷笔录: the quotation as a block quote, the highlight's words, the bookmark's name.
    await page.getByRole('tab', { name: '笔记' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('notes-export').click();
    await page.getByTestId('notes-export-markdown').click();
    await download;
    await expect(page.getByTestId('notes-exported')).toBeVisible();
    const saved = await readFile(join(desk.libraryFolder, CASE, `${CASE}-阅卷笔录.md`), 'utf8');
    const quoted = saved.split('\n').filter((line) => line.startsWith('> ')).map((line) => words(line.slice(2)));
    expect(quoted).toContain(firstText);
    expect(quoted).toContain(secondText);
    expect(saved).toContain('（高亮）');
    expect(saved).toContain('与到案经过的时间对不上');
    expect(saved).toContain(`（书签：${BOOKMARK}）`);

    // At 1024×700 the panel and the marks still fit.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('note-item').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/marks-1024.png' });
  });
});
