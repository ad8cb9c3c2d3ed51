// Search over a dossier the background reading is still going through: what it has read is
// searched (with boxes on OCR pages), what it has not is read from the PDF as before.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierTextStore } from '../dossier-text';
import { testPdf } from '../ocr/test-scans';
import { MemorySecretStore } from '../secrets';
import { DossierSearch } from './dossier-search';

let folder: string;
const files = [{ path: '卷.pdf', size: 0 }];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'stored-search-'));
  const pdf = await testPdf([{ text: ['封面', '重庆市涪陵区公安局'] }, { text: ['讯问笔录', '犯罪嫌疑人赵某某供述'] }]);
  files[0]!.size = pdf.length;
  await writeFile(join(folder, '卷.pdf'), pdf);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('search with the stored texts', () => {
  it('finds pages not yet read in the PDF, and recognised ones with their boxes, before and after the reading ends', async () => {
    const store = new DossierTextStore(new MemorySecretStore());
    const dossier = { id: 'd1', folder, files };
    const text = await store.textOf(dossier);
    // Page 1 read by OCR (as if it were a scan), page 2 not yet.
    await text.append([
      { kind: 'document', document: '卷.pdf', pageCount: 2 },
      { kind: 'page', document: '卷.pdf', page: 1, source: 'ocr', text: '扫描的封面\n现场勘验', stamp: null, lines: [{ text: '扫描的封面', box: [0.1, 0.1, 0.5, 0.13], confidence: 0.9 }, { text: '现场勘验', box: [0.1, 0.2, 0.4, 0.23], confidence: 0.9 }] },
    ]);
    const search = new DossierSearch({ stored: async () => text });
    // The 目录 reader looks at the first pages while the reading is under way: nothing partial is kept.
    expect((await search.leadingPages(dossier, '卷.pdf', [], 2))?.pages[0]).toBe('扫描的封面\n现场勘验');
    const typed = await search.find(dossier, '赵某某', []);
    expect(typed.hits.map((hit) => hit.page)).toEqual([2]);
    const recognised = await search.find(dossier, '现场勘验', []);
    expect(recognised.hits).toHaveLength(1);
    expect(recognised.hits[0]?.boxes?.[0]?.[1]).toBe(0.2);

    // The reading ends: the document is then searched from the store alone.
    await text.append([{ kind: 'page', document: '卷.pdf', page: 2, source: 'text', text: '讯问笔录\n犯罪嫌疑人赵某某供述', stamp: null }]);
    expect((await search.find(dossier, '赵某某', [])).hits.map((hit) => hit.page)).toEqual([2]);
    expect((await search.find(dossier, '现场勘验', [])).hits).toHaveLength(1);
  });
});
