/**
 * Reads every page of a dossier's documents once, in file order, into text records: the text
 * layer where a page has one, OCR where it is a scan. Pages already read (after a pause, a
 * restart) are skipped. Runs inside the OCR worker; everything decrypted stays in its memory.
 */
import { readFile } from 'node:fs/promises';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageTextLine } from '../../shared/ocr';
import { resolveDocumentPath } from '../documents/document-path';
import type { DocumentRecord, PageRecord, TextRecord } from '../dossier-text/text-records';
import { cornerStamp, openPdf } from '../pdf';
import { decodeImagePage, ImageFileError, imageFormatOf, imagePageCount } from './image-files';
import type { OcrEngine } from './ocr-engine';
import type { Box, GrayImage } from './ocr-types';
import { analysePage, pageImage } from './page-images';
import { needsOcr } from './page-selection';
import { correctNames, NameBook } from './known-names';
import { pageTextOf } from './reading-order';
import { recognisedStamp } from './recognised-stamp';

export interface ReadJob {
  /** The folder the documents were extracted to. */
  folder: string;
  /** Document paths inside it, in dossier order: PDFs and images are read, other files skipped. */
  files: readonly string[];
  /** The dossier's open password(s). */
  passwords: readonly string[];
  /** Pages already read, per document (and documents finished), so they are not read again. */
  done: Record<string, { pages: number[]; complete: boolean }>;
  /** Place names the dossier is known to carry (its unit's): lines one character off are set right. */
  names?: readonly string[];
}

const PDF_NAME = /\.pdf$/i;
const IMAGE_NAME = /\.(jpe?g|png|tiff?)$/i;

/** Largest document read (bytes): larger ones are listed as too large and skipped. */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

export function readableFile(path: string): boolean {
  return PDF_NAME.test(path) || IMAGE_NAME.test(path);
}

/** Lines read from an image, placed on the page. */
function placeLines(lines: readonly { text: string; box: Box; confidence: number }[], toPage: (box: Box) => PageTextLine['box'], names: NameBook): PageTextLine[] {
  return lines.map((line) => ({ text: correctNames(line.text, names.all), box: toPage(line.box), confidence: Math.round(line.confidence * 1000) / 1000 }));
}

type Recognise = (document: string, page: number, image: GrayImage, toPage: (box: Box) => PageTextLine['box']) => Promise<PageRecord>;

function recogniser(engine: () => Promise<OcrEngine>, names: NameBook): Recognise {
  return async (document, page, image, toPage) => {
    const read = await (await engine()).recognise(image);
    // Assembled again on the page (a turned page reads in its own order): text and lines agree, so
    // a search hit in the text finds its line.
    const placed = pageTextOf(placeLines(read.lines, toPage, names));
    return { kind: 'page', document, page, source: 'ocr', text: placed.text, stamp: recognisedStamp(placed.lines), lines: placed.lines };
  };
}

/** Whether to stop before the next page (a pause): asked between pages, never in the middle of one. */
export type StopCheck = () => boolean;

export async function readDossier(job: ReadJob, engine: () => Promise<OcrEngine>, emit: (records: TextRecord[]) => void, stop: StopCheck = () => false): Promise<void> {
  // The unit's names, then those the typed pages name as they are read (covers and 目录 come first).
  const names = new NameBook(job.names ?? []);
  const recognise = recogniser(engine, names);
  for (const path of job.files) {
    if (stop()) return;
    if (!readableFile(path)) continue;
    const done = job.done[path];
    if (done?.complete) continue;
    const skip = new Set(done?.pages ?? []);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(await resolveDocumentPath(job.folder, path));
    } catch {
      emit([{ kind: 'document', document: path, pageCount: 0, unreadable: 'damaged' }]);
      continue;
    }
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      emit([{ kind: 'document', document: path, pageCount: 0, unreadable: 'too-large' }]);
      continue;
    }
    if (PDF_NAME.test(path)) await readPdf(path, bytes, job.passwords, skip, recognise, emit, stop, names);
    else await readImageFile(path, bytes, skip, recognise, emit, stop);
  }
}

async function readPdf(
  path: string,
  bytes: Uint8Array,
  passwords: readonly string[],
  skip: ReadonlySet<number>,
  recognise: Recognise,
  emit: (records: TextRecord[]) => void,
  stop: StopCheck,
  names: NameBook,
): Promise<void> {
  let opened: Awaited<ReturnType<typeof openPdf>>;
  try {
    opened = await openPdf(bytes, passwords);
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    emit([{ kind: 'document', document: path, pageCount: 0, unreadable: code === 'PASSWORD_REQUIRED' || code === 'WRONG_PASSWORD' ? 'password' : 'damaged' }]);
    return;
  }
  try {
    const pdf: PDFDocumentProxy = opened.pdf;
    const pageCount = pdf.numPages;
    emit([{ kind: 'document', document: path, pageCount } satisfies DocumentRecord]);
    for (let number = 1; number <= pageCount; number++) {
      if (skip.has(number)) continue;
      if (stop()) return;
      const page = await pdf.getPage(number);
      try {
        const analysis = await analysePage(page);
        if (!needsOcr(analysis.makeup)) {
          names.read(analysis.text);
          emit([{ kind: 'page', document: path, page: number, source: 'text', text: analysis.text, stamp: cornerStamp(analysis.items, page.view) }]);
          continue;
        }
        const image = await pageImage(page, analysis);
        emit([await recognise(path, number, image.image, image.toPage)]);
      } catch {
        emit([{ kind: 'page', document: path, page: number, source: 'none', text: '', stamp: null }]);
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await opened.close();
  }
}

async function readImageFile(
  path: string,
  bytes: Uint8Array,
  skip: ReadonlySet<number>,
  recognise: Recognise,
  emit: (records: TextRecord[]) => void,
  stop: StopCheck,
): Promise<void> {
  let pageCount: number;
  try {
    if (!imageFormatOf(bytes)) throw new ImageFileError('damaged', 'not an image');
    pageCount = imagePageCount(bytes);
  } catch (error) {
    emit([{ kind: 'document', document: path, pageCount: 0, unreadable: error instanceof ImageFileError && error.reason === 'too-large' ? 'too-large' : 'damaged' }]);
    return;
  }
  emit([{ kind: 'document', document: path, pageCount }]);
  for (let index = 0; index < pageCount; index++) {
    if (skip.has(index + 1)) continue;
    if (stop()) return;
    try {
      const image = decodeImagePage(bytes, index);
      const { width, height } = image;
      emit([await recognise(path, index + 1, image, ([x0, y0, x1, y1]) => [x0 / width, y0 / height, x1 / width, y1 / height])]);
    } catch {
      emit([{ kind: 'page', document: path, page: index + 1, source: 'none', text: '', stamp: null }]);
    }
  }
}
