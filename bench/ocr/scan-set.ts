/** A set of scanned pages with their ground truth, laid out as dossiers for core's reader. */
import type { ReadJob } from '../../src/core/ocr';

export interface ScanDossier {
  /** As core gives it to readDossier: folder, files, open password, the names it knows. */
  job: ReadJob;
  /** The text drawn on each scanned page, by pageKey(document, page). */
  truths: Map<string, string>;
}

export interface ScanSet {
  dossiers: ScanDossier[];
  /** How the set was made, for results.json. */
  details: Record<string, string | number>;
}

export function pageKey(document: string, page: number): string {
  return `${document}#${page}`;
}
