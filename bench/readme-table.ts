/**
 * Keeps README.md's `## Benchmarks` section true: the table between its markers is rewritten from
 * results.json on every run; a README without the section gets it before `## For developers`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { machineLine } from './machine';
import { FIGURE_KEYS, formatGoal, formatMet, formatValue, type Results } from './results';

export const START_MARKER = '<!-- bench:start (written by npm run bench from bench/results.json) -->';
export const END_MARKER = '<!-- bench:end -->';

/** Short names of the peers for the table; results.json says them in full. */
const SHORT_PEERS: Record<(typeof FIGURE_KEYS)[number], string> = {
  'download.ratio_vs_curl': 'curl, same dossier, same portal',
  'download.peak_rss_mb': '— (goal: flat)',
  'extract.ratio_vs_7za': '7za x, same archive',
  'viewer.first_page_ratio_vs_pdfjs': 'pdf.js PDFViewer, same Chromium',
  'viewer.jump_ms': '—',
  'find.cold_ms': 'pdf.js text of every page',
  'find.warm_ms': 'String.includes over the text',
  'find.after_import_ms': 'first find, reading off (cold parse)',
  'find.after_restart_ms': 'first find, reading off (cold parse)',
  'ocr.cer': '— (ground truth drawn; both sets below)',
  'ocr.cer_portal_scans': "— (mock portal's scans, scannedPageTexts)",
  'ocr.cer_imagemagick_scans': '— (ImageMagick, Noto Serif CJK SC)',
  'ocr.rare_characters_read': '— (涪亳谯嵊犍盱眙 drawn, read right)',
  'ocr.seconds_per_page': '— (dense A4 page, 150 dpi)',
  'ocr.cpu_seconds_per_page': 'wall time, same pages',
  'library.list_ms_1000': '—',
};

export function benchTable(results: Results): string {
  const runs = FIGURE_KEYS.map((key) => results.figures[key].runs).filter((n) => n > 0);
  const span = runs.length === 0 ? '' : Math.min(...runs) === Math.max(...runs) ? `${runs[0]}` : `${Math.min(...runs)}–${Math.max(...runs)}`;
  const lines = [
    `Measured ${results.date.slice(0, 10)} on ${machineLine(results.machine)}.`,
    `Each figure is a median of ${span} runs per side (results.json gives each figure's runs, parts and peer); the whole run took ${Math.round(results.totalSeconds)} s.`,
    '',
    '| figure | value | goal | met | peer |',
    '|---|---|---|---|---|',
    ...FIGURE_KEYS.map((key) => {
      const f = results.figures[key];
      return `| \`${key}\` | ${formatValue(f)} | ${formatGoal(f)} | ${formatMet(f)} | ${SHORT_PEERS[key]} |`;
    }),
  ];
  return lines.join('\n');
}

export function withBenchTable(readme: string, table: string): string {
  const block = `${START_MARKER}\n${table}\n${END_MARKER}`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${block}${readme.slice(end + END_MARKER.length)}`;
  const section = [
    '## Benchmarks',
    '',
    "`npm run bench` (Node 22; it builds first when `out/` is missing) measures the app's core jobs side by",
    "side with the tools a lawyer would otherwise use, on dossiers from the mock portal's generator (kept in",
    '`.tmp/bench/` for later runs), and writes `bench/results.json` and this table. Benchmarks are not tests:',
    'a figure that misses its goal is reported here, and results.json keeps the details behind it.',
    '',
    block,
    '',
    '',
  ].join('\n');
  const developers = readme.indexOf('## For developers');
  return developers >= 0 ? `${readme.slice(0, developers)}${section}${readme.slice(developers)}` : `${readme.trimEnd()}\n\n${section}`;
}

export async function updateReadme(path: string, results: Results): Promise<void> {
  const readme = await readFile(path, 'utf8');
  const next = withBenchTable(readme, benchTable(results));
  if (next !== readme) await writeFile(path, next);
}
