/** bench/results.json: every figure with its value, goal, peer and runs; the machine; the date. */
import { writeFile } from 'node:fs/promises';
import type { Machine } from './machine';

export const FIGURE_KEYS = [
  'download.ratio_vs_curl',
  'download.peak_rss_mb',
  'extract.ratio_vs_7za',
  'viewer.first_page_ratio_vs_pdfjs',
  'viewer.jump_ms',
  'find.cold_ms',
  'find.warm_ms',
  'find.after_import_ms',
  'find.after_restart_ms',
  'ocr.cer',
  'ocr.cer_portal_scans',
  'ocr.cer_imagemagick_scans',
  'ocr.rare_characters_read',
  'ocr.seconds_per_page',
  'ocr.cpu_seconds_per_page',
  'library.list_ms_1000',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface Goal {
  op: '>=' | '<=' | '<';
  value: number;
}

export interface Figure {
  /** null when the figure could not be measured (`error` says why). */
  value: number | null;
  unit: 'ratio' | 'ms' | 's' | 'MB' | '%';
  goal: Goal | null;
  met: boolean | null;
  /** What the figure is measured against, side by side in the same run. */
  peer: string;
  /** Runs the median was taken over. */
  runs: number;
  /** The measured parts (medians), e.g. both sides' times. */
  details: Record<string, number | string>;
  error?: string;
}

export interface Results {
  date: string;
  machine: Machine;
  /** Whole run, inputs included. */
  totalSeconds: number;
  figures: Record<FigureKey, Figure>;
}

export function meets(value: number, goal: Goal | null): boolean | null {
  if (goal === null) return null;
  if (goal.op === '>=') return value >= goal.value;
  if (goal.op === '<=') return value <= goal.value;
  return value < goal.value;
}

export function figure(value: number, unit: Figure['unit'], goal: Goal | null, peer: string, runs: number, details: Figure['details']): Figure {
  return { value, unit, goal, met: meets(value, goal), peer, runs, details };
}

export function failedFigure(unit: Figure['unit'], goal: Goal | null, peer: string, error: string): Figure {
  return { value: null, unit, goal, met: null, peer, runs: 0, details: {}, error };
}

/** results.json as written: machine and date first, then the figures under their own keys. */
export async function writeResults(path: string, results: Results): Promise<void> {
  const json = { date: results.date, machine: results.machine, total_seconds: results.totalSeconds, ...results.figures };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
}

/** The ratio to the peer a figure in ms or s carries in its details (`ratio_vs_…`), if any. */
function peerRatio(f: Figure): number | null {
  const key = Object.keys(f.details).find((name) => name.startsWith('ratio_vs_'));
  const value = key === undefined ? undefined : f.details[key];
  return typeof value === 'number' ? value : null;
}

export function formatValue(f: Figure): string {
  if (f.value === null) return 'n/a';
  if (f.unit === 'ratio') return f.value.toFixed(2);
  const bare = `${f.value < 10 ? f.value.toFixed(1) : Math.round(f.value)} ${f.unit}`;
  const ratio = peerRatio(f);
  return ratio === null ? bare : `${bare} (${ratio.toFixed(2)} × peer)`;
}

export function formatGoal(f: Figure): string {
  if (f.goal === null) return '—';
  const value = f.unit === 'ratio' ? f.goal.value.toFixed(2) : `${f.goal.value} ${f.unit}`;
  return `${{ '>=': '≥', '<=': '≤', '<': '<' }[f.goal.op]} ${value}`;
}

export function formatMet(f: Figure): string {
  if (f.value === null) return 'not measured';
  if (f.met === null) return '—';
  return f.met ? 'yes' : 'no';
}
