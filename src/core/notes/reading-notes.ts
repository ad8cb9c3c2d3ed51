/**
 * The 阅卷笔录 as a document model, before it is written as Markdown or DOCX: a heading (case,
 * 承办单位, lawyer, law firm, export date, the dossier's volumes and their pages), then the notes
 * grouped by volume and document in dossier order, each cited by its 卷宗页码.
 */
import { formatCitation, type CitationParts } from '../../shared/citation';
import { documentTitle } from '../../shared/document-title';
import { placeOfPage, type NumberedDocument } from '../../shared/dossier-page-numbers';
import type { Lawyer } from '../../shared/contract';
import type { DossierDetail } from '../../shared/library';
import type { Note, NoteKind } from '../../shared/viewer';
import { sortNotes } from './note-order';

/** Heading for files at the top of the dossier, outside any volume. */
export const NO_VOLUME = '卷外材料';

export interface ReadingNotesEntry {
  kind: NoteKind;
  /** 《第一卷·讯问笔录》第23页 */
  citation: string;
  /** The lawyer's words (often empty for bookmarks and highlights). */
  text: string;
  /** Notes and highlights: the words quoted from the page. */
  quote?: string;
  /** Bookmarks: their name. */
  label?: string;
}

export interface ReadingNotesDocument {
  path: string;
  title: string;
  entries: ReadingNotesEntry[];
}

export interface ReadingNotesVolume {
  /** The volume's name, or NO_VOLUME. */
  name: string;
  documents: ReadingNotesDocument[];
}

export interface ReadingNotes {
  /** 《<案件名称>》阅卷笔录 */
  title: string;
  caseName: string;
  /** 承办单位 (null when the dossier does not say: imports). */
  unit: string | null;
  /** The signed-in lawyer's name and firm; null when not known. */
  lawyer: string | null;
  lawFirm: string | null;
  /** e.g. 2025年3月4日 (local time) */
  date: string;
  /** The dossier's volumes and their pages: 第一卷 共 98 页. */
  dossierVolumes: { name: string; pages: number }[];
  volumes: ReadingNotesVolume[];
}

/** What a note quotes or names, beside its citation. */
function marksOf(note: Note): Pick<ReadingNotesEntry, 'quote' | 'label'> {
  if (note.kind === 'bookmark') return note.label ? { label: note.label } : {};
  return note.quote ? { quote: note.quote } : {};
}

export interface ReadingNotesContext {
  /** The dossier's 卷宗页码 (empty when they cannot be read: citations then say so). */
  numbers?: readonly NumberedDocument[];
  lawyer?: Pick<Lawyer, 'name' | 'lawFirm'> | null;
}

export function chineseDate(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
}

/** The volume a path sits in when the dossier no longer lists it: its top-level folder, if any. */
function volumeOfPath(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 1 && parts[0] !== '' ? (parts[0] as string) : null;
}

/** Volumes in the order of their first files, with their pages (PDF pages, a scan one). */
function dossierVolumes(dossier: Pick<DossierDetail, 'files'>, numbers: readonly NumberedDocument[]): { name: string; pages: number }[] {
  const pages = new Map<string, number>();
  if (numbers.length > 0) {
    for (const document of numbers) pages.set(document.volume ?? NO_VOLUME, (pages.get(document.volume ?? NO_VOLUME) ?? 0) + document.numbers.length);
  } else {
    for (const file of dossier.files) pages.set(file.volume ?? NO_VOLUME, (pages.get(file.volume ?? NO_VOLUME) ?? 0) + (file.pages ?? 0));
  }
  return [...pages].map(([name, count]) => ({ name, pages: count }));
}

export function buildReadingNotes(
  dossier: Pick<DossierDetail, 'caseName' | 'unit' | 'files'>,
  notes: readonly Note[],
  at: Date,
  context: ReadingNotesContext = {},
): ReadingNotes {
  const numbers = context.numbers ?? [];
  const files = new Map(dossier.files.map((file) => [file.path, file]));
  const numbered = new Map(numbers.map((document) => [document.document, document]));
  const volumes = new Map<string, ReadingNotesVolume>();
  const documents = new Map<string, ReadingNotesDocument>();
  for (const note of sortNotes(dossier.files, notes)) {
    const file = files.get(note.document);
    const known = numbered.get(note.document);
    const parts: CitationParts = known
      ? placeOfPage(known, note.page)
      : { volume: file ? file.volume : volumeOfPath(note.document), title: documentTitle(note.document), dossierPage: null, documentPage: note.page };
    const name = parts.volume ?? NO_VOLUME;
    let group = volumes.get(name);
    if (!group) volumes.set(name, (group = { name, documents: [] }));
    // A volume held in one PDF: each of its documents (目录 rows) under its own heading.
    const key = `${note.document}\n${parts.title}`;
    let document = documents.get(key);
    if (!document) {
      document = { path: note.document, title: parts.title, entries: [] };
      documents.set(key, document);
      group.documents.push(document);
    }
    document.entries.push({ kind: note.kind, citation: formatCitation(parts), text: note.text, ...marksOf(note) });
  }
  return {
    title: `《${dossier.caseName}》阅卷笔录`,
    caseName: dossier.caseName,
    unit: dossier.unit,
    lawyer: context.lawyer?.name ?? null,
    lawFirm: context.lawyer?.lawFirm ?? null,
    date: chineseDate(at),
    dossierVolumes: dossierVolumes(dossier, numbers),
    volumes: [...volumes.values()],
  };
}

/** The heading's lines, as both formats print them (a line with nothing known stays, blank after its label). */
export function headingLines(notes: ReadingNotes): string[] {
  const volumes = notes.dossierVolumes.map((volume) => `${volume.name}（共${volume.pages}页）`).join('、');
  return [
    `案件名称：${notes.caseName}`,
    `承办单位：${notes.unit ?? ''}`,
    `承办律师：${notes.lawyer ?? ''}`,
    `律师事务所：${notes.lawFirm ?? ''}`,
    `导出日期：${notes.date}`,
    `卷宗：${volumes}`,
  ];
}

/** A bookmark's name on one line, as it follows the citation: （书签：名称） or （书签）. */
export function bookmarkLabel(label: string | undefined): string {
  const name = (label ?? '').replace(/\s+/g, ' ').trim();
  return name === '' ? '（书签）' : `（书签：${name}）`;
}
