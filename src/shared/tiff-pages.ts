/**
 * TIFF scans as pages: the pages of a file (one per full-resolution image directory; reduced-size
 * previews skipped) and the pixels of one page, with limits checked before anything is decoded.
 * Pure (no DOM, no Node): runs in the viewer's decoding worker and in core's OCR worker.
 */
import jpeg from 'jpeg-js';
import * as UTIF from 'utif2';

/** Largest TIFF file read (bytes): a hostile or absurd file is refused, not loaded. */
export const MAX_TIFF_BYTES = 256 * 1024 * 1024;
/** Largest page decoded (pixels): 100 megapixels is an A0 sheet at 300 dpi; RGBA of it is 400 MB. */
export const MAX_TIFF_PAGE_PIXELS = 100_000_000;

/** Width and height, in points. */
export interface Size {
  width: number;
  height: number;
}

export interface TiffPage {
  /** Pixels. */
  width: number;
  height: number;
  /** Size in points (1/72 inch): from the scan's resolution, else pixel for pixel at 96 dpi. */
  size: Size;
}

export interface DecodedPage {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel. */
  rgba: Uint8Array;
}

export type TiffErrorReason = 'damaged' | 'too-large';

export class TiffError extends Error {
  constructor(
    readonly reason: TiffErrorReason,
    message: string,
    /** For a page over the limit: its size in pixels. */
    readonly pixels?: { width: number; height: number },
  ) {
    super(message);
  }
}

/** The first value of a tag; a rational ([numerator, denominator]) as its quotient. */
function first(value: unknown): number | null {
  let item = Array.isArray(value) ? value[0] : value;
  if (Array.isArray(item)) item = typeof item[0] === 'number' && typeof item[1] === 'number' && item[1] !== 0 ? item[0] / item[1] : null;
  return typeof item === 'number' && Number.isFinite(item) ? item : null;
}

/** Dots per inch along one axis, when the file says it sensibly (scanners write 200–600). */
function dpi(ifd: UTIF.IFD, tag: 't282' | 't283'): number | null {
  const value = first(ifd[tag]);
  const unit = first(ifd['t296']) ?? 2;
  if (value === null || unit === 1) return null;
  const perInch = unit === 3 ? value * 2.54 : value;
  return perInch >= 50 && perInch <= 4800 ? perInch : null;
}

function pageOf(ifd: UTIF.IFD): TiffPage | null {
  const width = first(ifd['t256']);
  const height = first(ifd['t257']);
  if (width === null || height === null || width < 1 || height < 1) return null;
  const x = dpi(ifd, 't282');
  const y = dpi(ifd, 't283') ?? x;
  const size = x && y ? { width: (width / x) * 72, height: (height / y) * 72 } : { width: width * 0.75, height: height * 0.75 };
  return { width, height, size };
}

/** A parsed TIFF: its page directories, in order. */
export interface TiffFile {
  bytes: ArrayBuffer;
  directories: UTIF.IFD[];
  pages: TiffPage[];
}

/** The pages of a TIFF file; throws TiffError for a file too large or not readable as TIFF. */
export function readTiff(bytes: ArrayBuffer): TiffFile {
  if (bytes.byteLength > MAX_TIFF_BYTES) {
    throw new TiffError('too-large', `TIFF file of ${bytes.byteLength} bytes is over the ${MAX_TIFF_BYTES}-byte limit`);
  }
  let all: UTIF.IFD[];
  try {
    all = UTIF.decode(bytes);
  } catch (error) {
    throw new TiffError('damaged', `not a readable TIFF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const directories: UTIF.IFD[] = [];
  const pages: TiffPage[] = [];
  for (const ifd of all) {
    // NewSubfileType bit 0: a reduced-resolution copy of another page (a preview), not a page.
    if (((first(ifd['t254']) ?? 0) & 1) === 1) continue;
    const page = pageOf(ifd);
    if (!page) continue;
    directories.push(ifd);
    pages.push(page);
  }
  if (pages.length === 0) throw new TiffError('damaged', 'the TIFF holds no page');
  return { bytes, directories, pages };
}

/** The pixels of page `index` (0-based); throws TiffError('too-large') before decoding a page over the limit. */
export function decodeTiffPage(file: TiffFile, index: number, maxPixels = MAX_TIFF_PAGE_PIXELS): DecodedPage {
  const ifd = file.directories[index];
  const page = file.pages[index];
  if (!ifd || !page) throw new TiffError('damaged', `the TIFF has no page ${index + 1}`);
  if (page.width * page.height > maxPixels) {
    throw new TiffError('too-large', `page of ${page.width} × ${page.height} pixels is over the ${maxPixels / 1_000_000}-megapixel limit`, {
      width: page.width,
      height: page.height,
    });
  }
  if (first(ifd['t259']) === 7 && !ifd['t322']) return decodeJpegStrips(file.bytes, ifd, page);
  try {
    UTIF.decodeImage(file.bytes, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < page.width * page.height * 4) throw new Error('fewer pixels than the page holds');
    return { width: page.width, height: page.height, rgba };
  } catch (error) {
    throw new TiffError('damaged', `page ${index + 1} does not decode: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // The decoded samples are the caller's now (as RGBA); the directory keeps none of them.
    delete (ifd as Partial<UTIF.IFD>).data;
  }
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

/**
 * JPEG-in-TIFF (compression 7) in strips, as scanners and ImageMagick write it: each strip is a
 * JPEG stream whose tables may sit once in JPEGTables. UTIF misplaces such strips, so each is made
 * whole (tables + strip) and decoded by jpeg-js, then laid into the page.
 */
function decodeJpegStrips(bytes: ArrayBuffer, ifd: UTIF.IFD, page: TiffPage): DecodedPage {
  const offsets = numbers(ifd['t273']);
  const counts = numbers(ifd['t279']);
  const rowsPerStrip = Math.min(page.height, first(ifd['t278']) ?? page.height);
  const tables = ifd['t347'] instanceof Uint8Array ? ifd['t347'] : null;
  // Photometric YCbCr (6) is converted to RGB; RGB (2) and grey are stored as they are.
  const colorTransform = first(ifd['t262']) === 6;
  const rgba = new Uint8Array(page.width * page.height * 4);
  const data = new Uint8Array(bytes);
  try {
    if (offsets.length === 0 || offsets.length !== counts.length) throw new Error('no strips');
    offsets.forEach((offset, strip) => {
      const top = strip * rowsPerStrip;
      if (top >= page.height) return;
      const body = data.subarray(offset, offset + (counts[strip] as number));
      // The tables without their end marker, then the strip without its start marker.
      const whole = tables && tables.length > 4 ? concat(tables.subarray(0, tables.length - 2), body.subarray(2)) : body;
      const decoded = jpeg.decode(whole, { useTArray: true, formatAsRGBA: true, colorTransform, maxResolutionInMP: MAX_TIFF_PAGE_PIXELS / 1_000_000 });
      const rows = Math.min(decoded.height, page.height - top, rowsPerStrip);
      const width = Math.min(decoded.width, page.width);
      for (let row = 0; row < rows; row += 1) {
        const from = row * decoded.width * 4;
        rgba.set(decoded.data.subarray(from, from + width * 4), ((top + row) * page.width) * 4);
      }
    });
  } catch (error) {
    throw new TiffError('damaged', `page does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { width: page.width, height: page.height, rgba };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
