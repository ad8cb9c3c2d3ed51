/**
 * The mock portal's scans: dossiers from its generator (the demo case of 重庆市涪陵区人民检察院 as the
 * portal publishes it, and two scanned whole for procuratorates with rare place names), written as
 * the portal serves them and extracted by core, each page's ground truth from scannedPageTexts.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extractArchive } from '../../src/core/archives';
import { knownNames } from '../../src/core/ocr';
import { scannedPageTexts, writeDossierFile, type DossierSpec } from '../../src/mock-portal/dossier';
import { pageKey, type ScanDossier, type ScanSet } from './scan-set';

/** The demo case: typed records and the scans among them (forms, certificates, 常住人口信息表). */
const DEMO: DossierSpec = {
  seed: 'review-42',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  pages: 36,
  format: 'zip',
  openPassword: '4826153',
};

export const PORTAL_SPECS: readonly DossierSpec[] = [
  DEMO,
  // Paper dossiers scanned whole: the typed 起诉意见书 printed and scanned (dense pages), then forms.
  { ...DEMO, seed: 'bench-ocr-bozhou', caseName: '周立群涉嫌合同诈骗案', unitName: '安徽省亳州市谯城区人民检察院', suspects: ['周立群'], pages: 10, scannedOnly: true },
  { ...DEMO, seed: 'bench-ocr-xuyi', caseName: '孙建军涉嫌职务侵占案', unitName: '江苏省盱眙县人民检察院', suspects: ['孙建军'], pages: 10, scannedOnly: true },
];

async function portalDossier(spec: DossierSpec, folder: string): Promise<ScanDossier> {
  await mkdir(folder, { recursive: true });
  const written = await writeDossierFile(spec, join(folder, `dossier.${spec.format}`));
  const extracted = join(folder, 'extracted');
  await extractArchive(written.filePath, extracted);
  const truths = new Map(scannedPageTexts(spec).map((page) => [pageKey(page.path, page.page), page.text]));
  return {
    // As core reads a dossier from 卷宗库: every document in order, its open password, the names of its unit and case.
    job: {
      folder: extracted,
      files: written.volumes.flatMap((volume) => volume.documents.map((document) => document.path)),
      passwords: [spec.openPassword],
      done: {},
      names: knownNames([spec.unitName, spec.caseName]),
    },
    truths,
  };
}

export async function portalScans(work: string): Promise<ScanSet> {
  const dossiers: ScanDossier[] = [];
  for (const [i, spec] of PORTAL_SPECS.entries()) dossiers.push(await portalDossier(spec, join(work, `portal-${i + 1}`)));
  return {
    dossiers,
    details: {
      made_by: "the mock portal's dossier generator (@napi-rs/canvas, dossier font), 150 dpi A4 JPEG",
      dossiers: PORTAL_SPECS.map((spec) => `${spec.unitName} ${spec.seed} ${spec.pages} pages${spec.scannedOnly ? ' scanned whole' : ''}`).join('; '),
    },
  };
}
