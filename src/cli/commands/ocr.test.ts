import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encryptPdf } from '../../core/pdf/test-pdfs';
import { editDistance } from '../character-error-rate';
import { runCli } from '../run-cli';
import { a4Pixels, drawScan, scannedPdf, textBlock, type DrawnScan } from '../test-scans';

const PASSWORD = 'Scan-7731';
const DPI = 150;
/** Points per pixel of the scans. */
const PT = 72 / DPI;

const FIRST_PAGE = ['重庆市公安局涪陵区分局', '讯问笔录', '问：你把当天看见的情况说一下。', '答：我看见被害人倒在地上，身边有一辆自行车。'];
const TYPED_PAGE = ['起诉意见书', '犯罪嫌疑人陈浩然涉嫌合同诈骗一案，现已侦查终结。'];
const THIRD_PAGE = ['鉴定意见', '经鉴定，涉案车辆的损失价值为人民币叁万贰仟元。'];
const IMAGE_LINES = ['扣押物品清单', '手机一部，银行卡两张。'];

interface OcrLine {
  text: string;
  box: [number, number, number, number];
  confidence: number;
}
interface OcrPage {
  page: number;
  source: 'ocr' | 'text' | 'none';
  text: string;
  lines: OcrLine[];
}
interface OcrOutput {
  units: 'pt' | 'px';
  pages: OcrPage[];
}

let dir: string;
let locked: string;
let image: string;
let firstScan: DrawnScan;
let thirdScan: DrawnScan;
let imageScan: DrawnScan;

function a4Scan(lines: readonly string[], seed: number): DrawnScan {
  return drawScan({ ...a4Pixels(DPI), lines: textBlock(lines, { left: 150, top: 170, size: 29, leading: 54 }), noise: 6, blur: 0.4, seed });
}

/** Each drawn line was read (small errors allowed) on a line whose box is where it was drawn (`scale`: output units per pixel). */
function expectLinesRead(page: OcrPage, drawn: DrawnScan, scale: number): void {
  expect(page.text.split('\n')).toHaveLength(drawn.lines.length);
  for (const [i, line] of drawn.lines.entries()) {
    const read = page.text.split('\n')[i] as string;
    expect(editDistance(read, line.text), `"${read}" for "${line.text}"`).toBeLessThanOrEqual(Math.max(1, Math.floor([...line.text].length / 10)));
    const closest = page.lines.reduce((best, candidate) => (editDistance(candidate.text, line.text) < editDistance(best.text, line.text) ? candidate : best));
    const tolerance = (line.box[3] - line.box[1]) * 0.5 * scale;
    line.box.forEach((edge, k) => expect(Math.abs((closest.box[k] as number) - edge * scale), `edge ${k} of "${line.text}"`).toBeLessThan(tolerance));
    expect(closest.confidence).toBeGreaterThan(0.5);
    expect(closest.confidence).toBeLessThanOrEqual(1);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocr-cli-'));
  firstScan = a4Scan(FIRST_PAGE, 1);
  thirdScan = a4Scan(THIRD_PAGE, 3);
  const pdf = await scannedPdf([{ jpeg: firstScan.canvas.encodeSync('jpeg', 75) }, { typed: TYPED_PAGE }, { jpeg: thirdScan.canvas.encodeSync('jpeg', 75) }]);
  locked = join(dir, '第一卷.pdf');
  await writeFile(locked, await encryptPdf('qpdf', 'aes-256', pdf, { user: PASSWORD, owner: 'owner-pw' }));
  imageScan = drawScan({ width: 900, height: 360, lines: textBlock(IMAGE_LINES, { left: 60, top: 60, size: 36, leading: 90 }), noise: 5, blur: 0.3, seed: 9 });
  image = join(dir, '清单.png');
  await writeFile(image, imageScan.canvas.encodeSync('png'));
  await writeFile(join(dir, 'notes.txt'), 'plain text, neither a PDF nor an image');
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('dossier ocr', () => {
  it('reads a scanned page of an encrypted PDF, its lines boxed in points from the top-left', async () => {
    const result = await runCli(['ocr', locked, '--password-stdin', '--pages', '1'], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as OcrOutput;
    expect(parsed.units).toBe('pt');
    expect(parsed.pages.map((page) => [page.page, page.source])).toEqual([[1, 'ocr']]);
    expectLinesRead(parsed.pages[0] as OcrPage, firstScan, PT);
  }, 60_000);

  it('reports a page with a text layer from the layer, and reads only the pages asked for', async () => {
    const result = await runCli(['ocr', locked, '--password-stdin', '--pages', '2-3'], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as OcrOutput;
    expect(parsed.pages.map((page) => [page.page, page.source])).toEqual([
      [2, 'text'],
      [3, 'ocr'],
    ]);
    const typed = parsed.pages[0] as OcrPage;
    expect(typed.text.replace(/\s/g, '')).toBe(TYPED_PAGE.join(''));
    expect(typed.lines).toEqual([]);
    expectLinesRead(parsed.pages[1] as OcrPage, thirdScan, PT);
  }, 60_000);

  it('reads an image file, boxes in its pixels', async () => {
    const result = await runCli(['ocr', image]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as OcrOutput;
    expect(parsed.units).toBe('px');
    expect(parsed.pages.map((page) => [page.page, page.source])).toEqual([[1, 'ocr']]);
    expectLinesRead(parsed.pages[0] as OcrPage, imageScan, 1);
  }, 60_000);

  it.each([
    ['a missing file', () => [join(dir, 'nothing.pdf')], /\[NOT_FOUND\]$/],
    ['a file that is neither a PDF nor an image', () => [join(dir, 'notes.txt')], /neither a PDF nor an image.*\[UNSUPPORTED_MEDIA_TYPE\]$/],
    ['a wrong password', () => [locked, '--password-stdin'], /\[WRONG_PASSWORD\]$/],
    ['a missing password', () => [locked], /\[PASSWORD_REQUIRED\]$/],
    ['--pages past the last page of a PDF', () => [locked, '--password-stdin', '--pages', '2-4'], /has 3 pages \[VALIDATION\]$/],
    ['--pages past the last page of an image', () => [image, '--pages', '2'], /has 1 page \[VALIDATION\]$/],
  ])('exits 1 with one line on stderr for %s, never echoing a password', async (label, args, pattern) => {
    const result = await runCli(['ocr', ...args()], `${label === 'a wrong password' ? 'guess-123' : PASSWORD}\n`);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^dossier ocr: /);
    expect(result.err.trimEnd()).toMatch(pattern);
    expect(result.err).not.toContain('guess-123');
    expect(result.err).not.toContain(PASSWORD);
  });

  it('takes --pages only as ascending pages, and exactly one file', async () => {
    for (const pages of ['0', '3-1', '2,1', 'one', '1-', '']) {
      const result = await runCli(['ocr', image, '--pages', pages]);
      expect(result.code, pages).toBe(2);
      expect(result.err).toMatch(/^dossier ocr: --pages must list pages in ascending order/);
    }
    expect((await runCli(['ocr'])).code).toBe(2);
    expect((await runCli(['ocr', image, image])).code).toBe(2);
  });
});
