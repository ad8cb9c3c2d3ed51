import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageRecord, TextRecord } from '../dossier-text';
import { encryptPdf } from '../pdf/test-pdfs';
import { openPdf } from '../pdf';
import { readDossier } from './dossier-reader';
import { createOcrEngine, type OcrEngine } from './ocr-engine';
import { analysePage, pageImage } from './page-images';
import { scanJpeg, testPdf } from './test-scans';

// OCR takes a second or more a page, and much longer on a loaded machine (CI runs files side by side).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const PASSWORD = 'Kf7-涪陵-2026';
const SCAN = ['询问笔录', '地点：重庆市涪陵区公安局', '答：我看见他把手机放进了口袋。'];
const TYPED = ['受案登记表', '报案人：王某某，联系电话13800000000', '简要案情：被害人称其手机于茶楼内被盗。'];

let folder: string;
let engine: OcrEngine;
let pdf: Uint8Array;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ocr-reader-'));
  engine = await createOcrEngine();
  pdf = await encryptPdf('qpdf', 'aes-256', await testPdf([{ text: TYPED }, { scan: SCAN, stamp: 17 }]), { user: PASSWORD, owner: `${PASSWORD}-owner` });
  await mkdir(join(folder, '第一卷'));
  await writeFile(join(folder, '第一卷', '询问笔录.pdf'), pdf);
  await writeFile(join(folder, '第一卷', '现场照片.jpg'), scanJpeg(['现场照片说明', '拍摄地点：涪陵区黎明路茶楼']));
  await writeFile(join(folder, '说明.txt'), '不是文书');
});
afterAll(async () => {
  await engine.close();
  await rm(folder, { recursive: true, force: true });
});

describe('reading a dossier page by page', () => {
  it('takes the text layer where a page has one and OCRs the scans (PDF pages and image files)', async () => {
    const records: TextRecord[] = [];
    const files = ['第一卷/询问笔录.pdf', '第一卷/现场照片.jpg', '说明.txt'];
    await readDossier({ folder, files, passwords: [PASSWORD], done: {} }, async () => engine, (batch) => records.push(...batch));
    const pages = records.filter((record): record is PageRecord => record.kind === 'page');
    expect(records.filter((record) => record.kind === 'document')).toEqual([
      { kind: 'document', document: '第一卷/询问笔录.pdf', pageCount: 2 },
      { kind: 'document', document: '第一卷/现场照片.jpg', pageCount: 1 },
    ]);
    const [typed, scanned, photo] = pages;
    expect(typed).toMatchObject({ page: 1, source: 'text' });
    expect(typed?.text.replace(/\s/g, '')).toBe(TYPED.join(''));
    expect(scanned).toMatchObject({ page: 2, source: 'ocr', stamp: 17 });
    expect(scanned?.text).toContain('我看见他把手机放进了口袋');
    // Boxes are fractions of the page: the first drawn line sits 200 px down a 1754-px page.
    const first = scanned?.lines?.find((line) => line.text.includes('询问'));
    expect(first?.box[1]).toBeGreaterThan(0.08);
    expect(first?.box[3]).toBeLessThan(0.13);
    expect(photo).toMatchObject({ document: '第一卷/现场照片.jpg', page: 1, source: 'ocr' });
    expect(photo?.text).toContain('黎明路茶楼');
  });

  it('skips pages already read and documents already finished', async () => {
    const records: TextRecord[] = [];
    await readDossier(
      { folder, files: ['第一卷/询问笔录.pdf', '第一卷/现场照片.jpg'], passwords: [PASSWORD], done: { '第一卷/询问笔录.pdf': { pages: [2], complete: false }, '第一卷/现场照片.jpg': { pages: [1], complete: true } } },
      async () => engine,
      (batch) => records.push(...batch),
    );
    expect(records.map((record) => (record.kind === 'page' ? `${record.document}#${record.page}` : record.kind))).toEqual(['document', '第一卷/询问笔录.pdf#1']);
  });

  it('lists a document no password opens as unreadable and goes on', async () => {
    const records: TextRecord[] = [];
    await readDossier({ folder, files: ['第一卷/询问笔录.pdf'], passwords: ['wrong'], done: {} }, async () => engine, (batch) => records.push(...batch));
    expect(records).toEqual([{ kind: 'document', document: '第一卷/询问笔录.pdf', pageCount: 0, unreadable: 'password' }]);
  });
});

describe('page images', () => {
  it("takes a scanner's one JPEG per page as it is, and renders a page that has none", async () => {
    const opened = await openPdf(pdf, [PASSWORD]);
    try {
      const scan = await opened.pdf.getPage(2);
      const image = await pageImage(scan, await analysePage(scan));
      expect(image.via).toBe('image');
      expect([image.image.width, image.image.height]).toEqual([1240, 1754]);
      expect(image.toPage([0, 0, 1240, 1754]).map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0, 1, 1]);
      const typed = await opened.pdf.getPage(1);
      const rendered = await pageImage(typed, await analysePage(typed));
      expect(rendered.via).toBe('render');
      // 150 dpi of an A4 page.
      expect(rendered.image.width).toBe(1240);
    } finally {
      await opened.close();
    }
  });
});
