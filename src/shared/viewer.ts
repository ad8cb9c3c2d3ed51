/**
 * The dossier viewer as the contract shows it: document bytes fetched in ranges (pdf.js decrypts
 * them in the renderer's memory; nothing decrypted is written), search across a dossier, notes
 * and the reading position, all per dossier.
 */
import { z } from 'zod';

/** Largest range `documents.read` returns at once (pdf.js asks for what it needs, lazily). */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

export type DocumentKind = 'pdf' | 'image';

export interface DocumentInfo {
  dossierId: string;
  /** The file's path inside the dossier (as in DossierFile.path). */
  path: string;
  kind: DocumentKind;
  /** e.g. application/pdf, image/jpeg, image/png */
  mimeType: string;
  size: number;
}

export const documentRef = z
  .object({ dossierId: z.string().min(1).max(100), path: z.string().min(1).max(1024) })
  .strict();

export interface FindHit {
  /** Document path inside the dossier. */
  document: string;
  /** 1-based. */
  page: number;
  /** The matched text with some context, as the page says it (not normalised). */
  snippet: string;
  /** Where the match sits inside `snippet` ([start, end) in UTF-16 units), for highlighting. */
  match: [number, number];
}

export interface FindResult {
  query: string;
  hits: FindHit[];
  /** More hits existed than were returned. */
  truncated: boolean;
  /** Documents searched / pages searched. */
  documents: number;
  pages: number;
  /** Documents that could not be searched (no or wrong open password, damaged). */
  skipped: { document: string; reason: 'password' | 'damaged' }[];
}

/** One row of a 卷内目录, placed where its document is. */
export interface ContentsEntry {
  /** 序号 as printed. */
  seq: number;
  title: string;
  /** The document it is: the PDF carrying the 目录 (a volume as one PDF) or another file of its folder. */
  document: string;
  /** 1-based pages of `document` (1 to its end for a file of its own). */
  firstPage: number;
  /** null: to the document's end. */
  lastPage: number | null;
}

/** The 卷内目录 found at the start of one PDF of a dossier. */
export interface DocumentContents {
  /** The PDF whose first pages carry the 目录. */
  document: string;
  /** 'pages': the rows are page ranges of that PDF; 'files': they are other files of its folder. */
  layout: 'pages' | 'files';
  /** 'pages': the PDF's pages before the first row (its cover and 目录); 0 for 'files'. */
  frontPages: number;
  /** The rows that could be placed, in order. */
  entries: ContentsEntry[];
}

export type NoteKind = 'bookmark' | 'note';

export interface Note {
  id: string;
  kind: NoteKind;
  /** Document path inside the dossier. */
  document: string;
  /** 1-based page of that document. */
  page: number;
  /** The note's text (empty for a bare bookmark). */
  text: string;
  createdAt: string;
  updatedAt: string;
}

export const noteInput = z
  .object({
    /** Given: update that note; absent: a new one. */
    id: z.string().min(1).max(100).optional(),
    kind: z.enum(['bookmark', 'note']),
    document: z.string().min(1).max(1024),
    page: z.number().int().min(1).max(100_000),
    text: z.string().max(10_000),
  })
  .strict();

/** Where the lawyer was in a dossier, restored when it is opened again. */
export const readingPositionSchema = z
  .object({
    document: z.string().min(1).max(1024),
    page: z.number().int().min(1).max(100_000),
    /** 'fit-width' | 'fit-page' | a scale such as 1.25 */
    zoom: z.union([z.literal('fit-width'), z.literal('fit-page'), z.number().min(0.1).max(8)]),
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  })
  .strict();
export type ReadingPosition = z.infer<typeof readingPositionSchema>;

export interface ReadingNotesExport {
  /** e.g. 陈某危险驾驶案-阅卷笔录.md */
  fileName: string;
  /** Where it was also saved: the dossier's folder. */
  path: string;
  mimeType: string;
  dataBase64: string;
}

/** Most pages one `reading.markSeen` carries (the viewer sends a few at a time). */
export const MAX_MARK_PAGES = 2000;

/** Which pages of one document the lawyer has seen. */
export interface DocumentProgress {
  document: string;
  /** Pages seen, as ascending inclusive ranges [first, last]. */
  seen: [number, number][];
  /** How many pages that is. */
  count: number;
  /** The document's pages as the library counted them (1 for an image); null while not counted. */
  pages: number | null;
}
