/**
 * 打印 in the viewer: a range of pages of an encrypted document is rendered in memory and handed to
 * the print dialog, each sheet painted and watermarked with the lawyer's name. The dialog itself is
 * the system's: the test records the call (and the printed document) instead of opening it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInWithPassword } from './support/app-login';
import { dossier } from './support/cli-process';

const CASE = '孙某某涉嫌诈骗案';
const OPEN_PASSWORD = 'Kd7391';
/** The seeded demo lawyer (see `dossier portal --help`). */
const DEMO = { name: '张明远', phone: '13800000001', password: 'Demo@12309' };

interface PrintedSheet {
  watermark: string;
  caption: string;
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  /** Pixels of the sheet's image that are not near-white. */
  inked: number;
}

interface PrintCall {
  html: string;
  sheets: PrintedSheet[];
}

async function printCalls(page: Page): Promise<PrintCall[]> {
  return page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls);
}

/**
 * Replaces print() of every frame's window with a recorder of what would have been printed, so
 * the test sees the printed document instead of waiting on a dialog only a person can close.
 */
function recordPrints(): void {
  if ('printCalls' in window) return;
  const calls: PrintCall[] = [];
  (window as unknown as { printCalls: PrintCall[] }).printCalls = calls;
  const descriptor = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  const get = descriptor?.get;
  if (!get) return;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const frameWindow = get.call(this) as (Window & { printRecorded?: boolean }) | null;
      if (frameWindow && !frameWindow.printRecorded) {
        frameWindow.printRecorded = true;
        frameWindow.print = () => {
          const frameDocument = frameWindow.document;
          const sheets = Array.from(frameDocument.querySelectorAll('section.print-page'), (section) => {
            const image = section.querySelector('img');
            let inked = 0;
            if (image && image.naturalWidth > 0) {
              const canvas = document.createElement('canvas');
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              const context = canvas.getContext('2d');
              context?.drawImage(image, 0, 0);
              const data = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
              for (let at = 0; at < data.length; at += 4) if ((data[at] ?? 255) < 160) inked += 1;
            }
            return {
              watermark: section.querySelector('.print-watermark')?.textContent ?? '',
              caption: section.querySelector('.print-caption')?.textContent ?? '',
              src: image?.getAttribute('src') ?? '',
              naturalWidth: image?.naturalWidth ?? 0,
              naturalHeight: image?.naturalHeight ?? 0,
              inked,
            };
          });
          calls.push({ html: frameDocument.documentElement.outerHTML, sheets });
        };
      }
      return frameWindow;
    },
  });
}

test.describe('打印', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'print-e2e-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('prints a range of two pages, each painted and watermarked with the lawyer’s name', async ({ desk }, testInfo) => {
    // An encrypted dossier generated, signed in, pages rendered at print resolution: slow on 2 cores.
    test.slow();
    const page = desk.page;
    const archive = join(work, `${CASE}.zip`);
    const generated = dossier(['console', 'generate', '--out', archive, '--pages', '12', '--open-password', OPEN_PASSWORD, '--case-name', CASE, '--suspect', '孙某某']);
    // The app is one page: print() is wrapped before any frame exists.
    await page.evaluate(recordPrints);
    await signInWithPassword(page, DEMO.phone, DEMO.password);
    await generated;
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(archive);
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: CASE });
    await expect(row).toContainText('已解压');
    await row.getByTestId('library-read').click();
    const ask = page.getByRole('dialog').filter({ hasText: '卷宗文档打开密码' });
    await ask.getByTestId('open-password').fill(OPEN_PASSWORD);
    await ask.getByRole('button', { name: '打开' }).click();
    await expect(ask).toBeHidden();

    // 起诉意见书, six pages: 打印 from the toolbar.
    await page.getByRole('tree').getByText('起诉意见书').click();
    await expect(page.locator('[data-testid="viewer-page"][data-document="第一卷/01_起诉意见书.pdf"][data-rendered="true"]').first()).toBeVisible();
    await page.getByRole('button', { name: '打印' }).click();
    const dialog = page.getByTestId('print-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('起诉意见书');
    await expect(dialog).toContainText(`每页带水印：${DEMO.name}`);
    await expect(dialog).toContainText('共 6 页');

    // A range beyond the document is refused with the reason.
    await dialog.getByTestId('print-range').fill('5-9');
    await dialog.getByTestId('print-start').click();
    await expect(dialog.getByRole('alert')).toHaveText('页码超出范围：当前文件共 6 页');
    await page.screenshot({ path: testInfo.outputPath('print-dialog-1280.png') });

    await dialog.getByTestId('print-range').fill('2-3');
    await expect(dialog.getByRole('radio', { name: '页码范围' })).toBeChecked();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: testInfo.outputPath('print-dialog-1024.png') });
    await dialog.getByTestId('print-start').click();

    // The print dialog was asked for once, for two sheets: each painted, watermarked and captioned.
    await expect.poll(async () => (await printCalls(page)).length).toBe(1);
    await expect(dialog).toBeHidden();
    const [call] = await printCalls(page);
    expect(call?.html).toContain('@page { size: A4 portrait; margin: 0; }');
    expect(call?.sheets).toHaveLength(2);
    for (const [index, sheet] of (call?.sheets ?? []).entries()) {
      expect(sheet.watermark).toContain(DEMO.name);
      expect(sheet.watermark).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(sheet.caption).toBe(`《第一卷·起诉意见书》第${index + 2}页`);
      expect(sheet.src).toMatch(/^blob:/);
      expect(sheet.naturalWidth).toBeGreaterThan(1000);
      expect(sheet.inked).toBeGreaterThan(1000);
    }

    // Ctrl+P opens the same dialog (not the browser's print of the window).
    await page.keyboard.press('Control+P');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();

    // Leaving the viewer lets the printed pages go: the frame is removed, its images' memory freed.
    await page.getByRole('button', { name: '返回卷宗库' }).click();
    await expect(page.getByTestId('print-frame')).toHaveCount(0);
    const src = call?.sheets[0]?.src ?? '';
    const stillThere = await page.evaluate((url) => fetch(url).then(() => true, () => false), src);
    expect(stillThere).toBe(false);
  });

  test('prints a photo of the dossier as a sheet standing upright', async ({ desk }) => {
    test.slow();
    const page = desk.page;
    await page.evaluate(recordPrints);
    // A photo wider than high (the app's own window, as a browser encodes it), zipped by Info-ZIP.
    const volume = join(work, 'source', '第二卷');
    await mkdir(volume, { recursive: true });
    await writeFile(join(volume, '01_现场照片.jpg'), await page.screenshot({ type: 'jpeg', quality: 80 }));
    const archive = join(work, '钱某某涉嫌诈骗案.zip');
    await promisify(execFile)('zip', ['-r', '-q', archive, '第二卷'], { cwd: join(work, 'source') });
    await page.goto(`${page.url().split('#')[0]}#/library`);
    await page.getByRole('button', { name: '导入卷宗' }).first().click();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles(archive);
    await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
    const row = page.getByTestId('library-row').filter({ hasText: '钱某某涉嫌诈骗案' });
    await expect(row).toContainText('已解压');
    await row.getByTestId('library-read').click();
    await expect(page.locator('[data-testid="viewer-page"][data-document="第二卷/01_现场照片.jpg"]')).toHaveAttribute('data-rendered', 'true');

    // 当前页 is the default choice; nobody is signed in, so the watermark names the app.
    await page.keyboard.press('Control+P');
    const dialog = page.getByTestId('print-dialog');
    await expect(dialog.getByRole('radio', { name: /当前页/ })).toBeChecked();
    await expect(dialog).toContainText('每页带水印：卷宗台');
    await dialog.getByTestId('print-start').click();
    await expect.poll(async () => (await printCalls(page)).length).toBe(1);
    const [sheet, ...more] = (await printCalls(page))[0]?.sheets ?? [];
    expect(more).toHaveLength(0);
    expect(sheet?.watermark).toContain('卷宗台');
    expect(sheet?.caption).toBe('《第二卷·现场照片》第1页');
    // Turned a quarter to fill the portrait sheet, and painted.
    expect(sheet?.naturalHeight).toBeGreaterThan(sheet?.naturalWidth ?? Infinity);
    expect(sheet?.naturalWidth).toBeGreaterThan(500);
    expect(sheet?.inked).toBeGreaterThan(1000);
  });
});
