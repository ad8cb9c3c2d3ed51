/**
 * Scans that come as image files (JPEG, PNG, TIFF) as grey pages for OCR, decoded in memory with
 * limits checked before decoding: a hostile file is refused, not loaded.
 */
import { Image, createCanvas } from '@napi-rs/canvas';
import jpeg from 'jpeg-js';
import { decodeTiffPage, MAX_TIFF_BYTES, MAX_TIFF_PAGE_PIXELS, readTiff } from '../../shared/tiff-pages';
import { toGray } from './gray-image';
import type { GrayImage } from './ocr-types';

export const MAX_IMAGE_PIXELS = MAX_TIFF_PAGE_PIXELS;
export const MAX_IMAGE_FILE_BYTES = MAX_TIFF_BYTES;

export type ImageFormat = 'jpeg' | 'png' | 'tiff';

export class ImageFileError extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/** The format the bytes say they are (not the name): JPEG, PNG or TIFF in either byte order. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  if (head === 'II*\0' || head === 'MM\0*') return 'tiff';
  return null;
}

/** How many pages the image file holds (TIFF: many; others: one). */
export function imagePageCount(bytes: Uint8Array): number {
  if (imageFormatOf(bytes) !== 'tiff') return 1;
  try {
    return readTiff(toArrayBuffer(bytes)).pages.length;
  } catch (error) {
    throw new ImageFileError('damaged', error instanceof Error ? error.message : String(error));
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Page `index` (0-based) of the image file as grey pixels. */
export function decodeImagePage(bytes: Uint8Array, index: number): GrayImage {
  if (bytes.length > MAX_IMAGE_FILE_BYTES) throw new ImageFileError('too-large', `image file of ${bytes.length} bytes is over the ${MAX_IMAGE_FILE_BYTES}-byte limit`);
  const format = imageFormatOf(bytes);
  try {
    if (format === 'jpeg') {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000, maxMemoryUsageInMB: 1024 });
      return toGray(decoded.width, decoded.height, decoded.data, 3);
    }
    if (format === 'png') {
      const image = new Image();
      image.src = Buffer.from(bytes);
      if (image.width * image.height > MAX_IMAGE_PIXELS) throw new ImageFileError('too-large', `image of ${image.width} × ${image.height} pixels is over the limit`);
      const canvas = createCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, image.width, image.height);
      context.drawImage(image, 0, 0);
      return toGray(image.width, image.height, context.getImageData(0, 0, image.width, image.height).data, 4);
    }
    if (format === 'tiff') {
      const page = decodeTiffPage(readTiff(toArrayBuffer(bytes)), index);
      return toGray(page.width, page.height, page.rgba, 4);
    }
  } catch (error) {
    if (error instanceof ImageFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImageFileError(/limit|exceed|maxResolution|memory/i.test(message) ? 'too-large' : 'damaged', message);
  }
  throw new ImageFileError('damaged', 'not a JPEG, PNG or TIFF image');
}
