/**
 * 搜索 at scale: a dossier where the suspect's name occurs hundreds of times. Every hit is listed
 * (virtualised), counted ("3 / 360"), and walked with F3 / Shift+F3 and Enter / Shift+Enter from
 * anywhere in the viewer; Ctrl+F brings the search box back; a new search takes the old marks away.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importArchive, openInViewer } from './support/viewer-dossier';
import { dossier } from './support/cli-process';

const CASE = '赵某某涉嫌盗窃案（全卷搜索）';
const SUSPECT = '赵某某';
const OPEN_PASSWORD = 'Kd7391';

/** The counter's "n / total" as numbers (n is 0 while no hit is chosen). */
async function counter(page: Page): Promise<{ n: number; total: number }> {
  const text = (await page.getByTestId('find-counter').textContent()) ?? '';
  const [, n = '', total = '0'] = /^(\S+) \/ (\d+)$/.exec(text.trim()) ?? [];
  return { n: /^\d+$/.test(n) ? Number(n) : 0, total: Number(total) };
}

/** The page the chosen hit is marked on, and the page the active row of the list names. */
async function markedAndListed(page: Page): Promise<{ marked: string; listed: string }> {
  const marked = page.locator('[data-testid="viewer-page"]').filter({ has: page.locator('.highlight.selected') });
  // Painting a page can take a while on a loaded machine.
  await expect(marked).toHaveCount(1, { timeout: 60_000 });
  const active = page.locator('[data-testid="find-hit"][aria-current="true"]');
  await expect(active).toHaveCount(1);
  const listedPage = /(\d+)/.exec((await active.locator('.find-hit-page').textContent()) ?? '')?.[1] ?? '';
  return { marked: (await marked.getAttribute('data-page')) ?? '', listed: listedPage };
}

test.describe('搜索 at scale', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'find-at-scale-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('lists every hit of a term found hundreds of times and walks them with F3, Enter and Ctrl+F', async ({ desk }) => {
    test.setTimeout(600_000);
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    await dossier(['console', 'generate', '--out', archive, '--pages', '120', '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', SUSPECT]);

    await importArchive(page, archive, CASE);
    await openInViewer(page, CASE, OPEN_PASSWORD);
    await expect(page.getByTestId('viewer-page').first()).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });

    // Ctrl+F (⌘F) from the pages: the 搜索 tab opens with its box focused.
    await page.getByRole('region', { name: '卷宗页面' }).click();
    await page.keyboard.press('ControlOrMeta+KeyF');
    await expect(page.getByRole('tab', { name: '搜索' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('find-input')).toBeFocused();

    await page.keyboard.type(SUSPECT);
    await page.keyboard.press('Enter');
    // Hits stream in; once every document is searched the counter holds them all.
    await expect(page.getByTestId('find-progress')).toBeHidden({ timeout: 180_000 });
    await expect(page.getByText(/已搜索 \d+ 个文件，共 120 页/)).toBeVisible();
    const { n: none, total } = await counter(page);
    expect(none).toBe(0);
    expect(total).toBeGreaterThan(200);
    await expect(page.getByText(new RegExp(`共 ${total} 处，分布在 \\d+ 个文件`))).toBeVisible();
    // Virtualised: only the rows in view are in the page.
    const rows = await page.getByTestId('find-hit').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(60);
    await page.screenshot({ path: '/tmp/search-find-1280.png' });

    // F3 from the pages: the first hit, then on; the marked page is the hit's page.
    await page.getByRole('region', { name: '卷宗页面' }).focus();
    await page.keyboard.press('F3');
    await expect.poll(async () => (await counter(page)).n).toBe(1);
    let at = await markedAndListed(page);
    expect(at.marked).toBe(at.listed);
    await expect(page.locator('.viewer-page .highlight.selected')).toHaveText(SUSPECT);
    for (let i = 0; i < 6; i++) await page.keyboard.press('F3');
    await expect.poll(async () => (await counter(page)).n).toBe(7);
    await expect(page.locator('[data-testid="find-hit"][aria-current="true"]')).toHaveAttribute('data-index', '6');
    at = await markedAndListed(page);
    expect(at.marked).toBe(at.listed);
    // Other hits on the same page are marked too, faintly; one is the chosen one.
    await expect(page.locator('.viewer-page .highlight.selected')).toHaveCount(1);

    await page.keyboard.press('Shift+F3');
    await page.keyboard.press('Shift+F3');
    await expect.poll(async () => (await counter(page)).n).toBe(5);
    at = await markedAndListed(page);
    expect(at.marked).toBe(at.listed);

    // Back past the first wraps round to the last hit, far down the list (brought into view).
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+F3');
    await expect.poll(async () => (await counter(page)).n).toBe(total);
    await expect(page.locator('[data-testid="find-hit"][aria-current="true"]')).toBeInViewport();
    at = await markedAndListed(page);
    expect(at.marked).toBe(at.listed);

    // In the box: Enter is the next hit (wrapping to the first), Shift+Enter the previous.
    await page.keyboard.press('ControlOrMeta+KeyF');
    await expect(page.getByTestId('find-input')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter(page)).n).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter(page)).n).toBe(2);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(async () => (await counter(page)).n).toBe(1);

    // A new search takes the old marks off the page; so does clearing the box.
    await expect(page.locator('.viewer-page .highlight')).not.toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+KeyF');
    await page.keyboard.type('宋涛');
    await page.keyboard.press('Enter');
    await expect(page.locator('.viewer-page .highlight')).toHaveCount(0);
    await expect(page.getByTestId('find-progress')).toBeHidden({ timeout: 60_000 });
    const second = await counter(page);
    expect(second.total).toBeGreaterThan(0);
    expect(second.total).not.toBe(total);
    await page.keyboard.press('F3');
    await expect(page.locator('.viewer-page .highlight.selected')).toHaveText('宋涛', { timeout: 60_000 });
    await page.getByTestId('find-input').fill('');
    await expect(page.locator('.viewer-page .highlight')).toHaveCount(0);
    await expect(page.getByTestId('find-counter')).toBeHidden();

    // The term again (answered from memory), filtered to one document: the counter counts its hits
    // only, and F3 walks them round within it.
    await page.getByTestId('find-input').fill(SUSPECT);
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(async () => (await counter(page)).total).toBe(total);
    await page.getByTestId('find-filter-document').click();
    await page.keyboard.type('第二次');
    const option = page.locator('.ant-select-item-option').filter({ hasText: '讯问笔录（赵某某第二次）' });
    const [, inDocument = '0'] = /（(\d+)）$/.exec(((await option.textContent()) ?? '').trim()) ?? [];
    expect(Number(inDocument)).toBeGreaterThan(1);
    await option.click();
    await expect.poll(async () => (await counter(page)).total).toBe(Number(inDocument));
    await page.getByRole('region', { name: '卷宗页面' }).focus();
    await page.keyboard.press('F3');
    await expect.poll(async () => (await counter(page)).n).toBe(1);
    const activeRow = page.locator('[data-testid="find-hit"][aria-current="true"]');
    const firstInDocument = await activeRow.getAttribute('data-index');
    for (let i = 0; i < Number(inDocument); i++) await page.keyboard.press('F3');
    await expect.poll(async () => (await counter(page)).n).toBe(1);
    await expect(activeRow).toHaveAttribute('data-index', firstInDocument ?? '');
    await expect(page.getByTestId('find-hit')).toHaveCount(Number(inDocument));
    await page.screenshot({ path: '/tmp/search-find-filtered.png' });

    // At 1024×700 the panel still shows the counter, the buttons and some rows.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(page.getByTestId('find-next')).toBeInViewport();
    await expect(page.locator('[data-testid="find-hit"][aria-current="true"]')).toBeInViewport();
    await page.screenshot({ path: '/tmp/search-find-1024.png' });
  });
});
