/**
 * 卷宗页码 in the viewer: the toolbar says 第一卷 第N页 (the number stamped on the sheet, the 目录's
 * 页次), the page box takes a dossier page number and goes to the page that carries it, and a note
 * on that page is cited by it in the exported 阅卷笔录.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importArchive, openInViewer } from './support/viewer-dossier';
import { dossier } from './support/cli-process';

const CASE = '钱某某涉嫌职务侵占案';
const OPEN_PASSWORD = 'Pn4826';

interface Generated {
  volumes: { name: string; frontPages: number; documents: { path: string; title: string; pages: number }[] }[];
}

test.describe('卷宗页码', () => {
  // Generating and reading a dossier of encrypted PDFs (the app's start included) takes a while on a busy machine.
  test.describe.configure({ timeout: 600_000 });
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'dossier-pages-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('shows 第一卷 第N页, jumps to a dossier page number, and cites it in the 阅卷笔录', async ({ desk }) => {
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    const printed = await dossier([
      'console', 'generate', '--out', archive, '--pages', '30', '--seed', 'page-numbers-e2e',
      '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', '钱某某',
    ]);
    // Where the generator stamped each number: 页次 run through the volume after its cover and 目录.
    const [volume] = (JSON.parse(printed) as Generated).volumes;
    expect(volume?.name).toBe('第一卷');
    const [, ...documents] = volume?.documents ?? [];
    let next = 1;
    const numbered = documents.map((document) => {
      const first = next;
      next += document.pages;
      return { ...document, first };
    });
    // A document of two pages or more, not the first: its second page.
    const target = numbered.find((document, i) => i > 0 && document.pages >= 2);
    expect(target).toBeDefined();
    const wanted = (target?.first ?? 0) + 1;

    await importArchive(page, archive, CASE);
    await openInViewer(page, CASE, OPEN_PASSWORD);

    // The first page of the first document after the cover and 目录 is 第一卷 第1页.
    const box = page.locator('.viewer-page-box');
    await page.getByRole('tree').getByText(numbered[0]?.title as string, { exact: true }).click();
    await expect(box).toHaveAttribute('aria-label', '第一卷 第1页');
    await expect(box).toContainText(`（${numbered[0]?.title} 第1/${numbered[0]?.pages}页）`);
    await expect(box).toHaveAttribute('data-source', /stamp|contents/);

    // Typing a dossier page number goes to the page stamped with it: its document, its PDF page.
    const input = page.getByRole('spinbutton', { name: '卷宗页码' });
    await input.fill(String(wanted));
    await input.press('Enter');
    await expect(box).toHaveAttribute('aria-label', `第一卷 第${wanted}页`);
    await expect(box).toContainText(`（${target?.title} 第2/${target?.pages}页）`);
    await expect(page.locator('.viewer-doc')).toHaveText(target?.title as string);
    await expect(page.locator(`[data-testid="viewer-page"][aria-label="${target?.title} 第 2 页"]`)).toBeInViewport();

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.viewer-toolbar').screenshot({ path: join(tmpdir(), 'pages-toolbar-1280.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: join(tmpdir(), 'pages-viewer-1024.png') });

    // A number the volume does not have is refused, and the page stays.
    await input.fill('999');
    await input.press('Enter');
    await expect(page.getByText('第一卷没有卷宗页码为 999 的页面')).toBeVisible();
    await expect(box).toHaveAttribute('aria-label', `第一卷 第${wanted}页`);

    // A note on that page is cited by its 卷宗页码, in the panel and in the exported 阅卷笔录.
    const citation = `《第一卷·${target?.title}》第${wanted}页`;
    await page.getByRole('tab', { name: '笔记' }).click();
    await page.getByTestId('add-note').click();
    await page.getByTestId('note-text').fill('辩点：金额与账目不符');
    await page.getByTestId('note-save').click();
    const note = page.getByTestId('note-item').filter({ hasText: '辩点' });
    await expect(note).toContainText(citation);

    const download = page.waitForEvent('download');
    await page.getByTestId('notes-export').click();
    await page.getByTestId('notes-export-markdown').click();
    await download;
    const saved = await readFile(join(desk.libraryFolder, CASE, `${CASE}-阅卷笔录.md`), 'utf8');
    expect(saved).toContain(`**${citation}**\n\n辩点：金额与账目不符`);
    expect(saved).toContain(`案件名称：${CASE}`);
    expect(saved).toContain('卷宗：第一卷（共30页）');
  });
});
