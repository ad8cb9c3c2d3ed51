/**
 * Renders the pages to print, one at a time, into JPEG blobs held in memory (object URLs, never
 * files): at most one page's canvas exists at once, so a 300-page document does not exhaust memory.
 */
import type { PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OpenDocument } from '../viewer-documents';
import type { TiffDocument } from '../tiff-document';

/** Print resolution: sharp enough for text on paper, a page of pixels ~2 MP. */
export const PRINT_DPI = 150;
/** An A4 sheet at that resolution (pixels). */
const SHEET = { width: Math.round((210 / 25.4) * PRINT_DPI), height: Math.round((297 / 25.4) * PRINT_DPI) };
const JPEG_QUALITY = 0.9;

export interface PrintPageRef {
  document: string;
  /** 1-based. */
  page: number;
  /** How the lawyer turned the page in the viewer (degrees clockwise): it prints as it reads. */
  rotation?: number;
}

export class PrintCancelled extends Error {
  constructor() {
    super('printing cancelled');
    this.name = 'PrintCancelled';
  }
}

export interface RenderOptions {
  open(document: string): Promise<OpenDocument>;
  signal: AbortSignal;
  onProgress(done: number): void;
}

/**
 * The scale and quarter turn that fit a page of `width` × `height` onto a portrait sheet: pages
 * lying sideways are turned to stand, so every sheet is portrait A4.
 */
export function fitToSheet(width: number, height: number): { scale: number; turn: 0 | 90 } {
  const turn = width > height ? 90 : 0;
  const [w, h] = turn ? [height, width] : [width, height];
  return { scale: Math.min(SHEET.width / w, SHEET.height / h), turn };
}

function release(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width));
  canvas.height = Math.max(1, Math.floor(height));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return { canvas, context };
}

async function paintPdfPage(pdfPage: PDFPageProxy, rotation: number, signal: AbortSignal): Promise<HTMLCanvasElement> {
  const shown = (pdfPage.rotate + rotation) % 360;
  const natural = pdfPage.getViewport({ scale: 1, rotation: shown });
  const { scale, turn } = fitToSheet(natural.width, natural.height);
  const viewport = pdfPage.getViewport({ scale, rotation: (shown + turn) % 360 });
  const { canvas } = canvasOf(viewport.width, viewport.height);
  let task: RenderTask | null = null;
  const cancel = () => task?.cancel();
  signal.addEventListener('abort', cancel);
  try {
    task = pdfPage.render({ canvas, viewport, intent: 'print', background: '#fff' });
    await task.promise;
    return canvas;
  } catch (error) {
    release(canvas);
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

async function paintImage(url: string, rotation: number): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return paintPicture(image, image.naturalWidth, image.naturalHeight, rotation);
}

/** A TIFF page, scaled by its decoding worker to the sheet's pixels (never enlarged). */
async function paintTiffPage(tiff: TiffDocument, page: number, rotation: number): Promise<HTMLCanvasElement> {
  const pixels = tiff.pages[page - 1];
  if (!pixels) throw new Error(`the TIFF has no page ${page}`);
  const sideways = rotation % 180 !== 0;
  const { scale } = sideways ? fitToSheet(pixels.height, pixels.width) : fitToSheet(pixels.width, pixels.height);
  const fit = Math.min(1, scale);
  const bitmap = await tiff.render(page, Math.max(1, pixels.width * fit), Math.max(1, pixels.height * fit));
  try {
    return paintPicture(bitmap, bitmap.width, bitmap.height, rotation);
  } finally {
    bitmap.close();
  }
}

function paintPicture(image: CanvasImageSource, naturalWidth: number, naturalHeight: number, rotation: number): HTMLCanvasElement {
  const sideways = rotation % 180 !== 0;
  const [shownWidth, shownHeight] = sideways ? [naturalHeight, naturalWidth] : [naturalWidth, naturalHeight];
  const { scale, turn } = fitToSheet(shownWidth, shownHeight);
  // A scan smaller than the sheet's pixels is not enlarged here: the printer scales it.
  const fit = Math.min(1, scale);
  const width = naturalWidth * fit;
  const height = naturalHeight * fit;
  const total = (rotation + turn) % 360;
  const { canvas, context } = total % 180 === 0 ? canvasOf(width, height) : canvasOf(height, width);
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((total * Math.PI) / 180);
  context.drawImage(image, -width / 2, -height / 2, width, height);
  return canvas;
}

function jpegOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the page could not be encoded'))), 'image/jpeg', JPEG_QUALITY);
  });
}

/**
 * The pages as object URLs of their images, in order. On cancel or failure the URLs made so far are
 * revoked; otherwise the caller revokes them once printed.
 */
export async function renderPrintPages(refs: readonly PrintPageRef[], options: RenderOptions): Promise<string[]> {
  const { open, signal, onProgress } = options;
  const urls: string[] = [];
  try {
    for (const ref of refs) {
      if (signal.aborted) throw new PrintCancelled();
      const opened = await open(ref.document);
      if (signal.aborted) throw new PrintCancelled();
      let canvas: HTMLCanvasElement;
      if (opened.kind === 'image') {
        canvas = await paintImage(opened.url, ref.rotation ?? 0);
      } else if (opened.kind === 'tiff') {
        canvas = await paintTiffPage(opened.tiff, ref.page, ref.rotation ?? 0);
      } else if (opened.kind === 'other') {
        throw new Error(`${ref.document} is not a document the viewer shows: open it with its own app to print it`);
      } else {
        const pdfPage = await opened.pdf.getPage(ref.page);
        try {
          canvas = await paintPdfPage(pdfPage, ref.rotation ?? 0, signal);
        } finally {
          pdfPage.cleanup();
        }
      }
      try {
        urls.push(URL.createObjectURL(await jpegOf(canvas)));
      } finally {
        release(canvas);
      }
      onProgress(urls.length);
    }
    return urls;
  } catch (error) {
    urls.forEach((url) => URL.revokeObjectURL(url));
    const cancelled = signal.aborted || (error as { name?: string } | null)?.name === 'RenderingCancelledException';
    throw cancelled ? new PrintCancelled() : error;
  }
}
