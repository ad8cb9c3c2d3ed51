/**
 * 文字识别: the text of a dossier's pages, read in the background once it is in 卷宗库 — from the
 * text layer where a page has one, by OCR where the page is a scan.
 */
import type { ErrorPayload } from './errors';

/** [x0, y0, x1, y1] as fractions (0…1) of the page as shown unturned, from its top-left corner. */
export type PageBox = [number, number, number, number];

export type OcrState = 'waiting' | 'running' | 'paused' | 'done' | 'failed';

/** How far the reading of one dossier has come (the `ocr.progress` event and `ocr.status`). */
export interface OcrStatus {
  dossierId: string;
  state: OcrState;
  /** Pages read (text layer or OCR) of all pages of the dossier's PDFs and images. */
  pagesDone: number;
  pagesTotal: number;
  /** Of the pages read, those that were scans and went through OCR. */
  pagesRecognised: number;
  /** Over the last minutes of reading; null until measured. */
  pagesPerMinute: number | null;
  secondsLeft: number | null;
  /** Why it failed, or a document it could not read (the rest go on). */
  error: ErrorPayload | null;
}

export interface PageTextLine {
  text: string;
  box: PageBox;
  /** 0…1, the recogniser's certainty. */
  confidence: number;
}

/** The recognised text of a scanned page, line by line in reading order. */
export interface RecognisedPage {
  text: string;
  lines: PageTextLine[];
}
