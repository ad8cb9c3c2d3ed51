/// <reference lib="webworker" />
/**
 * Decodes one TIFF file's pages off the main thread: the file's bytes stay here (in memory only),
 * each page is decoded when asked and handed back scaled to the size shown, as an ImageBitmap.
 */
import { decodeTiffPage, readTiff, TiffError, type TiffFile } from '../../shared/tiff-pages';
import type { TiffReply, TiffRequest } from './tiff-protocol';

declare const self: DedicatedWorkerGlobalScope;

let file: TiffFile | null = null;
/** The last pages decoded at full size: zooming or scrolling back does not decode them again. */
const decoded = new Map<number, ImageBitmap>();
const KEEP_DECODED = 2;

function reply(message: TiffReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function failure(error: unknown) {
  if (error instanceof TiffError) return { reason: error.reason, message: error.message, ...(error.pixels ? { pixels: error.pixels } : {}) };
  return { reason: 'damaged' as const, message: error instanceof Error ? error.message : String(error) };
}

async function fullPage(page: number): Promise<ImageBitmap> {
  const kept = decoded.get(page);
  if (kept) {
    decoded.delete(page);
    decoded.set(page, kept);
    return kept;
  }
  if (!file) throw new TiffError('damaged', 'no TIFF is open');
  const { width, height, rgba } = decodeTiffPage(file, page);
  const bitmap = await createImageBitmap(new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, width * height * 4), width, height));
  decoded.set(page, bitmap);
  for (const [key, old] of decoded) {
    if (decoded.size <= KEEP_DECODED) break;
    old.close();
    decoded.delete(key);
  }
  return bitmap;
}

self.onmessage = async (event: MessageEvent<TiffRequest>) => {
  const request = event.data;
  if (request.type === 'open') {
    try {
      file = readTiff(request.bytes);
      reply({ type: 'opened', pages: file.pages });
    } catch (error) {
      reply({ type: 'open-failed', ...failure(error) });
    }
    return;
  }
  try {
    const source = await fullPage(request.page);
    const canvas = new OffscreenCanvas(Math.max(1, request.width), Math.max(1, request.height));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    const bitmap = canvas.transferToImageBitmap();
    reply({ type: 'rendered', id: request.id, bitmap }, [bitmap]);
  } catch (error) {
    reply({ type: 'render-failed', id: request.id, ...failure(error) });
  }
};
