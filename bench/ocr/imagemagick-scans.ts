/**
 * Scans made by another tool: pages of typed records (讯问笔录, 询问笔录 of cases held in places with
 * rare names) rendered by ImageMagick's `convert` in a system CJK font (Noto Serif CJK SC from
 * fonts-noto-cjk), 150 dpi A4, with grain (+noise), a slight blur and a 0.3° turn, saved as JPEG
 * and laid into an encrypted PDF per case. The lines are the mock portal's text and line layout,
 * so what is drawn is the ground truth; the pixels owe nothing to the app's own drawing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { scannedPdf } from '../../src/cli/test-scans';
import { knownNames } from '../../src/core/ocr';
import { buildCaseProfile, type Person } from '../../src/mock-portal/dossier/case-profile';
import { MISSING_GLYPH } from '../../src/mock-portal/dossier/dossier-font';
import { inquiryRecord, interrogationRecord } from '../../src/mock-portal/dossier/document-texts';
import { SeededRandom } from '../../src/mock-portal/dossier/seeded-random';
import { layoutText, MARGIN_LEFT, PAGE_HEIGHT } from '../../src/mock-portal/dossier/text-layout';
import { mustRun } from '../children';
import { pageKey, type ScanDossier, type ScanSet } from './scan-set';

const DPI = 150;
/** A4 at 150 dpi. */
const WIDTH = 1240;
const HEIGHT = 1754;
const PAPER = '#f5f3ec';
const INK = '#1d1d1f';
const PASSWORD = '4826153';
const PAGES_PER_CASE = 2;
/** Procuratorates whose names have characters OCR models often miss; 涪陵 in a second typeface. */
const UNITS = ['浙江省嵊州市人民检察院', '四川省犍为县人民检察院', '重庆市涪陵区人民检察院'];
const CASE_NAME = '陈浩然涉嫌合同诈骗案';
/** Families tried in turn (fonts-noto-cjk); a serif face, unlike the sans the portal's scans use. */
const FAMILIES = ['Noto Serif CJK SC', 'Noto Sans CJK SC'];
const FONT_NAME = 'Bench-Scan-CJK';

interface SystemFont {
  family: string;
  file: string;
  /** The face in a collection (.ttc): the SC face is not the first. */
  index: number;
}

async function systemFont(): Promise<SystemFont> {
  for (const family of FAMILIES) {
    const { stdout } = await mustRun('fc-list', ['-f', '%{index}\t%{file}\n', `${family}:style=Regular`]);
    const [index, file] = stdout.split('\n')[0]?.split('\t') ?? [];
    if (file) return { family, file, index: Number(index) || 0 };
  }
  throw new Error(`no CJK font for ImageMagick: none of ${FAMILIES.join(', ')} (fonts-noto-cjk) is installed`);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * ImageMagick's own name for a Noto CJK family draws the collection's first face (JP glyph forms,
 * 骨 turned the Japanese way): a type map of our own names the SC face by its index.
 */
async function typeMap(folder: string, font: SystemFont): Promise<void> {
  await mkdir(folder, { recursive: true });
  const entry = `<type name="${FONT_NAME}" family="${xml(font.family)}" style="Normal" stretch="Normal" weight="400" glyphs="${xml(font.file)}" face="${font.index}"/>`;
  await writeFile(join(folder, 'type.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<typemap>\n  ${entry}\n</typemap>\n`);
}

/** -annotate reads % escapes, backslashes and a leading @ (a file): each stands for itself here. */
function annotateText(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/%/g, '%%');
  return escaped.startsWith('@') ? `\\${escaped}` : escaped;
}

interface PageLine {
  text: string;
  /** Left edge and baseline in pixels from the top-left corner. */
  x: number;
  y: number;
  /** Points (ImageMagick draws them at -density 150). */
  size: number;
}

function convertArgs(lines: readonly PageLine[], seed: number, rotate: number, out: string): string[] {
  // Seeded, so the grain (and so the page) is the same every run.
  const args = ['-seed', String(seed), '-size', `${WIDTH}x${HEIGHT}`, `xc:${PAPER}`, '-units', 'PixelsPerInch', '-density', String(DPI), '-font', FONT_NAME, '-fill', INK];
  let size = 0;
  for (const line of lines) {
    if (line.size !== size) args.push('-pointsize', String((size = line.size)));
    args.push('-annotate', `+${Math.round(line.x)}+${Math.round(line.y)}`, annotateText(line.text));
  }
  // What a scanner adds: grain, soft optics, the sheet a little turned on the glass.
  args.push('-attenuate', '0.5', '+noise', 'Gaussian', '-blur', '0x0.6', '-background', PAPER, '-rotate', String(rotate));
  args.push('-gravity', 'center', '-extent', `${WIDTH}x${HEIGHT}`, '-quality', '75', out);
  return args;
}

/** The record's first pages, as lines placed on A4 (points → pixels at 150 dpi). */
function caseLines(unitName: string, u: number): PageLine[][] {
  const random = new SeededRandom(`bench-ocr-imagemagick/${unitName}`);
  const profile = buildCaseProfile({ caseName: CASE_NAME, unitName, suspects: ['陈浩然'] }, random.fork('profile'));
  const content =
    u % 2 === 0
      ? interrogationRecord(profile, profile.suspects[0] as Person, 1, random.fork('text'))
      : inquiryRecord(profile, profile.victims[0] as Person, '被害人', random.fork('text'));
  const scale = DPI / 72;
  // Printed pages carry no radical code points (only text layers do).
  return layoutText({ ...content, radicals: false }, PAGES_PER_CASE, random.fork('layout')).map((placed, p) => {
    const lines = placed.map((line) => ({ text: line.text.replaceAll(MISSING_GLYPH, ''), x: line.x * scale, y: (PAGE_HEIGHT - line.y) * scale, size: line.size }));
    const footer = content.footer?.(p + 1, PAGES_PER_CASE);
    if (footer) lines.push({ text: footer, x: MARGIN_LEFT * scale, y: (PAGE_HEIGHT - 44) * scale, size: 10.5 });
    return lines.filter((line) => line.text.trim() !== '');
  });
}

export async function imageMagickScans(work: string): Promise<ScanSet> {
  const folder = join(work, 'imagemagick');
  const config = join(folder, 'magick-config');
  await mkdir(folder, { recursive: true });
  const font = await systemFont();
  await typeMap(config, font);
  const env = { ...process.env, MAGICK_CONFIGURE_PATH: config };
  const version = /ImageMagick \S+/.exec((await mustRun('convert', ['-version'], { env })).stdout)?.[0] ?? 'ImageMagick';
  const dossiers: ScanDossier[] = [];
  let pages = 0;
  for (const [u, unitName] of UNITS.entries()) {
    const truths = new Map<string, string>();
    const jpegs: { jpeg: Uint8Array }[] = [];
    const file = `第${u + 1}卷.pdf`;
    for (const [p, lines] of caseLines(unitName, u).entries()) {
      const jpeg = join(folder, `${u + 1}-${p + 1}.jpg`);
      await mustRun('convert', convertArgs(lines, 10 * u + p + 1, p % 2 === 0 ? 0.3 : -0.3, jpeg), { env });
      jpegs.push({ jpeg: await readFile(jpeg) });
      truths.set(pageKey(file, p + 1), lines.map((line) => line.text).join('\n'));
      pages += 1;
    }
    const pdf = await PDFDocument.load(await scannedPdf(jpegs));
    pdf.encrypt({ userPassword: PASSWORD, ownerPassword: `${PASSWORD}-owner`, algorithm: 'AES-256' });
    const caseFolder = join(folder, `case-${u + 1}`);
    await mkdir(caseFolder, { recursive: true });
    await writeFile(join(caseFolder, file), await pdf.save({ useObjectStreams: false }));
    dossiers.push({ job: { folder: caseFolder, files: [file], passwords: [PASSWORD], done: {}, names: knownNames([unitName, CASE_NAME]) }, truths });
  }
  return {
    dossiers,
    details: {
      made_by: `${version} convert: ${font.family} (${font.file} face ${font.index}), ${DPI} dpi A4, -attenuate 0.5 +noise Gaussian -blur 0x0.6 -rotate ±0.3, JPEG quality 75`,
      units: UNITS.join('、'),
      pages,
    },
  };
}
