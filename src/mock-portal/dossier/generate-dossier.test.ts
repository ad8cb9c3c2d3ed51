import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossier, writeDossierFile } from './generate-dossier';
import type { DossierSpec, GeneratedDossier } from './dossier-spec';
import { runSevenZip } from './seven-zip';

const dir = mkdtempSync(join(tmpdir(), 'dossier-gen-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPEC: DossierSpec = {
  seed: 'review-42',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  pages: 36,
  format: 'zip',
  openPassword: '4826153',
};

/** Entries as Python's zipfile sees them: name → bytes (an implementation independent of ours). */
function unzipWithPython(bytes: Buffer, encoding?: string): Map<string, Buffer> {
  const file = join(dir, `d-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.zip`);
  writeFileSync(file, bytes);
  const script = `
import sys, json, zipfile, base64
z = zipfile.ZipFile(sys.argv[1], **({'metadata_encoding': sys.argv[2]} if sys.argv[2] else {}))
assert z.testzip() is None
print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist() if not i.is_dir()}))
`;
  const result = spawnSync('python3', ['-c', script, file, encoding ?? ''], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(result.stderr);
  const parsed = JSON.parse(result.stdout) as Record<string, string>;
  return new Map(Object.entries(parsed).map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}

async function openPdf(bytes: Buffer, password?: string) {
  // getDocument takes ownership of the buffer: give it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), password, verbosity: 0 });
  try {
    return Object.assign(await task.promise, { close: () => task.destroy() });
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

/** The text layer as stored (pdf.js would otherwise fold radicals into ordinary ideographs). */
async function pageText(bytes: Buffer, page: number): Promise<string> {
  const pdf = await openPdf(bytes, SPEC.openPassword);
  try {
    const content = await (await pdf.getPage(page)).getTextContent({ disableNormalization: true });
    return content.items.map((item) => ('str' in item ? item.str : '')).join('');
  } finally {
    await pdf.close();
  }
}

describe('generateDossier (zip)', () => {
  let dossier: GeneratedDossier;
  let entries: Map<string, Buffer>;

  beforeAll(async () => {
    dossier = await generateDossier(SPEC);
    entries = unzipWithPython(dossier.bytes);
  }, 60_000);

  it('describes what it packed: volumes, documents, pages', () => {
    expect(dossier.fileName).toBe('陈浩然涉嫌诈骗案.zip');
    expect(dossier.sha256).toBe(createHash('sha256').update(dossier.bytes).digest('hex'));
    expect(dossier.pageCount).toBe(36);
    const documents = dossier.volumes.flatMap((v) => v.documents);
    expect(documents.reduce((sum, d) => sum + d.pages, 0)).toBe(36);
    expect(dossier.volumes.map((v) => v.name)).toEqual(['第一卷']);
    expect(documents[0]?.path).toBe('第一卷/00_封面及卷内目录.pdf');
    expect(documents[1]?.path).toBe('第一卷/01_起诉意见书.pdf');
    expect([...entries.keys()]).toEqual(documents.map((d) => d.path));
  });

  it('encrypts every PDF with the open password, with the page counts it reports', async () => {
    for (const document of dossier.volumes.flatMap((v) => v.documents)) {
      const bytes = entries.get(document.path) as Buffer;
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // AES-256, revision 6.
      expect(bytes.includes(Buffer.from('/V 5'))).toBe(true);
      expect(bytes.includes(Buffer.from('/R 6'))).toBe(true);
      await expect(openPdf(bytes)).rejects.toMatchObject({ name: 'PasswordException', code: 1 });
      const pdf = await openPdf(bytes, SPEC.openPassword);
      expect(pdf.numPages).toBe(document.pages);
      await pdf.close();
    }
    const first = entries.get('第一卷/01_起诉意见书.pdf') as Buffer;
    await expect(openPdf(first, '1111111')).rejects.toMatchObject({ name: 'PasswordException', code: 2 });
  }, 60_000);

  it('has searchable Chinese text naming the case and the suspects', async () => {
    const cover = await pageText(entries.get('第一卷/00_封面及卷内目录.pdf') as Buffer, 1);
    expect(cover).toContain('陈浩然涉嫌诈骗案');
    expect(cover).toContain('陈浩然、刘晓东');
    expect(cover).toContain('重庆市涪陵区人民检察院');
    expect(cover).toContain('第一卷');
    expect(cover).toMatch(/共 \d+ 页/);
    const toc = await pageText(entries.get('第一卷/00_封面及卷内目录.pdf') as Buffer, 2);
    expect(toc).toContain('卷 内 目 录');
    expect(toc).toContain('起诉意见书');
    expect(toc).toContain('1-');
    const opinion = await pageText(entries.get('第一卷/01_起诉意见书.pdf') as Buffer, 1);
    expect(opinion).toContain('起诉意见书');
    expect(opinion).toContain('陈浩然涉嫌诈骗案');
    expect(opinion).toContain('刘晓东');
  }, 30_000);

  it('has scanned pages that are images without a text layer', async () => {
    const path = dossier.volumes[0]?.documents.find((d) => d.title === '受案登记表')?.path as string;
    const pdf = await openPdf(entries.get(path) as Buffer, SPEC.openPassword);
    const page = await pdf.getPage(1);
    const operators = await page.getOperatorList();
    expect(operators.fnArray).toContain(OPS.paintImageXObject);
    expect((await page.getTextContent()).items).toHaveLength(0);
    await pdf.close();
  });

  it('writes 人 and 见 as radical code points in some text lines, as real PDFs do', async () => {
    let found = false;
    for (const document of dossier.volumes.flatMap((v) => v.documents).filter((d) => /笔录|证言/.test(d.title))) {
      const bytes = entries.get(document.path) as Buffer;
      for (let page = 1; page <= document.pages && !found; page++) found = /[\u2F08\u2EC5]/.test(await pageText(bytes, page));
    }
    expect(found).toBe(true);
  }, 30_000);

  it('is reproducible: the same spec gives the same bytes, another seed others', async () => {
    const again = await generateDossier(SPEC);
    expect(again.sha256).toBe(dossier.sha256);
    const other = await generateDossier({ ...SPEC, seed: 'review-43' });
    expect(other.sha256).not.toBe(dossier.sha256);
  }, 60_000);

  it('streams the same archive to a file', async () => {
    const file = join(dir, 'out.zip');
    const written = await writeDossierFile(SPEC, file);
    expect(written.sha256).toBe(dossier.sha256);
    expect(written.size).toBe(dossier.bytes.length);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(dossier.sha256);
  }, 30_000);
});

describe('generateDossier options', () => {
  it('writes GBK names without the UTF-8 flag when asked', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 8, gbkNames: true });
    expect(dossier.bytes.includes(Buffer.from('第一卷', 'utf8'))).toBe(false);
    const entries = unzipWithPython(dossier.bytes, 'cp936');
    expect([...entries.keys()]).toEqual(dossier.volumes.flatMap((v) => v.documents.map((d) => d.path)));
    expect([...entries.keys()]).toContain('第一卷/01_起诉意见书.pdf');
  }, 30_000);

  it('splits large dossiers into volumes of at most 200 pages', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 203, seed: 'volumes' });
    expect(dossier.volumes.map((v) => v.name)).toEqual(['第一卷', '第二卷']);
    for (const volume of dossier.volumes) {
      expect(volume.documents.reduce((s, d) => s + d.pages, 0)).toBeLessThanOrEqual(200);
      expect(volume.documents[0]?.title).toBe('封面及卷内目录');
    }
    const entries = unzipWithPython(dossier.bytes);
    expect([...entries.keys()].filter((name) => name.startsWith('第二卷/')).length).toBe(dossier.volumes[1]?.documents.length);
  }, 60_000);

  it('packs 7z with Chinese names, and hides them behind an archive password', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 6, format: '7z', archivePassword: 'Arch-2024' });
    expect(dossier.fileName).toBe('陈浩然涉嫌诈骗案.7z');
    expect(dossier.bytes.subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))).toBe(true);
    const file = join(dir, 'd.7z');
    writeFileSync(file, dossier.bytes);
    const locked = await runSevenZip(['l', '-slt', '-pwrong', file], dir, 30_000);
    expect(locked.code).not.toBe(0);
    const listed = await runSevenZip(['l', '-slt', '-pArch-2024', file], dir, 30_000);
    expect(listed.code).toBe(0);
    const paths = [...listed.stdout.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).filter((p) => p !== file);
    for (const document of dossier.volumes.flatMap((v) => v.documents)) expect(paths).toContain(document.path);
    const extracted = join(dir, 'x7');
    const extract = await runSevenZip(['x', '-y', '-pArch-2024', `-o${extracted}`, file], dir, 30_000);
    expect(extract.code).toBe(0);
    const pdf = await openPdf(readFileSync(join(extracted, '第一卷', '01_起诉意见书.pdf')), SPEC.openPassword);
    expect(pdf.numPages).toBeGreaterThan(0);
    await pdf.close();
  }, 60_000);

  it('refuses specs it cannot honour', async () => {
    await expect(generateDossier({ ...SPEC, pages: 2 })).rejects.toThrow(RangeError);
    await expect(generateDossier({ ...SPEC, pages: 10.5 })).rejects.toThrow(RangeError);
    await expect(generateDossier({ ...SPEC, openPassword: '' })).rejects.toThrow(RangeError);
    await expect(generateDossier({ ...SPEC, format: '7z', gbkNames: true })).rejects.toThrow(RangeError);
    await expect(generateDossier({ ...SPEC, scans: 'huge' as 'heavy' })).rejects.toThrow(RangeError);
    await expect(generateDossier({ ...SPEC, layout: 'one' as 'volumes' })).rejects.toThrow(RangeError);
  });

  it('scans a paper dossier whole with heavy scans: every document page a ~200 dpi image, each page its own', async () => {
    const spec = { ...SPEC, pages: 14, scans: 'heavy', scannedOnly: true } as const;
    const dossier = await generateDossier(spec);
    expect(dossier.bytes.length / spec.pages).toBeGreaterThan(200_000);
    expect((await generateDossier(spec)).sha256).toBe(dossier.sha256);
    const entries = unzipWithPython(dossier.bytes);
    const documents = dossier.volumes.flatMap((v) => v.documents).filter((d) => d.title !== '封面及卷内目录');
    for (const document of documents) {
      const pdf = await openPdf(entries.get(document.path) as Buffer, SPEC.openPassword);
      expect(pdf.numPages).toBe(document.pages);
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        const operators = await page.getOperatorList();
        const images = operators.fnArray.flatMap((fn, i) => (fn === OPS.paintImageXObject ? [operators.argsArray[i] as [string, number, number]] : []));
        // The scan, and the patch with the page number over its corner.
        expect(images.map(([, width, height]) => [width, height])[0]).toEqual([1632, 2309]);
        expect(images).toHaveLength(2);
        expect((await page.getTextContent()).items).toHaveLength(0);
      }
      await pdf.close();
    }
  }, 60_000);

  it('makes one volume that is one scanned PDF of every page when asked', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 205, layout: 'single-scan' });
    // One scan of the whole volume: no typed cover or 目录 in front of it.
    expect(dossier.volumes).toEqual([{ name: '第一卷', frontPages: 0, documents: [{ path: '第一卷/01_第一卷（扫描件）.pdf', title: '第一卷（扫描件）', pages: 205 }] }]);
    const entries = unzipWithPython(dossier.bytes);
    expect([...entries.keys()]).toEqual(['第一卷/01_第一卷（扫描件）.pdf']);
    const pdf = await openPdf(entries.get('第一卷/01_第一卷（扫描件）.pdf') as Buffer, SPEC.openPassword);
    expect(pdf.numPages).toBe(205);
    const last = await pdf.getPage(205);
    expect((await last.getOperatorList()).fnArray).toContain(OPS.paintImageXObject);
    expect((await last.getTextContent()).items).toHaveLength(0);
    await pdf.close();
  }, 60_000);

  it('writes each volume as one PDF at the top when asked: cover, typed 卷内目录, then the documents', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 230, layout: 'pdf-per-volume' });
    expect(dossier.volumes.map((v) => v.documents.map((d) => d.path))).toEqual([['第一卷.pdf'], ['第二卷.pdf']]);
    const entries = unzipWithPython(dossier.bytes);
    expect([...entries.keys()]).toEqual(['第一卷.pdf', '第二卷.pdf']);
    const bytes = entries.get('第一卷.pdf') as Buffer;
    const pdf = await openPdf(bytes, SPEC.openPassword);
    expect(pdf.numPages).toBe(115);
    await pdf.close();
    expect(await pageText(bytes, 1)).toContain('（第一卷）');
    const toc = await pageText(bytes, 2);
    expect(toc).toContain('卷 内 目 录');
    // 页次 1 is the first page after the cover and 目录 (its stamp says 1).
    const rows = [...toc.matchAll(/(\d+)-(\d+)/g)];
    expect(rows[0]?.[1]).toBe('1');
    let first = 3;
    while ((await pageText(bytes, first)).includes('卷 内 目 录')) first++;
    expect(await pageText(bytes, first)).toContain('起诉意见书');
    expect(await pageText(bytes, first)).toMatch(/1$/);
  }, 60_000);

  it('replaces characters in names that are unsafe in paths or missing from the font', async () => {
    const dossier = await generateDossier({ ...SPEC, pages: 12, caseName: '赵𠀾涉嫌盗窃案', suspects: ['赵𠀾', 'A/B'] });
    expect(dossier.fileName).toBe('赵𠀾涉嫌盗窃案.zip');
    const paths = dossier.volumes.flatMap((v) => v.documents.map((d) => d.path));
    expect(paths.every((p) => p.split('/').length === 2)).toBe(true);
    const entries = unzipWithPython(dossier.bytes);
    const cover = await pageText(entries.get('第一卷/00_封面及卷内目录.pdf') as Buffer, 1);
    expect(cover).toContain('赵□涉嫌盗窃案');
  }, 30_000);
});
