/**
 * ocr.*: core's reader (readDossier, as the background 文字识别 runs it: the dossier's unit and case
 * name as known names) with one OCR engine of 2 threads (the app's default), on two sets of 150 dpi
 * A4 scans whose text is known:
 * - portal: dossiers from the mock portal's generator (the demo case of 重庆市涪陵区, two scanned
 *   whole for 亳州市谯城区 and 盱眙县), truth from scannedPageTexts;
 * - imagemagick: typed records rendered by ImageMagick in Noto Serif CJK SC (another tool, another
 *   typeface), truth the lines it was given.
 * The character error rate compares each page's reading with its truth as search compares text
 * (whitespace, radical and full-width forms do not count), per set and over both; the rare
 * place-name characters are counted apart. Seconds a page: wall and CPU time of dense pages.
 */
import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOcrEngine, readDossier, type OcrEngine } from '../../src/core/ocr';
import { median, round, say } from '../measure';
import { figure, type Figure } from '../results';
import { imageMagickScans } from './imagemagick-scans';
import { portalScans } from './portal-scans';
import { RARE_CHARACTERS, rareHits, scorePage, sumScores, type PageScore, type SetScore } from './scan-score';
import { pageKey, type ScanSet } from './scan-set';

export const OCR_DPI = 150;
const THREADS = 2;
/** A page counts as dense (the time figures) from this many characters of text. */
const DENSE_CHARACTERS = 500;
const SETS = ['portal', 'imagemagick'] as const;
type SetName = (typeof SETS)[number];

interface ReadPage {
  set: SetName;
  score: PageScore;
  /** Rare characters the recogniser itself read, before known names set lines right. */
  rareReadWithoutNames: number;
  seconds: number;
  cpuSeconds: number;
}

export interface OcrFigures {
  cer: Figure;
  cerPortal: Figure;
  cerImageMagick: Figure;
  rareRead: Figure;
  secondsPerPage: Figure;
  cpuSecondsPerPage: Figure;
}

/** Reads every dossier of the sets with one engine; each scanned page's score and its wall and CPU time. */
async function readSets(sets: Record<SetName, ScanSet>): Promise<{ pages: ReadPage[]; untruthed: number }> {
  // Made before the clock starts: loading the models is once per reading, not per page.
  const engine = await createOcrEngine({ threads: THREADS });
  // The recogniser's own lines of the last page, to count what known names added.
  let rawText = '';
  const watched: OcrEngine = {
    async recognise(image) {
      const read = await engine.recognise(image);
      rawText = read.lines.map((line) => line.text).join('\n');
      return read;
    },
    close: () => engine.close(),
  };
  const read: { set: SetName; text: string; rawText: string; truth: string; seconds: number; cpuSeconds: number }[] = [];
  let untruthed = 0;
  const total = SETS.reduce((sum, name) => sum + sets[name].dossiers.reduce((s, d) => s + d.truths.size, 0), 0);
  try {
    for (const set of SETS) {
      for (const dossier of sets[set].dossiers) {
        const seen = new Set<string>();
        // Each page's time runs from the record before it, so opening a document or a typed page is not counted.
        let last = performance.now();
        let lastCpu = process.cpuUsage();
        await readDossier(dossier.job, async () => watched, (records) => {
          for (const record of records) {
            const now = performance.now();
            const cpu = process.cpuUsage();
            if (record.kind === 'page' && record.source === 'ocr') {
              const key = pageKey(record.document, record.page);
              const truth = dossier.truths.get(key);
              if (truth === undefined) untruthed += 1;
              else {
                seen.add(key);
                // CPU time of this process, ONNX Runtime's threads included: what a page costs, however busy the machine.
                const page = { set, text: record.text, rawText, truth, seconds: (now - last) / 1000, cpuSeconds: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1e6 };
                read.push(page);
                say(`ocr ${set} ${read.length}/${total} ${key}: ${round(page.seconds, 2)} s, ${round(page.cpuSeconds, 2)} s of CPU`);
              }
            }
            last = now;
            lastCpu = cpu;
          }
        });
        const missed = [...dossier.truths.keys()].filter((key) => !seen.has(key));
        if (missed.length > 0) throw new Error(`${set}: ${missed.length} scanned pages not read by OCR (${missed.slice(0, 3).join(', ')})`);
      }
    }
  } finally {
    await engine.close();
  }
  // Scored once the clock has stopped.
  const pages = read.map(({ set, text, rawText: raw, truth, seconds, cpuSeconds }): ReadPage => ({
    set,
    score: scorePage(text, truth),
    rareReadWithoutNames: rareHits(raw, truth).rareRead,
    seconds,
    cpuSeconds,
  }));
  return { pages, untruthed };
}

function scoreDetails(score: SetScore): Record<string, number> {
  return {
    pages: score.pages,
    errors: score.errors,
    characters: score.characters,
    worst_page_percent: round(score.worstPagePercent, 2),
    rare_characters_drawn: score.rareDrawn,
    rare_characters_read: score.rareRead,
  };
}

export async function ocrBench(options: { work: string }): Promise<OcrFigures> {
  const folder = join(options.work, 'ocr');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const loadAtStart = loadavg()[0] as number;
  let read: Awaited<ReturnType<typeof readSets>>;
  let sets: Record<SetName, ScanSet>;
  try {
    sets = { portal: await portalScans(folder), imagemagick: await imageMagickScans(folder) };
    read = await readSets(sets);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const loadAtEnd = loadavg()[0] as number;
  const { pages, untruthed } = read;
  const of = (set: SetName) => sumScores(pages.filter((page) => page.set === set).map((page) => page.score));
  const portal = of('portal');
  const imagemagick = of('imagemagick');
  const both = sumScores(pages.map((page) => page.score));
  const dense = pages.filter((page) => page.score.characters >= DENSE_CHARACTERS);
  if (dense.length === 0) throw new Error(`no page of ${DENSE_CHARACTERS} characters or more was read`);
  const seconds = median(dense.map((page) => page.seconds));
  const cpuSeconds = median(dense.map((page) => page.cpuSeconds));
  const rarePercent = (100 * both.rareRead) / Math.max(1, both.rareDrawn);
  const withoutNames = (set?: SetName) => pages.filter((page) => set === undefined || page.set === set).reduce((sum, page) => sum + page.rareReadWithoutNames, 0);

  say(`ocr: CER ${round(both.cerPercent, 2)} % over both sets (${both.errors} / ${both.characters} characters, ${both.pages} pages)`);
  say(`ocr: CER ${round(portal.cerPercent, 2)} % on the mock portal's scans (${portal.errors} / ${portal.characters}, ${portal.pages} pages), ${round(imagemagick.cerPercent, 2)} % on ImageMagick's (${imagemagick.errors} / ${imagemagick.characters}, ${imagemagick.pages} pages)`);
  say(`ocr: rare place-name characters (${RARE_CHARACTERS}) read ${both.rareRead} of ${both.rareDrawn} (portal ${portal.rareRead}/${portal.rareDrawn}, ImageMagick ${imagemagick.rareRead}/${imagemagick.rareDrawn}); before known names the recogniser read ${withoutNames()} (portal ${withoutNames('portal')}, ImageMagick ${withoutNames('imagemagick')})`);
  say(`ocr: ${round(seconds, 2)} s and ${round(cpuSeconds, 2)} s of CPU a dense page (median of ${dense.length}), load average ${round(loadAtStart, 2)} at the start, ${round(loadAtEnd, 2)} at the end`);

  const common = { dpi: OCR_DPI, threads: THREADS };
  const cerFigure = (score: SetScore, peer: string, details: Record<string, string | number>) =>
    figure(round(score.cerPercent, 2), '%', { op: '<=', value: 2 }, peer, 1, { ...common, ...scoreDetails(score), ...details });
  const timing = {
    ...common,
    dense_pages: dense.length,
    dense_min_characters: DENSE_CHARACTERS,
    load_average_at_start: round(loadAtStart, 2),
    load_average_at_end: round(loadAtEnd, 2),
  };
  return {
    cer: cerFigure(both, 'absolute: the text on the scans is the ground truth (both sets)', {
      portal_percent: round(portal.cerPercent, 2),
      imagemagick_percent: round(imagemagick.cerPercent, 2),
      ocr_pages_without_truth: untruthed,
    }),
    cerPortal: cerFigure(portal, "absolute: the mock portal's scanned pages, ground truth from scannedPageTexts", sets.portal.details),
    cerImageMagick: cerFigure(imagemagick, 'absolute: pages rendered by ImageMagick, ground truth the lines it drew', sets.imagemagick.details),
    rareRead: figure(round(rarePercent, 1), '%', null, `rare place-name characters (${RARE_CHARACTERS}) drawn on both sets`, 1, {
      rare_characters: RARE_CHARACTERS,
      drawn: both.rareDrawn,
      read: both.rareRead,
      portal: `${portal.rareRead}/${portal.rareDrawn}`,
      imagemagick: `${imagemagick.rareRead}/${imagemagick.rareDrawn}`,
      // What the recogniser read before the dossier's known names (knownNames) set lines right.
      read_without_known_names: withoutNames(),
      portal_without_known_names: `${withoutNames('portal')}/${portal.rareDrawn}`,
      imagemagick_without_known_names: `${withoutNames('imagemagick')}/${imagemagick.rareDrawn}`,
    }),
    secondsPerPage: figure(round(seconds, 2), 's', { op: '<=', value: 3 }, `absolute: dense A4 scans at ${OCR_DPI} dpi (${DENSE_CHARACTERS}+ characters), one engine of ${THREADS} threads`, dense.length, {
      ...timing,
      min_s: round(Math.min(...dense.map((page) => page.seconds)), 2),
      max_s: round(Math.max(...dense.map((page) => page.seconds)), 2),
      cpu_s_per_page: round(cpuSeconds, 2),
      all_pages: pages.length,
      all_pages_median_s: round(median(pages.map((page) => page.seconds)), 2),
    }),
    cpuSecondsPerPage: figure(round(cpuSeconds, 2), 's', null, 'wall time of the same pages (the ratio: cores kept busy)', dense.length, {
      ...timing,
      wall_s_per_page: round(seconds, 2),
      ratio_vs_wall_s: round(cpuSeconds / seconds, 2),
      all_pages_median_cpu_s: round(median(pages.map((page) => page.cpuSeconds)), 2),
    }),
  };
}
