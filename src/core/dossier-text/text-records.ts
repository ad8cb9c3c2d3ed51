/** What the text store keeps of a dossier: one record per page read, in the order they were read. */
import type { PageTextLine } from '../../shared/ocr';

/** Where a page's text came from: its text layer, OCR of the scan, or nothing could be read. */
export type PageSource = 'text' | 'ocr' | 'none';

export interface PageRecord {
  kind: 'page';
  document: string;
  /** 1-based. */
  page: number;
  source: PageSource;
  text: string;
  /** The number stamped alone in a top corner (卷宗页码), null where none was read. */
  stamp: number | null;
  /** OCR pages only: the lines with their boxes. */
  lines?: PageTextLine[];
}

/** A document opened (its page count), or one that could not be read at all. */
export interface DocumentRecord {
  kind: 'document';
  document: string;
  pageCount: number;
  /** Why it could not be read; its pages are then not searched. */
  unreadable?: 'password' | 'damaged' | 'too-large';
}

/** The files the records were read from: another list (re-extraction) starts the store over. */
export interface HeaderRecord {
  kind: 'header';
  signature: string;
}

export type TextRecord = PageRecord | DocumentRecord | HeaderRecord;
