/**
 * 卷宗页码: the archive's running page number of every page of a volume, as stamped in the top
 * corner of each sheet and as the 卷内目录's 页次 column uses it. A page's number comes from its own
 * stamp (where the text layer reads one that agrees with its neighbours), else from the 目录's 页次
 * placed on the PDF's pages, else by counting on from the page before in 目录 order. Covers and
 * 目录 pages get none unless stamped. Pure: the caller reads the 目录 and the stamps.
 */
import { documentKindOf, documentTitle } from './document-title';
import type { DocumentContents } from './viewer';

export type PageNumberSource = 'stamp' | 'contents' | 'count';

/** A document inside a PDF that holds a whole volume (from its 目录), in PDF pages. */
export interface NumberedSection {
  title: string;
  firstPage: number;
  lastPage: number;
  /** The cover and 目录 pages before the first row. */
  front?: true;
}

export interface NumberedDocument {
  /** The file's path inside the dossier. */
  document: string;
  /** 第一卷 (the folder, or the PDF that is the volume); null for a file outside any volume. */
  volume: string | null;
  /** The title a citation uses (the 目录's for files named only by a number). */
  title: string;
  /** The documents inside a PDF that holds a volume. */
  sections?: NumberedSection[];
  /** Index 0 = PDF page 1: its 卷宗页码, null where none is known. */
  numbers: (number | null)[];
  sources: (PageNumberSource | null)[];
}

export interface NumberingFile {
  path: string;
  volume: string | null;
  /** PDF pages when known; images are one page. */
  pages: number | null;
}

export interface NumberingInput {
  files: readonly NumberingFile[];
  contents: readonly DocumentContents[];
  /** Per PDF, the number read alone in a top corner of each page (index 0 = page 1), null where none. */
  stamps?: Readonly<Record<string, readonly (number | null)[]>>;
  /** Page counts known better than the files' (documents opened since). */
  pageCounts?: Readonly<Record<string, number>>;
}

/** The title of the cover and 目录 pages of a volume held in one PDF. */
export const FRONT_MATTER_TITLE = '封面及卷内目录';
/** Files that are a volume's cover or 目录 when no readable 目录 says so. */
const FRONT_NAME = /封面|卷内目录|^目录$|封皮|备考表/;
/** How far apart (in pages) two stamps may be and still vouch for each other. */
const STAMP_REACH = 12;

const collator = new Intl.Collator('zh-CN', { numeric: true });

interface Slot {
  document: string;
  /** 1-based PDF page. */
  page: number;
  front: boolean;
  /** Which 目录 row of a volume PDF it belongs to (0 for a document of its own). */
  part: number;
  fromContents: number | null;
  stamp: number | null;
  /** Pages before it in its volume could not be counted (a document of unknown length). */
  segment: number;
}

function pagesOf(file: NumberingFile, input: NumberingInput): number | null {
  const counted = input.pageCounts?.[file.path];
  if (counted !== undefined) return counted;
  if (documentKindOf(file.path) === 'image') return 1;
  return file.pages;
}

/** The volume a file belongs to: its folder, or the PDF itself when it carries a volume's 目录 of its pages. */
function volumeOf(file: NumberingFile, pagesTables: ReadonlySet<string>): string | null {
  return file.volume === null && pagesTables.has(file.path) ? documentTitle(file.path) : file.volume;
}

/** Accepts stamps that agree with a running count: with a stamped neighbour, or with the 目录. */
function acceptedStamps(slots: readonly Slot[]): (number | null)[] {
  const stamped = slots.flatMap((slot, i) => (slot.stamp === null ? [] : [i]));
  return slots.map((slot, i) => {
    const stamp = slot.stamp;
    if (stamp === null) return null;
    if (slot.fromContents === stamp) return stamp;
    // Any stamp in reach that runs on with it (an outlier in between does not break the run).
    const vouches = stamped.some((j) => {
      const other = slots[j] as Slot;
      return j !== i && other.segment === slot.segment && Math.abs(j - i) <= STAMP_REACH && (other.stamp as number) - stamp === j - i;
    });
    if (vouches) return stamp;
    // A lone stamp (the only one in reach) stands unless the 目录 says otherwise.
    const alone = !stamped.some((j) => j !== i && Math.abs(j - i) <= STAMP_REACH && slots[j]?.segment === slot.segment);
    return alone && slot.fromContents === null ? stamp : null;
  });
}

type Numbered = { number: number | null; source: PageNumberSource | null };

/**
 * The numbers of a volume's pages, in order, with where each came from: a page's own stamp; else
 * counted from a stamp of the same document (the sheets outrank the 目录); else the 目录's 页次;
 * else counted from the page before (or after) in the volume.
 */
function numberVolume(slots: readonly Slot[]): Numbered[] {
  const stamps = acceptedStamps(slots);
  const out: Numbered[] = slots.map((_, i) => {
    const stamp = stamps[i] ?? null;
    return stamp === null ? { number: null, source: null } : { number: stamp, source: 'stamp' };
  });
  const open = (i: number): boolean => out[i]?.number === null && slots[i]?.front === false;
  const sameDocument = (i: number, j: number): boolean => slots[i]?.document === slots[j]?.document && slots[i]?.part === slots[j]?.part;
  for (let i = 1; i < slots.length; i++) {
    const previous = out[i - 1]?.number;
    if (open(i) && sameDocument(i, i - 1) && previous != null) out[i] = { number: previous + 1, source: 'count' };
  }
  for (let i = slots.length - 2; i >= 0; i--) {
    const next = out[i + 1]?.number;
    if (open(i) && sameDocument(i, i + 1) && next != null && next > 1) out[i] = { number: next - 1, source: 'count' };
  }
  slots.forEach((slot, i) => {
    if (out[i]?.number === null && slot.fromContents !== null && !slot.front) out[i] = { number: slot.fromContents, source: 'contents' };
  });
  // Counting on from the page before, within a stretch of known length.
  for (let i = 1; i < slots.length; i++) {
    const slot = slots[i] as Slot;
    const previous = out[i - 1];
    if (out[i]?.number !== null || slot.front || slots[i - 1]?.segment !== slot.segment || previous?.number == null) continue;
    out[i] = { number: previous.number + 1, source: 'count' };
  }
  // Pages before the first known number of their stretch: back from it, else from 1.
  for (let i = slots.length - 1; i >= 0; i--) {
    const slot = slots[i] as Slot;
    if (out[i]?.number !== null || slot.front) continue;
    const next = out[i + 1];
    if (next?.number != null && slots[i + 1]?.segment === slot.segment && next.number > 1) out[i] = { number: next.number - 1, source: 'count' };
  }
  // Nothing known before a document of unknown length: count the volume's pages from 1.
  if (out.some((value, i) => value.number !== null && slots[i]?.segment === 0)) return out;
  let body = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot;
    if (slot.segment > 0) break;
    if (slot.front) continue;
    body++;
    if (out[i]?.number === null) out[i] = { number: body, source: 'count' };
  }
  return out;
}

/**
 * Every page of every document of the dossier (PDFs and scans), numbered per volume. Documents are
 * returned in the dossier's file order.
 */
export function numberDossierPages(input: NumberingInput): NumberedDocument[] {
  const files = input.files.filter((file) => documentKindOf(file.path) !== null);
  const pagesTables = new Set(input.contents.filter((table) => table.layout === 'pages').map((table) => table.document));
  const titles = new Map<string, string>();
  const sections = new Map<string, NumberedSection[]>();
  const fromContents = new Map<string, Map<number, number>>();
  const contentsDocuments = new Set<string>();
  const listed = new Map<string, number>();

  for (const table of input.contents) {
    contentsDocuments.add(table.document);
    const numbers = fromContents.get(table.document) ?? new Map<number, number>();
    if (table.layout === 'pages') {
      const file = files.find((candidate) => candidate.path === table.document);
      const pages = file ? pagesOf(file, input) : null;
      const parts: NumberedSection[] = table.frontPages > 0 ? [{ title: FRONT_MATTER_TITLE, firstPage: 1, lastPage: table.frontPages, front: true }] : [];
      for (const entry of table.entries) {
        const last = entry.lastPage ?? pages ?? entry.firstPage;
        parts.push({ title: entry.title, firstPage: entry.firstPage, lastPage: last });
        if (entry.dossierPage === null) continue;
        for (let page = entry.firstPage; page <= last; page++) numbers.set(page, entry.dossierPage + page - entry.firstPage);
      }
      sections.set(table.document, parts);
      fromContents.set(table.document, numbers);
      continue;
    }
    for (const entry of table.entries) {
      if (!listed.has(entry.document)) listed.set(entry.document, listed.size);
      if (/^\d+$/.test(documentTitle(entry.document)) && entry.title !== '') titles.set(entry.document, entry.title);
      if (entry.dossierPage === null) continue;
      const file = files.find((candidate) => candidate.path === entry.document);
      const pages = file ? pagesOf(file, input) : null;
      const own = fromContents.get(entry.document) ?? new Map<number, number>();
      for (let page = 1; page <= (pages ?? 0); page++) own.set(page, entry.dossierPage + page - 1);
      fromContents.set(entry.document, own);
    }
  }

  // Each volume's files in 目录 order: the 目录's own file, the rows, then the rest by name.
  const volumes = new Map<string | null, NumberingFile[]>();
  for (const file of files) {
    const volume = volumeOf(file, pagesTables);
    volumes.set(volume, [...(volumes.get(volume) ?? []), file]);
  }
  const results = new Map<string, NumberedDocument>();
  for (const [volume, members] of volumes) {
    const rank = (file: NumberingFile): number => (contentsDocuments.has(file.path) ? -1 : (listed.get(file.path) ?? Number.MAX_SAFE_INTEGER));
    const ordered = [...members].sort((a, b) => rank(a) - rank(b) || collator.compare(a.path, b.path));
    const slots: Slot[] = [];
    let segment = 0;
    for (const file of ordered) {
      const pages = pagesOf(file, input);
      if (pages === null) {
        if (slots.length > 0) segment++;
        continue;
      }
      const table = input.contents.find((candidate) => candidate.document === file.path);
      const frontPages = table ? (table.layout === 'files' ? pages : table.frontPages) : FRONT_NAME.test(documentTitle(file.path)) ? pages : 0;
      const stamps = input.stamps?.[file.path];
      const numbers = fromContents.get(file.path);
      const parts = sections.get(file.path) ?? [];
      for (let page = 1; page <= pages; page++) {
        const part = parts.findIndex((section) => page >= section.firstPage && page <= section.lastPage);
        slots.push({ document: file.path, page, front: page <= frontPages, part, fromContents: numbers?.get(page) ?? null, stamp: stamps?.[page - 1] ?? null, segment });
      }
    }
    const numbered = numberVolume(slots);
    for (const file of ordered) {
      const pages = pagesOf(file, input) ?? 0;
      const parts = sections.get(file.path);
      results.set(file.path, {
        document: file.path,
        volume,
        title: titles.get(file.path) ?? documentTitle(file.path),
        ...(parts ? { sections: parts } : {}),
        numbers: Array<number | null>(pages).fill(null),
        sources: Array<PageNumberSource | null>(pages).fill(null),
      });
    }
    slots.forEach((slot, i) => {
      const result = results.get(slot.document) as NumberedDocument;
      result.numbers[slot.page - 1] = numbered[i]?.number ?? null;
      result.sources[slot.page - 1] = numbered[i]?.source ?? null;
    });
  }
  return files.map((file) => results.get(file.path) as NumberedDocument);
}

/** What a page is, for the toolbar and for citations. */
export interface PagePlace {
  volume: string | null;
  /** The document as cited: the file's title, or the 目录 row's inside a volume PDF. */
  title: string;
  /** 卷宗页码, or null when none is known. */
  dossierPage: number | null;
  source: PageNumberSource | null;
  /** The page within that document (1-based) and its length, when known. */
  documentPage: number;
  documentPages: number | null;
}

/** The place of PDF page `page` of a numbered document. */
export function placeOfPage(numbered: NumberedDocument, page: number): PagePlace {
  const section = numbered.sections?.find((part) => page >= part.firstPage && page <= part.lastPage);
  const dossierPage = numbered.numbers[page - 1] ?? null;
  const source = numbered.sources[page - 1] ?? null;
  if (section) {
    return {
      volume: numbered.volume,
      title: section.title,
      dossierPage,
      source,
      documentPage: page - section.firstPage + 1,
      documentPages: section.lastPage - section.firstPage + 1,
    };
  }
  return { volume: numbered.volume, title: numbered.title, dossierPage, source, documentPage: page, documentPages: numbered.numbers.length || null };
}

/**
 * The PDF page that carries 卷宗页码 `number` in `volume`: a stamped or 目录 number before a counted
 * one, a document's page before a cover's. Null when no page of the volume has it.
 */
export function findDossierPage(numbered: readonly NumberedDocument[], volume: string | null, number: number): { document: string; page: number } | null {
  const rank = (source: PageNumberSource | null): number => (source === 'stamp' ? 0 : source === 'contents' ? 1 : 2);
  let best: { document: string; page: number; rank: number } | null = null;
  for (const document of numbered) {
    if (document.volume !== volume) continue;
    document.numbers.forEach((value, i) => {
      if (value !== number) return;
      const candidate = { document: document.document, page: i + 1, rank: rank(document.sources[i] ?? null) };
      if (!best || candidate.rank < best.rank) best = candidate;
    });
  }
  if (!best) return null;
  const { document, page } = best;
  return { document, page };
}
