import { describe, expect, it } from 'vitest';
import { benchTable, END_MARKER, START_MARKER, withBenchTable } from './readme-table';
import { failedFigure, figure, FIGURE_KEYS, type Figure, type FigureKey, type Results } from './results';

function results(): Results {
  const figures = Object.fromEntries(FIGURE_KEYS.map((key) => [key, figure(10, 'ms', { op: '<', value: 50 }, 'peer', 3, {})])) as Record<FigureKey, Figure>;
  figures['download.ratio_vs_curl'] = figure(0.6, 'ratio', { op: '>=', value: 0.95 }, 'curl', 5, {});
  figures['viewer.jump_ms'] = failedFigure('ms', null, 'pdf.js', 'viewer did not open');
  figures['find.after_restart_ms'] = figure(42, 'ms', null, 'cold', 3, { cold_ms: 2100, ratio_vs_cold: 0.02 });
  figures['ocr.cer'] = figure(1.25, '%', { op: '<=', value: 2 }, 'ground truth', 1, {});
  figures['ocr.seconds_per_page'] = figure(2.4, 's', { op: '<=', value: 3 }, 'absolute', 10, {});
  figures['ocr.cpu_seconds_per_page'] = figure(4.1, 's', null, 'wall time', 10, { wall_s_per_page: 2.4, ratio_vs_wall_s: 1.71 });
  figures['ocr.rare_characters_read'] = figure(97.6, '%', null, 'ground truth', 1, { drawn: 41, read: 40 });
  return {
    date: '2025-03-01T10:00:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, ramGb: 8, os: 'TestOS', node: 'v22.13.0' },
    totalSeconds: 300,
    figures,
  };
}

describe('benchTable', () => {
  it('names the machine and the date, and gives every figure with its goal and whether it is met', () => {
    const table = benchTable(results());
    expect(table).toContain('Measured 2025-03-01 on Test CPU, 2 cores, 8 GB RAM, TestOS, Node v22.13.0.');
    expect(table).toContain('median of 1–10 runs');
    expect(table).toContain('| `download.ratio_vs_curl` | 0.60 | ≥ 0.95 | no |');
    expect(table).toContain('| `library.list_ms_1000` | 10 ms | < 50 ms | yes |');
    expect(table).toContain('| `viewer.jump_ms` | n/a | — | not measured |');
    // A time measured against a peer shows the ratio beside the bare number.
    expect(table).toContain('| `find.after_restart_ms` | 42 ms (0.02 × peer) | — | — |');
    expect(table).toContain('| `ocr.cer` | 1.3 % | ≤ 2 % | yes |');
    expect(table).toContain('| `ocr.seconds_per_page` | 2.4 s | ≤ 3 s | yes |');
    // CPU time beside the wall time of the same pages: how many cores a page kept busy.
    expect(table).toContain('| `ocr.cpu_seconds_per_page` | 4.1 s (1.71 × peer) | — | — | wall time, same pages |');
    expect(table).toContain('| `ocr.rare_characters_read` | 98 % | — | — |');
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(FIGURE_KEYS.length);
  });
});

describe('withBenchTable', () => {
  const readme = '# App\n\n## Run it\n\ntext\n\n## For developers\n\nmore\n';

  it('adds the section before ## For developers the first time', () => {
    const next = withBenchTable(readme, 'TABLE');
    expect(next.indexOf('## Benchmarks')).toBeGreaterThan(next.indexOf('## Run it'));
    expect(next.indexOf('## Benchmarks')).toBeLessThan(next.indexOf('## For developers'));
    expect(next).toContain(`${START_MARKER}\nTABLE\n${END_MARKER}`);
  });

  it('replaces only the table between the markers afterwards, leaving edits around it alone', () => {
    const edited = withBenchTable(readme, 'OLD').replace('text', 'text edited by hand');
    const next = withBenchTable(edited, 'NEW');
    expect(next).toContain(`${START_MARKER}\nNEW\n${END_MARKER}`);
    expect(next).not.toContain('OLD');
    expect(next).toContain('text edited by hand');
    expect(next.match(/## Benchmarks/g)).toHaveLength(1);
  });
});
