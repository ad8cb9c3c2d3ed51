/**
 * The 阅卷笔录 as a document model, before it is written as Markdown or DOCX: the case, the unit,
 * the export date, then the notes grouped by volume and document in dossier order.
 */
import type { DossierDetail } from '../../shared/library';
import type { Note, NoteKind } from '../../shared/viewer';
import { citation, documentTitle, volumeOfPath } from './citation';
import { sortNotes } from './note-order';

/** Heading for files at the top of the dossier, outside any volume. */
export const NO_VOLUME = '卷外材料';

export interface ReadingNotesEntry {
  kind: NoteKind;
  /** 《第一卷·讯问笔录》第3页 */
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
  unit: string | null;
  /** e.g. 2025年3月4日 (local time) */
  date: string;
  volumes: ReadingNotesVolume[];
}

/** What a note quotes or names, beside its citation. */
function marksOf(note: Note): Pick<ReadingNotesEntry, 'quote' | 'label'> {
  if (note.kind === 'bookmark') return note.label ? { label: note.label } : {};
  return note.quote ? { quote: note.quote } : {};
}

export function chineseDate(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
}

export function buildReadingNotes(dossier: Pick<DossierDetail, 'caseName' | 'unit' | 'files'>, notes: readonly Note[], at: Date): ReadingNotes {
  const files = new Map(dossier.files.map((file) => [file.path, file]));
  const volumes = new Map<string, ReadingNotesVolume>();
  const documents = new Map<string, ReadingNotesDocument>();
  for (const note of sortNotes(dossier.files, notes)) {
    const file = files.get(note.document);
    const volume = file ? file.volume : volumeOfPath(note.document);
    const name = volume ?? NO_VOLUME;
    let group = volumes.get(name);
    if (!group) volumes.set(name, (group = { name, documents: [] }));
    let document = documents.get(note.document);
    if (!document) {
      document = { path: note.document, title: documentTitle(note.document), entries: [] };
      documents.set(note.document, document);
      group.documents.push(document);
    }
    document.entries.push({
      kind: note.kind,
      citation: citation(volume, note.document, note.page),
      text: note.text,
      ...marksOf(note),
    });
  }
  return { title: `《${dossier.caseName}》阅卷笔录`, unit: dossier.unit, date: chineseDate(at), volumes: [...volumes.values()] };
}
