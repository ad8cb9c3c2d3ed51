import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DossierSpec } from './dossier-spec';
import { generateDossier } from './generate-dossier';
import { scannedPageTexts } from './scan-ground-truth';

const dir = mkdtempSync(join(tmpdir(), 'scan-truth-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The default demo case: 重庆市涪陵区人民检察院. */
const SPEC: DossierSpec = {
  seed: 'review-42',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  pages: 36,
  format: 'zip',
  openPassword: '4826153',
};

/** Entries as Python's zipfile reads them (an implementation independent of ours). */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  const script = 'import sys, json, zipfile, base64\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist() if not i.is_dir()}))';
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(result.stderr);
  return new Map(Object.entries(JSON.parse(result.stdout) as Record<string, string>).map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}

interface PageImage {
  width: number;
  height: number;
  /** RGB, as pdf.js decodes the scan. */
  data: Uint8ClampedArray;
}

/** Each page of a PDF: whether it has a text layer, whether it paints an image, and (if asked) that image. */
async function readPages(bytes: Buffer, decode = false): Promise<{ text: boolean; painted: boolean; image: PageImage | null }[]> {
  const task = getDocument({ data: new Uint8Array(bytes), password: SPEC.openPassword, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const operators = await page.getOperatorList();
      const at = operators.fnArray.indexOf(OPS.paintImageXObject);
      const name = at >= 0 ? (operators.argsArray[at] as [string])[0] : null;
      const image = name && decode ? await new Promise<PageImage>((resolve) => page.objs.get(name, resolve)) : null;
      pages.push({ text: (await page.getTextContent()).items.length > 0, painted: name !== null, image });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Share of dark pixels in a box given as fractions of the page, grown by `grow` pixels. */
function inkShare(image: PageImage, [left, top, right, bottom]: [number, number, number, number], grow: number): number {
  const x0 = Math.max(0, Math.floor(left * image.width) - grow);
  const y0 = Math.max(0, Math.floor(top * image.height) - grow);
  const x1 = Math.min(image.width, Math.ceil(right * image.width) + grow);
  const y1 = Math.min(image.height, Math.ceil(bottom * image.height) + grow);
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3;
      if (0.3 * (image.data[i] as number) + 0.59 * (image.data[i + 1] as number) + 0.11 * (image.data[i + 2] as number) < 110) dark++;
    }
  }
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

describe('scannedPageTexts', () => {
  it('names exactly the scanned pages of a generated dossier, and the demo case has 涪 on them', async () => {
    const truths = scannedPageTexts(SPEC);
    const dossier = await generateDossier(SPEC);
    const entries = unzip(dossier.bytes);
    const scanned: string[] = [];
    for (const document of dossier.volumes.flatMap((v) => v.documents)) {
      (await readPages(entries.get(document.path) as Buffer)).forEach((page, i) => {
        if (!page.text && page.painted) scanned.push(`${document.path}#${i + 1}`);
      });
    }
    expect(truths.map((t) => `${t.path}#${t.page}`)).toEqual(scanned);
    expect(scanned.length).toBeGreaterThan(3);
    for (const truth of truths) {
      expect(truth.text.split('\n')[0]).toBe(String(truth.stampedPage));
      expect(truth.text).toBe(truth.lines.map((line) => line.text).join('\n'));
    }
    expect(truths.some((truth) => truth.text.includes('涪'))).toBe(true);
    expect(truths.find((truth) => truth.path.endsWith('受案登记表.pdf'))?.text).toContain('重庆市涪陵区公安局\n受案登记表');
  }, 60_000);

  it('matches the pixels of each scanned page, in a volume that is one PDF', async () => {
    const spec: DossierSpec = { ...SPEC, seed: 'truth-pixels', pages: 10, layout: 'pdf-per-volume', scannedOnly: true };
    const truths = scannedPageTexts(spec);
    const dossier = await generateDossier(spec);
    const pages = await readPages(unzip(dossier.bytes).get('第一卷.pdf') as Buffer, true);
    // The cover and 卷内目录 are typed; every document page after them is a scan.
    const front = dossier.volumes[0]?.frontPages ?? 0;
    expect(truths.map((t) => t.page)).toEqual(Array.from({ length: 10 - front }, (_, i) => front + i + 1));
    for (const truth of truths) {
      const image = pages[truth.page - 1]?.image as PageImage;
      expect(image.width).toBe(1240);
      for (const line of truth.lines) expect(inkShare(image, line.box, 4), `page ${truth.page}: ${line.text}`).toBeGreaterThan(0.04);
      // Nothing drawn in the left margin.
      expect(inkShare(image, [0.02, 0, 0.075, 1], 0)).toBe(0);
    }
  }, 60_000);
});
