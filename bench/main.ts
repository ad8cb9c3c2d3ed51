/**
 * `npm run bench`: the app's core jobs measured side by side with their peers on this machine, in
 * one run. Writes bench/results.json and the README's table, prints the table. Benchmarks are not
 * tests: a figure that misses its goal is reported, not failed. `--only a,b` runs some scenarios
 * (download, extract, viewer, find, reading, ocr, library) and prints them without writing any file;
 * only the inputs those need are generated.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { downloadBench } from './download/download-bench';
import { extractBench } from './extract-bench';
import { findBench } from './find-bench';
import type { BenchDossierName } from './inputs/bench-dossiers';
import { benchInputs, type BenchInputs } from './inputs/dossier-cache';
import { libraryBench } from './library-bench';
import { ocrBench } from './ocr/ocr-bench';
import { describeMachine, machineLine } from './machine';
import { say } from './measure';
import { benchTable, updateReadme } from './readme-table';
import { readingBench } from './reading-bench';
import { failedFigure, FIGURE_KEYS, writeResults, type Figure, type FigureKey, type Results } from './results';
import { viewerBench } from './viewer/viewer-bench';

/** Runs per side; every figure is a median over these. */
const RUNS = { download: 5, extract: 5, viewer: 3, find: 3, reading: 3, ocr: 1, library: 21 } as const;
type Scenario = keyof typeof RUNS;

/** The generated dossiers each scenario runs on (ocr makes its own small ones, and ImageMagick's scans). */
const INPUTS: Record<Scenario, BenchDossierName[]> = {
  download: ['large'],
  extract: ['large'],
  viewer: ['volume'],
  find: ['searchable'],
  reading: ['reading'],
  ocr: [],
  library: ['tiny'],
};

const PEERS_IF_FAILED: Record<FigureKey, [Figure['unit'], Figure['goal'], string]> = {
  'download.ratio_vs_curl': ['ratio', { op: '>=', value: 0.95 }, 'curl'],
  'download.peak_rss_mb': ['MB', { op: '<=', value: 300 }, 'absolute'],
  'extract.ratio_vs_7za': ['ratio', { op: '<=', value: 1.05 }, '7za x'],
  'viewer.first_page_ratio_vs_pdfjs': ['ratio', { op: '<=', value: 1 }, 'pdf.js PDFViewer'],
  'viewer.jump_ms': ['ms', null, 'absolute'],
  'find.cold_ms': ['ms', null, 'pdf.js text'],
  'find.warm_ms': ['ms', { op: '<', value: 100 }, 'String.includes'],
  'find.after_import_ms': ['ms', null, 'first find, reading off'],
  'find.after_restart_ms': ['ms', null, 'first find, reading off'],
  'ocr.cer': ['%', { op: '<=', value: 2 }, 'ground truth'],
  'ocr.cer_portal_scans': ['%', { op: '<=', value: 2 }, 'ground truth'],
  'ocr.cer_imagemagick_scans': ['%', { op: '<=', value: 2 }, 'ground truth'],
  'ocr.rare_characters_read': ['%', null, 'ground truth'],
  'ocr.seconds_per_page': ['s', { op: '<=', value: 3 }, 'absolute'],
  'ocr.cpu_seconds_per_page': ['s', null, 'wall time'],
  'library.list_ms_1000': ['ms', { op: '<', value: 50 }, 'absolute'],
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function main({ root, argv }: { root: string; argv: string[] }): Promise<number> {
  const started = performance.now();
  const onlyArg = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const wanted = (scenario: Scenario) => only === null || only.has(scenario);
  const machine = describeMachine();
  say(machineLine(machine));

  const work = join(root, '.tmp', 'bench', 'work');
  await mkdir(work, { recursive: true });
  const buildDir = join(root, '.tmp', 'bench', 'build');
  const scenarios = Object.keys(RUNS) as Scenario[];
  const inputs = await benchInputs(root, buildDir, scenarios.filter(wanted).flatMap((scenario) => INPUTS[scenario]));
  const input = (name: BenchDossierName): NonNullable<BenchInputs[BenchDossierName]> => {
    const found = inputs[name];
    if (!found) throw new Error(`bench input ${name} was not generated`);
    return found;
  };

  const figures: Partial<Record<FigureKey, Figure>> = {};
  const attempt = async (scenario: Scenario, keys: FigureKey[], run: () => Promise<Figure[]>) => {
    if (!wanted(scenario)) return;
    say(`${scenario}…`);
    try {
      const measured = await run();
      keys.forEach((key, i) => (figures[key] = measured[i] as Figure));
    } catch (error) {
      say(`${scenario} failed: ${message(error)}`);
      for (const key of keys) {
        const [unit, goal, peer] = PEERS_IF_FAILED[key];
        figures[key] = failedFigure(unit, goal, peer, message(error));
      }
    }
  };

  await attempt('download', ['download.ratio_vs_curl', 'download.peak_rss_mb'], async () => {
    const { ratio, peakRss } = await downloadBench({ buildDir, work, archive: input('large'), caseName: input('large').spec.caseName, runs: RUNS.download });
    return [ratio, peakRss];
  });
  await attempt('extract', ['extract.ratio_vs_7za'], async () => [await extractBench({ work, archive: input('large'), runs: RUNS.extract })]);
  await attempt('viewer', ['viewer.first_page_ratio_vs_pdfjs', 'viewer.jump_ms'], async () => {
    const { firstPage, jump } = await viewerBench({ root, work, archive: input('volume'), runs: RUNS.viewer });
    return [firstPage, jump];
  });
  await attempt('find', ['find.cold_ms', 'find.warm_ms'], async () => {
    const { cold, warm } = await findBench({ work, archive: input('searchable'), runs: RUNS.find });
    return [cold, warm];
  });
  await attempt('reading', ['find.after_import_ms', 'find.after_restart_ms'], async () => {
    const { afterImport, afterRestart } = await readingBench({ work, archive: input('reading'), runs: RUNS.reading });
    return [afterImport, afterRestart];
  });
  await attempt('ocr', ['ocr.cer', 'ocr.cer_portal_scans', 'ocr.cer_imagemagick_scans', 'ocr.rare_characters_read', 'ocr.seconds_per_page', 'ocr.cpu_seconds_per_page'], async () => {
    const ocr = await ocrBench({ work });
    return [ocr.cer, ocr.cerPortal, ocr.cerImageMagick, ocr.rareRead, ocr.secondsPerPage, ocr.cpuSecondsPerPage];
  });
  await attempt('library', ['library.list_ms_1000'], async () => [await libraryBench({ work, archive: input('tiny'), runs: RUNS.library })]);

  const totalSeconds = Math.round((performance.now() - started) / 1000);
  const complete = FIGURE_KEYS.every((key) => figures[key] !== undefined);
  const results: Results = {
    date: new Date().toISOString(),
    machine,
    totalSeconds,
    figures: Object.fromEntries(FIGURE_KEYS.map((key) => [key, figures[key] ?? failedFigure(...PEERS_IF_FAILED[key], 'not run')])) as Record<FigureKey, Figure>,
  };
  process.stdout.write(`\n${benchTable(results)}\n\n`);
  if (complete && only === null) {
    await writeResults(join(root, 'bench', 'results.json'), results);
    await updateReadme(join(root, 'README.md'), results);
    say(`wrote bench/results.json and the README table (${totalSeconds} s in all)`);
  } else {
    say(`partial run (${totalSeconds} s): nothing written`);
  }
  for (const key of FIGURE_KEYS) {
    const f = results.figures[key];
    if (f.error && f.error !== 'not run') say(`${key}: ${f.error}`);
    else if (f.met === false) say(`${key} misses its goal`);
  }
  return 0;
}
