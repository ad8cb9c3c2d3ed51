import type { DocumentContents, DocumentKind } from '../../shared/viewer';
import type { DossierFile } from '../../shared/library';
import { documentKindOf, documentTitle } from '../../shared/document-title';

export interface TreeDocument {
  /** The file's path inside the dossier (the contract's document id). */
  path: string;
  title: string;
  kind: DocumentKind;
  /** Pages as core counted them (1 for an image or other file); null until known (a TIFF until opened). */
  pages: number | null;
  /** The documents its 卷内目录 lists inside it (a volume handed out as one PDF), in page order. */
  sections?: TreeSection[];
}

/** A document inside a PDF, from the 卷内目录 on its first pages. */
export interface TreeSection {
  /** The row's title; empty for the cover and 目录 pages before the first row (`front`). */
  title: string;
  /** 1-based pages of the PDF. */
  firstPage: number;
  /** null: to the PDF's end. */
  lastPage: number | null;
  front?: true;
}

export interface TreeVolume {
  /** The volume folder (第一卷), or null for documents at the top of the dossier. */
  name: string | null;
  documents: TreeDocument[];
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 12 from 十二, 105 from 一百零五, 7 from 7; null when the text is not a number. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    const unit = UNITS[char];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      digit = DIGITS[char] ?? 0;
    }
  }
  return total + (digit ?? 0);
}

/** Where a volume goes: 第二卷 before 第十卷 (numbers, not code points); unnumbered ones after, by name. */
function volumeRank(name: string | null): [number, string] {
  if (name === null) return [-1, ''];
  const number = /^第\s*([0-9零〇一二两三四五六七八九十百千]+)\s*[卷册]/.exec(name)?.[1];
  const parsed = number === undefined ? null : parseChineseNumber(number);
  return [parsed ?? Number.MAX_SAFE_INTEGER, name];
}

const byName = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Documents by file name, numeric ordinals in order; whole volumes side by side (第一卷.pdf,
 * 第二卷.pdf) by their number, which the collator would order by pronunciation (二 before 一).
 */
function byDocumentOrder(a: TreeDocument, b: TreeDocument): number {
  const [ra] = volumeRank(documentTitle(a.path));
  const [rb] = volumeRank(documentTitle(b.path));
  if (ra !== rb && ra !== Number.MAX_SAFE_INTEGER && rb !== Number.MAX_SAFE_INTEGER) return ra - rb;
  return byName.compare(a.path, b.path);
}

/** The 目录's page ranges of each PDF, and the titles it gives files named only by a number (001.pdf). */
function fromContents(contents: readonly DocumentContents[]) {
  const sections = new Map<string, TreeSection[]>();
  const titles = new Map<string, string>();
  for (const table of contents) {
    if (table.layout === 'pages') {
      const front: TreeSection[] = table.frontPages > 0 ? [{ title: '', firstPage: 1, lastPage: table.frontPages, front: true }] : [];
      sections.set(table.document, [...front, ...table.entries.map(({ title, firstPage, lastPage }) => ({ title, firstPage, lastPage }))]);
      continue;
    }
    for (const entry of table.entries) {
      if (/^\d+$/.test(documentTitle(entry.document)) && entry.title !== '') titles.set(entry.document, entry.title);
    }
  }
  return { sections, titles };
}

/**
 * The dossier as the viewer's tree shows it: volumes in their numbered order (files at the top of
 * the dossier first), each with its PDFs, scans and other files ordered by file name (numeric ordinals). With
 * the dossier's 卷内目录: a PDF at the top that holds a whole volume (第一卷.pdf) is a volume of its
 * own, PDFs get their 目录's rows as sections, and bare numbered files the 目录's titles.
 */
export function buildTree(files: readonly DossierFile[], contents: readonly DocumentContents[] = []): TreeVolume[] {
  const { sections, titles } = fromContents(contents);
  const volumes = new Map<string | null, TreeDocument[]>();
  for (const file of files) {
    const kind = documentKindOf(file.path);
    if (!kind) continue;
    const parts = sections.get(file.path);
    const document: TreeDocument = {
      path: file.path,
      title: titles.get(file.path) ?? documentTitle(file.path),
      kind,
      // A photo or another file is one page; a TIFF's pages are counted when it opens.
      pages: kind === 'image' || kind === 'other' ? 1 : kind === 'tiff' ? null : file.pages,
      ...(parts ? { sections: parts } : {}),
    };
    // Its own volume, named as the file is (beside a folder of the same name, the two share it).
    const volume = file.volume === null && parts ? documentTitle(file.path) : file.volume;
    const documents = volumes.get(volume) ?? [];
    documents.push(document);
    volumes.set(volume, documents);
  }
  return [...volumes.entries()]
    .map(([name, documents]) => ({ name, documents: documents.sort(byDocumentOrder) }))
    .sort((a, b) => {
      const [ra, na] = volumeRank(a.name);
      const [rb, nb] = volumeRank(b.name);
      return ra - rb || byName.compare(na, nb);
    });
}

/** The section of a document that holds `page`, or null. */
export function sectionAt(document: TreeDocument, page: number): TreeSection | null {
  return document.sections?.find((section) => page >= section.firstPage && (section.lastPage === null || page <= section.lastPage)) ?? null;
}

/** The index of the volume holding a document, or -1. */
export function volumeIndexOf(volumes: readonly TreeVolume[], document: string): number {
  return volumes.findIndex((volume) => volume.documents.some((entry) => entry.path === document));
}
