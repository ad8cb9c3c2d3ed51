/**
 * The ground truth of a generated dossier's scanned pages, for tests and the OCR benchmark: for
 * every page that is a scan, the text drawn on it (lines in reading order joined by '\n', the
 * stamped 页次 first; see scan-layout for the rules), computed from the spec without drawing a pixel.
 */
import { documentRandom, prepare, volumeRandom } from './generate-dossier';
import type { DossierSpec } from './dossier-spec';
import { volumeDocumentRandom } from './render-pdf';
import { SCAN_HEIGHT, SCAN_WIDTH, scanPageLines } from './scan-layout';
import { scanPagePlans } from './scan-pages';

export interface ScannedPageText {
  /** The PDF's path inside the archive, as in GeneratedDocument.path. */
  path: string;
  /** The page of that PDF, from 1. */
  page: number;
  /** The 页次 stamped in its corner (the first line of `text`). */
  stampedPage: number;
  text: string;
  /** Each line of `text` and its box, as fractions of the page [left, top, right, bottom] before the scan's slight skew. */
  lines: { text: string; box: [number, number, number, number] }[];
}

export function scannedPageTexts(spec: DossierSpec): ScannedPageText[] {
  const { root, profile, plan, volumes } = prepare(spec);
  const scans = spec.scans ?? 'standard';
  const out: ScannedPageText[] = [];
  for (const [v, volume] of plan.entries()) {
    const paths = volumes[v]?.documents.map((d) => d.path) ?? [];
    const perVolume = spec.layout === 'pdf-per-volume';
    const hasFront = !perVolume && volume.frontPages > 0;
    for (const [d, document] of volume.documents.entries()) {
      const random = perVolume ? volumeDocumentRandom(volumeRandom(root, volume), document) : documentRandom(root, document);
      const path = paths[perVolume ? 0 : hasFront ? d + 1 : d] as string;
      // In a volume's PDF the documents follow the cover and 卷内目录.
      const offset = perVolume ? volume.frontPages + document.firstPage - 1 : 0;
      scanPagePlans(document, profile, random, scans).forEach((pagePlan, i) => {
        if (!pagePlan) return;
        const stampedPage = document.firstPage + i;
        const lines = scanPageLines(pagePlan, stampedPage).map((line) => ({
          text: line.text,
          box: [line.box[0] / SCAN_WIDTH, line.box[1] / SCAN_HEIGHT, line.box[2] / SCAN_WIDTH, line.box[3] / SCAN_HEIGHT] as [number, number, number, number],
        }));
        out.push({ path, page: offset + i + 1, stampedPage, text: lines.map((line) => line.text).join('\n'), lines });
      });
    }
  }
  return out;
}
