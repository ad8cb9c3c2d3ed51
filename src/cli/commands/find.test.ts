import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractArchive } from '../../core/archives';
import { writeDossierFile } from '../../mock-portal/dossier';
import { encryptPdf } from '../../core/pdf/test-pdfs';
import { normalizeForSearch } from '../../shared/cjk-text';
import type { FindResult } from '../../shared/viewer';
import { runCli } from '../run-cli';
import { a4Pixels, drawScan, scannedPdf, textBlock, type DrawnScan } from '../test-scans';

const PASSWORD = '4826153';
let dir: string;
let folder: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'find-cli-'));
  const archive = join(dir, 'dossier.zip');
  await writeDossierFile(
    { seed: 'find-cli', caseName: '陈浩然涉嫌诈骗案', unitName: '重庆市涪陵区人民检察院', suspects: ['陈浩然', '刘晓东'], pages: 210, format: 'zip', openPassword: PASSWORD },
    archive,
  );
  folder = (await extractArchive(archive, join(dir, '陈浩然涉嫌诈骗案'))).destDir;
  // Outside the folder, reachable only through a link, which is not followed.
  await mkdir(join(dir, 'outside'));
  await writeFile(join(dir, 'outside', 'other.pdf'), '%PDF-1.7\n');
  await symlink(join(dir, 'outside'), join(folder, 'linked'));
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('dossier find', () => {
  it('finds a term across the documents and volumes of a dossier folder', async () => {
    const result = await runCli(['find', folder, '犯罪嫌疑人刘晓东', '--password-stdin'], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed.documents).toBeGreaterThan(10);
    expect(parsed.pages).toBe(210);
    expect(parsed.skipped).toEqual([]);
    expect(new Set(parsed.hits.map((hit) => hit.document.split('/')[0]))).toEqual(new Set(['第一卷', '第二卷']));
    for (const hit of parsed.hits) {
      expect(hit.document).toMatch(/^第.卷\/\d+_.+\.pdf$/);
      expect(hit.page).toBeGreaterThanOrEqual(1);
      expect(normalizeForSearch(hit.snippet.slice(...hit.match))).toBe('犯罪嫌疑人刘晓东');
    }
    // Stored with a radical somewhere, found all the same.
    expect(parsed.hits.some((hit) => hit.snippet.includes('⼈'))).toBe(true);
  }, 120_000);

  it('caps the hits with --limit', async () => {
    const parsed = JSON.parse((await runCli(['find', folder, '陈浩然', '--password-stdin', '--limit', '3'], `${PASSWORD}\n`)).out) as FindResult;
    expect(parsed.hits).toHaveLength(3);
    expect(parsed.truncated).toBe(true);
  }, 120_000);

  it('exits 1 when no document could be opened, listing them as skipped', async () => {
    const result = await runCli(['find', folder, '陈浩然', '--password-stdin'], 'guess-123\n');
    expect(result.code).toBe(1);
    expect(result.err).toBe('dossier find: no document could be searched (wrong or missing password, see --password-stdin)\n');
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed.hits).toEqual([]);
    expect(parsed.skipped.length).toBeGreaterThan(10);
    expect(parsed.skipped.every((skip) => skip.reason === 'password')).toBe(true);
  }, 120_000);

  it('reports a folder it cannot read and usage mistakes', async () => {
    const missing = await runCli(['find', join(dir, 'nothing'), '陈浩然']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^dossier find: cannot read the folder .*ENOENT\n$/);
    expect((await runCli(['find', folder])).code).toBe(2);
    expect((await runCli(['find', folder, '  '])).code).toBe(2);
    expect((await runCli(['find', folder, 'x', '--limit', '0'])).code).toBe(2);
  });
});

describe('dossier find --ocr', () => {
  const SCAN = ['受案登记表', '犯罪嫌疑人陈浩然于当日在涪陵区被抓获。'];
  const IMAGE = ['扣押物品清单', '陈浩然的手机一部，银行卡两张。'];
  let scans: string;
  let scan: DrawnScan;
  let image: DrawnScan;

  beforeAll(async () => {
    scans = join(dir, '扫描件');
    await mkdir(join(scans, '第一卷'), { recursive: true });
    scan = drawScan({ ...a4Pixels(150), lines: textBlock(SCAN, { left: 150, top: 200, size: 29, leading: 54 }), noise: 6, blur: 0.4, seed: 4 });
    const pdf = await scannedPdf([{ jpeg: scan.canvas.encodeSync('jpeg', 75) }]);
    await writeFile(join(scans, '第一卷', '01_受案登记表.pdf'), await encryptPdf('qpdf', 'aes-256', pdf, { user: PASSWORD, owner: 'owner-pw' }));
    image = drawScan({ width: 1000, height: 400, lines: textBlock(IMAGE, { left: 80, top: 80, size: 36, leading: 90 }), noise: 5, blur: 0.3, seed: 5 });
    await writeFile(join(scans, '第一卷', '02_扣押物品清单.png'), image.canvas.encodeSync('png'));
  });

  /** Where the query was drawn on its line, in pixels: [x0, x1] of its characters (an even grid), [y0, y1] of the line. */
  function drawnAt(drawn: DrawnScan, line: number, query: string): { x: [number, number]; y: [number, number] } {
    const { text, box } = drawn.lines[line] as DrawnScan['lines'][number];
    const [x0, y0, x1, y1] = box;
    const at = text.indexOf(query);
    return { x: [x0 + ((x1 - x0) * at) / text.length, x0 + ((x1 - x0) * (at + query.length)) / text.length], y: [y0, y1] };
  }

  /** The hit's one box, in pixels. */
  function boxOf(hit: FindResult['hits'][number], drawn: DrawnScan): [number, number, number, number] {
    expect(hit.boxes).toHaveLength(1);
    const [x0, y0, x1, y1] = hit.boxes?.[0] as number[];
    return [(x0 as number) * drawn.width, (y0 as number) * drawn.height, (x1 as number) * drawn.width, (y1 as number) * drawn.height];
  }

  let ocrHits: FindResult['hits'] = [];

  it('finds nothing on scans without --ocr', async () => {
    const result = await runCli(['find', scans, '陈浩然', '--password-stdin'], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toMatchObject({ hits: [], documents: 1, pages: 1, skipped: [] });
  });

  it('reads scanned pages and image files by OCR with --ocr, hits placed on the page', async () => {
    const result = await runCli(['find', scans, '陈浩然', '--password-stdin', '--ocr'], `${PASSWORD}\n`);
    expect(result).toMatchObject({ code: 0, err: '' });
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed).toMatchObject({ documents: 2, pages: 2, skipped: [] });
    expect(parsed.hits.map((hit) => [hit.document, hit.page])).toEqual([
      ['第一卷/01_受案登记表.pdf', 1],
      ['第一卷/02_扣押物品清单.png', 1],
    ]);
    for (const hit of parsed.hits) expect(hit.snippet.slice(...hit.match)).toBe('陈浩然');
    ocrHits = parsed.hits;
    // On the line the name was drawn on, within the line.
    for (const [hit, drawn] of [[parsed.hits[0], scan], [parsed.hits[1], image]] as const) {
      const [x0, y0, x1, y1] = boxOf(hit as FindResult['hits'][number], drawn);
      const { y } = drawnAt(drawn, 1, '陈浩然');
      const line = (drawn.lines[1] as DrawnScan['lines'][number]).box;
      const height = y[1] - y[0];
      expect(Math.abs(y0 - y[0])).toBeLessThan(height / 2);
      expect(Math.abs(y1 - y[1])).toBeLessThan(height / 2);
      expect(x0).toBeGreaterThan(line[0] - height / 2);
      expect(x1).toBeLessThan(line[2] + height / 2);
      expect(x1 - x0).toBeGreaterThan(height / 2);
    }
  }, 60_000);

  // Boxes are cut out of the page's own text, line breaks and spaces included (normalised text has none).
  it('places the box over the matched characters themselves', () => {
    expect(ocrHits).toHaveLength(2);
    for (const [hit, drawn] of [[ocrHits[0], scan], [ocrHits[1], image]] as const) {
      const [x0, , x1] = boxOf(hit as FindResult['hits'][number], drawn);
      const { x, y } = drawnAt(drawn, 1, '陈浩然');
      const character = (y[1] - y[0]) / 2;
      expect(Math.abs(x0 - x[0])).toBeLessThan(character);
      expect(Math.abs(x1 - x[1])).toBeLessThan(character);
    }
  });

  it('still searches the images when the PDFs stay locked', async () => {
    const result = await runCli(['find', scans, '银行卡', '--password-stdin', '--ocr'], 'guess-123\n');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as FindResult;
    expect(parsed.skipped).toEqual([{ document: '第一卷/01_受案登记表.pdf', reason: 'password' }]);
    expect(parsed.hits.map((hit) => hit.document)).toEqual(['第一卷/02_扣押物品清单.png']);
  }, 60_000);
});
