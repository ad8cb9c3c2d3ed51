/**
 * Splits a page budget into volumes (卷) and documents. Every volume opens with one PDF holding
 * its cover (封面) and 卷内目录; its documents follow, numbered from page 1 (页次). The pages of
 * all PDFs add up to exactly the requested count.
 */
import { chineseNumeral } from './chinese-numerals';
import type { DocumentBlueprint, DocumentCatalog, PageKind, ScanLayout } from './document-catalog';
import type { SeededRandom } from './seeded-random';

/** Pages per volume at most, cover and 卷内目录 included (real volumes stay near 200 sheets). */
export const VOLUME_MAX_PAGES = 200;
/** 卷内目录 rows per page. */
export const TOC_ROWS_PER_PAGE = 20;

export interface PlannedDocument {
  /** Position in the whole dossier (drives the document's own random stream). */
  index: number;
  blueprint: DocumentBlueprint;
  pageKinds: PageKind[];
  /** 页次 within the volume, from 1. */
  firstPage: number;
  /** How each page looks when scanned, where pages differ (a paper dossier scanned whole). */
  scanLayouts?: ScanLayout[];
  /** A whole volume scanned as one document: the papers it shows after its cover and 卷内目录. */
  papers?: PlannedDocument[];
}

/** How a page looks once scanned: a typed page becomes a scanned letter, a scan stays as it was. */
function scannedLayouts(document: PlannedDocument): ScanLayout[] {
  return document.pageKinds.map((kind, i) => (kind === 'text' ? 'letter' : (document.scanLayouts?.[i] ?? document.blueprint.scanLayout)));
}

export interface PlannedVolume {
  number: number;
  name: string;
  /** Pages of the volume's cover-and-目录 PDF (0: the volume has none). */
  frontPages: number;
  tocPages: number;
  documents: PlannedDocument[];
  /** Numbered pages (the documents): 本卷共 N 页. */
  documentPages: number;
}

function fillVolume(catalog: DocumentCatalog, random: SeededRandom, start: number, budget: number): PlannedDocument[] {
  const documents: PlannedDocument[] = [];
  let remaining = budget;
  for (let index = start; remaining > 0; index++) {
    const blueprint = catalog.at(index);
    const wanted = random.fork(`pages-${index}`).int(blueprint.minPages, blueprint.maxPages);
    const pages = Math.min(wanted, remaining);
    documents.push({ index, blueprint, pageKinds: blueprint.pageKinds(pages), firstPage: budget - remaining + 1 });
    remaining -= pages;
  }
  return documents;
}

export function planDossier(totalPages: number, catalog: DocumentCatalog, random: SeededRandom): PlannedVolume[] {
  const volumeCount = Math.ceil(totalPages / VOLUME_MAX_PAGES);
  const volumes: PlannedVolume[] = [];
  let next = 0;
  for (let v = 0; v < volumeCount; v++) {
    // Even split: the first (total mod count) volumes get one page more.
    const pages = Math.floor(totalPages / volumeCount) + (v < totalPages % volumeCount ? 1 : 0);
    let tocPages = 1;
    let documents = fillVolume(catalog, random, next, pages - 1 - tocPages);
    // More documents than one 目录 page holds: give the 目录 more pages and plan again.
    for (let needed = Math.ceil(documents.length / TOC_ROWS_PER_PAGE); needed > tocPages; needed = Math.ceil(documents.length / TOC_ROWS_PER_PAGE)) {
      tocPages = needed;
      documents = fillVolume(catalog, random, next, pages - 1 - tocPages);
    }
    next += documents.length;
    volumes.push({
      number: v + 1,
      name: `第${chineseNumeral(v + 1)}卷`,
      frontPages: 1 + tocPages,
      tocPages,
      documents,
      documentPages: pages - 1 - tocPages,
    });
  }
  return volumes;
}

/** Every page of every document a scan (the plan's documents are not changed). */
export function scannedOnly(volumes: PlannedVolume[]): PlannedVolume[] {
  return volumes.map((volume) => ({
    ...volume,
    documents: volume.documents.map((document) => ({
      ...document,
      pageKinds: Array<PageKind>(document.pageKinds.length).fill('scan'),
      scanLayouts: scannedLayouts(document),
    })),
  }));
}

/**
 * One volume that is one scanned document of `totalPages` pages: the papers a volume would bind
 * (cover and 卷内目录 included), scanned in one pass, each page looking like the paper it is.
 */
export function planSingleScan(totalPages: number, catalog: DocumentCatalog, random: SeededRandom): PlannedVolume[] {
  const papers = fillVolume(catalog, random, 0, totalPages - 2);
  const scanLayouts: ScanLayout[] = ['letter', 'table', ...papers.flatMap(scannedLayouts)];
  const name = `第${chineseNumeral(1)}卷`;
  const blueprint: DocumentBlueprint = {
    title: `${name}（扫描件）`,
    minPages: totalPages,
    maxPages: totalPages,
    scanLayout: 'letter',
    pageKinds: (count) => Array<PageKind>(count).fill('scan'),
  };
  const document: PlannedDocument = { index: 0, blueprint, pageKinds: blueprint.pageKinds(totalPages), firstPage: 1, scanLayouts, papers };
  return [{ number: 1, name, frontPages: 0, tocPages: 0, documents: [document], documentPages: totalPages }];
}
