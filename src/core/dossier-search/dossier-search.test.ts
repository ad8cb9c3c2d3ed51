// Find across generated dossiers: AES-256 (R6) PDFs whose text layers write 人 and 见 as radicals in some lines.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type DossierSpec } from '../../mock-portal/dossier';
import { normalizeForSearch } from '../../shared/cjk-text';
import type { FindResult } from '../../shared/viewer';
import { extractArchive } from '../archives';
import { DossierSearch, type SearchableDossier } from './dossier-search';
import { SNIPPET_CONTEXT } from './find-snippet';

const PASSWORD = '4826153';
const SPEC: DossierSpec = {
  seed: 'dossier-search',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  pages: 1000,
  format: 'zip',
  openPassword: PASSWORD,
};

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dossier-search-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Generates and extracts a dossier; its files in archive order. */
async function extractedDossier(spec: DossierSpec, name: string): Promise<SearchableDossier> {
  const archive = join(work, `${name}.zip`);
  await writeDossierFile(spec, archive);
  const extracted = await extractArchive(archive, join(work, name));
  return { id: name, folder: extracted.destDir, files: extracted.files };
}

/** Every hit's snippet shows the query at its match range. */
function expectSnippetsShowMatches(result: FindResult): void {
  const needle = normalizeForSearch(result.query);
  for (const hit of result.hits) {
    expect(normalizeForSearch(hit.snippet.slice(...hit.match))).toBe(needle);
    expect(hit.match[0]).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    expect(hit.snippet.length - hit.match[1]).toBeLessThanOrEqual(SNIPPET_CONTEXT);
    expect(hit.snippet).not.toMatch(/[\r\n]/);
  }
}

/** A document's page texts as stored, read by pdf.js directly with radicals folded by hand. */
async function storedTexts(path: string): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const task = getDocument({ data: new Uint8Array(await readFile(path)), password: PASSWORD, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent({ disableNormalization: true });
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('a 1,000-page dossier in five volumes', () => {
  const search = new DossierSearch();
  let dossier: SearchableDossier;
  let first: FindResult;

  beforeAll(async () => {
    dossier = await extractedDossier(SPEC, 'big');
    first = await search.find(dossier, '犯罪嫌疑人陈浩然', [PASSWORD], 2000);
  }, 240_000);

  it('searches every PDF of every volume', () => {
    const pdfs = dossier.files.filter((file) => file.path.endsWith('.pdf'));
    expect(new Set(pdfs.map((file) => file.path.split('/')[0])).size).toBe(5);
    expect(first.documents).toBe(pdfs.length);
    expect(first.pages).toBe(1000);
    expect(first.skipped).toEqual([]);
    expect(first.truncated).toBe(false);
    expect(new Set(first.hits.map((hit) => hit.document.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(first.hits.map((hit) => hit.document)).size).toBeGreaterThan(10);
    expectSnippetsShowMatches(first);
  });

  it('finds text stored with radicals from a query typed with ordinary ideographs', async () => {
    // 人 stored as ⼈ (U+2F08) in some lines, 见 as ⻅ (U+2EC5).
    const withRadical = first.hits.filter((hit) => hit.snippet.slice(...hit.match).includes('⼈'));
    expect(withRadical.length).toBeGreaterThan(0);
    const seeing = await search.find(dossier, '见过涉案款项', [PASSWORD]);
    expect(seeing.hits.some((hit) => hit.snippet.slice(...hit.match).startsWith('⻅'))).toBe(true);
    expectSnippetsShowMatches(seeing);

    // Checked against the text pdf.js gives, folded by hand, for a document with radicals.
    const document = withRadical[0]?.document as string;
    const pages = await storedTexts(join(dossier.folder, ...document.split('/')));
    const folded = pages.map((page) => page.replace(/\s+/g, '').replaceAll('⼈', '人').replaceAll('⻅', '见'));
    const expected = folded.flatMap((page, i) => Array<number>(countOf(page, '犯罪嫌疑人陈浩然')).fill(i + 1));
    expect(first.hits.filter((hit) => hit.document === document).map((hit) => hit.page)).toEqual(expected);
  });

  it('lists hits in document order, then page order, then position', () => {
    const order = new Map(dossier.files.map((file, i) => [file.path, i]));
    for (let i = 1; i < first.hits.length; i++) {
      const a = first.hits[i - 1]!;
      const b = first.hits[i]!;
      const docA = order.get(a.document)!;
      const docB = order.get(b.document)!;
      expect(docA < docB || (docA === docB && a.page <= b.page)).toBe(true);
    }
  });

  it('stops at the limit and says so', async () => {
    const limited = await search.find(dossier, '犯罪嫌疑人陈浩然', [PASSWORD], 5);
    expect(limited.hits).toEqual(first.hits.slice(0, 5));
    expect(limited.truncated).toBe(true);
    expect(limited.documents).toBe(first.documents);
    const exact = await search.find(dossier, '犯罪嫌疑人陈浩然', [PASSWORD], first.hits.length);
    expect(exact.truncated).toBe(false);
  });

  it('folds the query too: spaces, full-width forms and radicals typed in it do not matter', async () => {
    const typed = await search.find(dossier, ' 犯罪嫌疑⼈　陈 浩 然 ', [PASSWORD], 2000);
    expect(typed.hits).toEqual(first.hits);
    expect((await search.find(dossier, '不存在的词语', [PASSWORD])).hits).toEqual([]);
    expect((await search.find(dossier, '　 ', [PASSWORD])).hits).toEqual([]);
  });

  it('answers warm searches in well under 100 ms', async () => {
    const timings: number[] = [];
    for (const query of ['犯罪嫌疑人刘晓东', '见到', '银行账户交易明细', '不存在的词语', '陈浩然']) {
      const start = performance.now();
      const result = await search.find(dossier, query, [PASSWORD]);
      timings.push(performance.now() - start);
      expect(result.pages).toBe(1000);
    }
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(100);
  });
});

describe('passwords, damaged documents and the cache', () => {
  let dossier: SearchableDossier;

  beforeAll(async () => {
    dossier = await extractedDossier({ ...SPEC, seed: 'dossier-search-small', pages: 30 }, 'small');
  }, 60_000);

  it('skips locked documents until a password opens them', async () => {
    const search = new DossierSearch();
    const pdfs = dossier.files.filter((file) => file.path.endsWith('.pdf')).map((file) => file.path);
    const none = await search.find(dossier, '陈浩然', []);
    expect(none.hits).toEqual([]);
    expect(none.documents).toBe(0);
    expect(none.skipped).toEqual(pdfs.map((document) => ({ document, reason: 'password' })));
    const wrong = await search.find(dossier, '陈浩然', ['1111111']);
    expect(wrong.skipped).toHaveLength(pdfs.length);
    const right = await search.find(dossier, '陈浩然', ['1111111', PASSWORD]);
    expect(right.skipped).toEqual([]);
    expect(right.documents).toBe(pdfs.length);
    expect(right.pages).toBe(30);
    expect(right.hits.length).toBeGreaterThan(0);
    // Once read, the text is kept: no password is needed to search it again.
    expect((await search.find(dossier, '陈浩然', [])).hits).toEqual(right.hits);
  });

  it('reports damaged documents and searches the rest', async () => {
    const folder = await mkdtemp(join(work, 'damaged-'));
    const good = dossier.files[1]!.path;
    await copyFile(join(dossier.folder, ...good.split('/')), join(folder, 'good.pdf'));
    await writeFile(join(folder, 'broken.pdf'), '%PDF-1.7\nnothing else');
    await writeFile(join(folder, 'note.pdf'), 'not a pdf');
    const files = [{ path: 'broken.pdf' }, { path: 'missing.pdf' }, { path: 'note.pdf' }, { path: 'good.pdf' }, { path: 'photo.jpg' }];
    const result = await new DossierSearch().find({ id: 'damaged', folder, files }, '陈浩然', [PASSWORD]);
    expect(result.skipped).toEqual([
      { document: 'broken.pdf', reason: 'damaged' },
      { document: 'missing.pdf', reason: 'damaged' },
      { document: 'note.pdf', reason: 'damaged' },
    ]);
    expect(result.documents).toBe(1);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.document === 'good.pdf')).toBe(true);
  });

  it('keeps the texts of the last dossiers only, in memory', async () => {
    const copy = async (name: string): Promise<SearchableDossier> => {
      const folder = await mkdtemp(join(work, `${name}-`));
      const path = dossier.files[1]!.path;
      await copyFile(join(dossier.folder, ...path.split('/')), join(folder, 'doc.pdf'));
      return { id: name, folder, files: [{ path: 'doc.pdf' }] };
    };
    const a = await copy('a');
    const b = await copy('b');
    const search = new DossierSearch({ cachedDossiers: 1 });
    const found = await search.find(a, '陈浩然', [PASSWORD]);
    expect(found.hits.length).toBeGreaterThan(0);
    // The file is gone, the text is still in memory.
    await rm(join(a.folder, 'doc.pdf'));
    expect((await search.find(a, '陈浩然', [PASSWORD])).hits).toEqual(found.hits);
    // Searching another dossier pushes it out: it is read again, and now it is missing.
    await search.find(b, '陈浩然', [PASSWORD]);
    expect(await search.find(a, '陈浩然', [PASSWORD])).toMatchObject({ hits: [], skipped: [{ document: 'doc.pdf', reason: 'damaged' }] });
    // forget() drops a dossier at once.
    await rm(join(b.folder, 'doc.pdf'));
    search.forget('b');
    expect((await search.find(b, '陈浩然', [PASSWORD])).documents).toBe(0);
  });

  it('serves two searches at once with one reading of the documents', async () => {
    const search = new DossierSearch();
    const [one, two] = await Promise.all([search.find(dossier, '陈浩然', [PASSWORD]), search.find(dossier, '刘晓东', [PASSWORD])]);
    expect(one.documents).toBe(two.documents);
    expect(one.hits.length).toBeGreaterThan(0);
    expect(two.hits.length).toBeGreaterThan(0);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    await expect(new DossierSearch().find(dossier, '陈浩然', [PASSWORD], 0)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
