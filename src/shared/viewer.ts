/**
 * The dossier viewer as the contract shows it: document bytes fetched in ranges (pdf.js decrypts
 * them in the renderer's memory; nothing decrypted is written), search across a dossier, notes
 * and the reading position, all per dossier.
 */
import type { PageBox } from './ocr';
import { z } from 'zod';

/** Largest range `documents.read` returns at once (pdf.js asks for what it needs, lazily). */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

/** pdf; image (JPEG, PNG); tiff (scans, one page or many); other: shown as what it is, opened by the OS's app. */
export type DocumentKind = 'pdf' | 'image' | 'tiff' | 'other';

export interface DocumentInfo {
  dossierId: string;
  /** The file's path inside the dossier (as in DossierFile.path). */
  path: string;
  kind: DocumentKind;
  /** e.g. application/pdf, image/jpeg, image/png, image/tiff; for 'other' a type by the name's extension */
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
  /** On a page read by OCR: where the match is on the page (one box per line it spans). */
  boxes?: PageBox[];
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
  /** `limit`: over a reading limit (size, pages, time, memory), so not read at all. */
  skipped: { document: string; reason: 'password' | 'damaged' | 'limit' }[];
}

/** Most hits one search gathers; past it the search stops and says `truncated`. */
export const MAX_FIND_HITS = 100_000;

/**
 * One batch of a streamed search (`dossier.findStart`): the hits found since the previous batch, in
 * document, page and position order, and how far the search has come. The last batch says `done`;
 * a cancelled or superseded search sends no more batches.
 */
export interface FindProgress {
  searchId: string;
  query: string;
  /** New hits only: the renderer appends them to those it has. */
  hits: FindHit[];
  /** Documents (PDFs) looked at so far, of all the dossier's PDFs. */
  documentsDone: number;
  documentsTotal: number;
  /** Documents and pages searched so far (the skipped ones not counted). */
  documents: number;
  pages: number;
  /** Documents newly found unsearchable in this batch. */
  skipped: FindResult['skipped'];
  /** The search reached MAX_FIND_HITS and stopped there. */
  truncated: boolean;
  done: boolean;
  /** Set (with done) when the search failed part way. */
  error?: { code: string; message: string };
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
  /** The row's 页次 start as printed (the 卷宗页码 of its first page); null where the row gives none. */
  dossierPage: number | null;
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

export type NoteKind = 'bookmark' | 'note' | 'highlight';

/** The highlight colours offered (names; the renderer picks the shades). */
export const MARK_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type MarkColor = (typeof MARK_COLORS)[number];

/** Longest quotation kept with a note or highlight (characters). */
export const MAX_QUOTE = 5_000;
/** Most rectangles one quotation is drawn with (a long selection is many lines). */
export const MAX_MARK_RECTS = 200;
/** Longest bookmark name. */
export const MAX_BOOKMARK_LABEL = 200;

/**
 * Where a quotation sits on its page: fractions (0..1) of the page as it shows unrotated (the PDF's
 * own /Rotate applied, the viewer's rotation not), so it holds at every zoom and rotation.
 */
export interface MarkRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const fraction = z.number().finite().min(0).max(1);
export const markRect = z
  .object({ x: fraction, y: fraction, w: fraction, h: fraction })
  .strict()
  .refine((rect) => rect.x + rect.w <= 1.0001 && rect.y + rect.h <= 1.0001, { message: 'rectangle outside the page' });

export interface Note {
  id: string;
  kind: NoteKind;
  /** Document path inside the dossier. */
  document: string;
  /** 1-based page of that document. */
  page: number;
  /** The note's text (empty for a bare bookmark or highlight). */
  text: string;
  /** Notes and highlights: the words selected on the page. */
  quote?: string;
  /** Highlights: the colour it is drawn in. */
  color?: MarkColor;
  /** Notes and highlights: where the quotation sits on the page. */
  rects?: MarkRect[];
  /** Bookmarks: the name the lawyer gave it. */
  label?: string;
  createdAt: string;
  updatedAt: string;
}

export const noteInput = z
  .object({
    /** Given: update that note; absent: a new one. */
    id: z.string().min(1).max(100).optional(),
    kind: z.enum(['bookmark', 'note', 'highlight']),
    document: z.string().min(1).max(1024),
    page: z.number().int().min(1).max(100_000),
    text: z.string().max(10_000),
    /** On an update an absent quote, colour, rects or label keeps the stored one. */
    quote: z.string().max(MAX_QUOTE).optional(),
    color: z.enum(MARK_COLORS).optional(),
    rects: z.array(markRect).max(MAX_MARK_RECTS).optional(),
    label: z.string().max(MAX_BOOKMARK_LABEL).optional(),
  })
  .strict();

/** Pages turned by hand that a dossier remembers (a scan lying sideways is turned once). */
export const MAX_PAGE_ROTATIONS = 5_000;

/** Where the lawyer was in a dossier, restored when it is opened again. */
export const readingPositionSchema = z
  .object({
    document: z.string().min(1).max(1024),
    page: z.number().int().min(1).max(100_000),
    /** 'fit-width' | 'fit-page' | a scale such as 1.25 */
    zoom: z.union([z.literal('fit-width'), z.literal('fit-page'), z.number().min(0.1).max(8)]),
    /** Turns every page: earlier versions; pages are now turned one by one (pageRotations). */
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    /** Pages turned by hand, by `document#page`. */
    pageRotations: z
      .record(z.string().min(3).max(1100), z.union([z.literal(90), z.literal(180), z.literal(270)]))
      .refine((rotations) => Object.keys(rotations).length <= MAX_PAGE_ROTATIONS, `at most ${MAX_PAGE_ROTATIONS} turned pages`)
      .optional(),
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
