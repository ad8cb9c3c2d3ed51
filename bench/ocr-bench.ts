/**
 * ocr.cer and ocr.seconds_per_page: core's reader (readDossier, as the background 文字识别 runs it)
 * over an encrypted PDF of scanned A4 pages, one OCR engine of 2 threads (the app's default).
 * The pages are the mock portal's typed records (讯问笔录, 询问笔录 of cases held in places with rare
 * names: 涪陵, 亳州, 嵊州, 犍为, 盱眙) laid out as its generator lays them, drawn at 150 dpi in the
 * dossier font with what an office scanner adds (paper tone, uneven light, blur, grain, a slight
 * skew, JPEG), so the text drawn is the ground truth. The character error rate compares each
 * page's reading with it as search compares text (whitespace, radical forms and full-width forms
 * do not count); rare place-name characters are counted apart.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from '@cantoo/pdf-lib';
import { characterErrors } from '../src/cli/character-error-rate';
import { drawScan, scannedPdf, type ScanLine } from '../src/cli/test-scans';
import type { PageRecord } from '../src/core/dossier-text';
import { createOcrEngine, readDossier } from '../src/core/ocr';
import { buildCaseProfile } from '../src/mock-portal/dossier/case-profile';
import { MISSING_GLYPH } from '../src/mock-portal/dossier/dossier-font';
import { inquiryRecord, interrogationRecord } from '../src/mock-portal/dossier/document-texts';
import { SeededRandom } from '../src/mock-portal/dossier/seeded-random';
import { layoutText, PAGE_HEIGHT } from '../src/mock-portal/dossier/text-layout';
import { median, round, say } from './measure';
import { figure, type Figure } from './results';

export const OCR_DPI = 150;
const THREADS = 2;
const PASSWORD = '4826153';
/** Procuratorates whose place names have characters OCR models often miss. */
const UNITS = ['重庆市涪陵区人民检察院', '安徽省亳州市谯城区人民检察院', '浙江省嵊州市人民检察院', '四川省犍为县人民检察院', '江苏省盱眙县人民检察院'];
const RARE = new Set([...'涪亳谯嵊犍盱眙']);
const PAGES_PER_UNIT = 2;

interface TruthPage {
  jpeg: Uint8Array;
  truth: string;
}

/** Two pages of a record per unit, drawn as scanned: the first an interrogation, the next an inquiry. */
function scannedPages(): TruthPage[] {
  const pages: TruthPage[] = [];
  const scale = OCR_DPI / 72;
  for (const [u, unitName] of UNITS.entries()) {
    const random = new SeededRandom(`bench-ocr/${unitName}`);
    const profile = buildCaseProfile({ caseName: `陈浩然涉嫌合同诈骗案`, unitName, suspects: ['陈浩然'] }, random.fork('profile'));
    const content = u % 2 === 0
      ? interrogationRecord(profile, profile.suspects[0] as (typeof profile.suspects)[number], 1, random.fork('text'))
      : inquiryRecord(profile, profile.victims[0] as (typeof profile.victims)[number], '被害人', random.fork('text'));
    for (const [p, placed] of layoutText(content, PAGES_PER_UNIT, random.fork('layout')).entries()) {
      const lines: ScanLine[] = placed.map((line) => ({ text: line.text, x: line.x * scale, y: (PAGE_HEIGHT - line.y) * scale, size: line.size * scale }));
      const scan = drawScan({
        width: Math.round(595.28 * scale),
        height: Math.round(PAGE_HEIGHT * scale),
        lines,
        noise: 7,
        blur: 0.45,
        skewDegrees: (random.next() - 0.5) * 0.8,
        seed: u * 10 + p + 1,
      });
      pages.push({ jpeg: scan.canvas.encodeSync('jpeg', 72), truth: placed.map((line) => line.text).join('\n') });
    }
  }
  return pages;
}

function rareCount(text: string): number {
  return [...text].filter((char) => RARE.has(char)).length;
}

export async function ocrBench(options: { work: string }): Promise<{ cer: Figure; secondsPerPage: Figure }> {
  const folder = join(options.work, 'ocr');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const pages = scannedPages();
  const plain = await PDFDocument.load(await scannedPdf(pages.map((page) => ({ jpeg: page.jpeg }))));
  plain.encrypt({ userPassword: PASSWORD, ownerPassword: `${PASSWORD}-owner`, algorithm: 'AES-256' });
  await writeFile(join(folder, 'scans.pdf'), await plain.save({ useObjectStreams: false }));

  // Made before the clock starts: loading the models is once per reading, not per page.
  const engine = await createOcrEngine({ threads: THREADS });
  const read: PageRecord[] = [];
  const seconds: number[] = [];
  // CPU time too (this process: ONNX Runtime's threads included): on a shared machine it says what
  // a page costs where wall time also says how busy the machine was.
  const cpuSeconds: number[] = [];
  const load = loadavg()[0] as number;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  try {
    await readDossier({ folder, files: ['scans.pdf'], passwords: [PASSWORD], done: {} }, async () => engine, (records) => {
      for (const record of records) {
        if (record.kind !== 'page') continue;
        const now = performance.now();
        const cpu = process.cpuUsage();
        seconds.push((now - last) / 1000);
        cpuSeconds.push((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1e6);
        last = now;
        lastCpu = cpu;
        read.push(record);
        say(`ocr page ${record.page}/${pages.length}: ${round(seconds.at(-1) as number, 2)} s, ${round(cpuSeconds.at(-1) as number, 2)} s of CPU (${record.source})`);
      }
    });
  } finally {
    await engine.close();
    await rm(folder, { recursive: true, force: true });
  }
  if (read.length !== pages.length || read.some((record) => record.source !== 'ocr')) {
    throw new Error(`read ${read.length} of ${pages.length} pages, sources ${[...new Set(read.map((record) => record.source))].join(', ')}`);
  }
  let errors = 0;
  let characters = 0;
  let rareDrawn = 0;
  let rareRead = 0;
  const perPage: number[] = [];
  for (const [i, page] of pages.entries()) {
    // Characters the font lacks were drawn as a box: no reader can give them back.
    const truth = page.truth.replaceAll(MISSING_GLYPH, '');
    const text = (read[i] as PageRecord).text;
    const counted = characterErrors(text, truth);
    errors += counted.errors;
    characters += counted.characters;
    perPage.push(counted.errors / Math.max(1, counted.characters));
    rareDrawn += rareCount(truth);
    rareRead += Math.min(rareCount(truth), rareCount(text));
  }
  const cer = (100 * errors) / characters;
  say(`ocr: CER ${round(cer, 2)} % (${errors} / ${characters} characters), rare place-name characters read ${rareRead} of ${rareDrawn}, ${round(median(seconds), 2)} s a page`);
  const details = { pages: pages.length, dpi: OCR_DPI, threads: THREADS };
  return {
    cer: figure(round(cer, 2), '%', { op: '<=', value: 2 }, 'absolute: the text drawn on the scans is the ground truth', 1, {
      ...details,
      errors,
      characters,
      worst_page_percent: round(100 * Math.max(...perPage), 2),
      rare_characters_drawn: rareDrawn,
      rare_characters_read: rareRead,
      rare_characters: [...RARE].join(''),
    }),
    secondsPerPage: figure(round(median(seconds), 2), 's', { op: '<=', value: 3 }, 'absolute: A4 scans at 150 dpi, one engine of 2 threads', pages.length, {
      ...details,
      min_s: round(Math.min(...seconds), 2),
      max_s: round(Math.max(...seconds), 2),
      cpu_s_per_page: round(median(cpuSeconds), 2),
      load_average_at_start: round(load, 2),
    }),
  };
}
