/** The dossiers the benchmark runs on, from the mock portal's generator (same spec, same bytes). */
import type { DossierSpec } from '../../src/mock-portal/dossier';

const common: Omit<DossierSpec, 'seed' | 'pages'> = {
  caseName: '陈浩然、刘晓东涉嫌合同诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  format: 'zip',
  openPassword: '4826153',
};

export const BENCH_DOSSIERS = {
  /** ~500 MB: a paper dossier scanned whole at about 200 dpi (downloads, extraction). */
  large: { ...common, seed: 'bench-large', pages: 1_060, scans: 'heavy', scannedOnly: true },
  /** One volume that is one scanned PDF of 1,000 pages (the viewer). */
  volume: { ...common, seed: 'bench-volume', pages: 1_000, layout: 'single-scan' },
  /** 1,000 pages as the portal publishes them: typed records and scans, five volumes (find). */
  searchable: { ...common, seed: 'bench-find', pages: 1_000 },
  /** 200 pages, typed records and scans: imported into 卷宗库 and read in the background (find after reading). */
  reading: { ...common, seed: 'bench-reading', pages: 200 },
  /** The smallest dossier, imported into the library and copied (the library listing). */
  tiny: { ...common, seed: 'bench-tiny', pages: 3 },
} satisfies Record<string, DossierSpec>;

export type BenchDossierName = keyof typeof BENCH_DOSSIERS;
