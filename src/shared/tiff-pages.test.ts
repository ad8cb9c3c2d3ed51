import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTiffPage, readTiff, TiffError } from './tiff-pages';

const run = promisify(execFile);
let folder: string;

/** Two A4 pages at 150 dpi: a black bar on the first, a black disc on the second. */
async function scans(): Promise<[string, string]> {
  const one = join(folder, 'one.png');
  const two = join(folder, 'two.png');
  await run('convert', ['-size', '1240x1754', 'xc:white', '-fill', 'black', '-draw', 'rectangle 100,100 1100,300', one]);
  await run('convert', ['-size', '1240x1754', 'xc:white', '-fill', 'black', '-draw', 'circle 600,900 600,1300', two]);
  return [one, two];
}

async function bytesOf(name: string): Promise<ArrayBuffer> {
  const buffer = await readFile(join(folder, name));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

function darkPixels(rgba: Uint8Array): number {
  let dark = 0;
  for (let at = 0; at < rgba.length; at += 4) if ((rgba[at] as number) < 128) dark += 1;
  return dark;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tiff-pages-'));
  const [one, two] = await scans();
  const common = ['-density', '150', '-units', 'PixelsPerInch'];
  // As scanners write them: uncompressed, PackBits, LZW, JPEG, and bilevel CCITT G4 fax (libtiff's own tiffcp).
  await run('convert', [one, two, ...common, '-compress', 'None', join(folder, 'none.tif')]);
  await run('convert', [one, ...common, '-compress', 'RLE', join(folder, 'packbits.tif')]);
  await run('convert', [one, two, ...common, '-compress', 'LZW', join(folder, 'lzw.tif')]);
  await run('convert', [one, ...common, '-compress', 'JPEG', join(folder, 'jpeg.tif')]);
  await run('convert', [one, two, ...common, '-monochrome', '-depth', '1', '-compress', 'None', join(folder, 'bilevel.tif')]);
  await run('tiffcp', ['-c', 'g4', join(folder, 'bilevel.tif'), join(folder, 'g4.tif')]);
  // A colour photo as JPEG-in-TIFF (YCbCr).
  await run('convert', ['-size', '600x400', 'xc:white', '-fill', '#d02020', '-draw', 'rectangle 100,100 299,299', '-alpha', 'off', '-type', 'TrueColor', '-compress', 'JPEG', join(folder, 'colour.tif')]);
  // Big-endian, with no resolution: sized pixel for pixel.
  await run('tiffcp', ['-B', '-c', 'lzw', join(folder, 'packbits.tif'), join(folder, 'big-endian.tif')]);
  await run('convert', [one, '-strip', '+set', 'density', '-compress', 'LZW', join(folder, 'no-dpi.tif')]);
}, 180_000);

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('readTiff and decodeTiffPage', () => {
  it.each([
    ['none.tif', 2],
    ['packbits.tif', 1],
    ['lzw.tif', 2],
    ['jpeg.tif', 1],
    ['g4.tif', 2],
    ['big-endian.tif', 1],
  ])('%s: every page, sized from its resolution, decoded to its pixels', async (name, count) => {
    const file = readTiff(await bytesOf(name));
    expect(file.pages).toHaveLength(count);
    const [first] = file.pages;
    expect(first).toMatchObject({ width: 1240, height: 1754 });
    if (name !== 'big-endian.tif') {
      // 1240 px at 150 dpi: an A4 sheet, 595 × 842 points.
      expect(first?.size.width).toBeCloseTo(595.2, 0);
      expect(first?.size.height).toBeCloseTo(841.9, 0);
    }
    const page = decodeTiffPage(file, 0);
    expect(page.rgba.length).toBe(1240 * 1754 * 4);
    // The bar is 1000 × 200 px of black (JPEG blurs its edges a little).
    expect(darkPixels(page.rgba)).toBeGreaterThan(190_000);
    expect(darkPixels(page.rgba)).toBeLessThan(215_000);
    if (count === 2) {
      // The second page is the disc (π · 400² ≈ 502,655 px), not the first page again.
      const second = decodeTiffPage(file, 1);
      expect(darkPixels(second.rgba)).toBeGreaterThan(490_000);
      expect(darkPixels(second.rgba)).toBeLessThan(515_000);
    }
  });

  it('decodes a colour JPEG-in-TIFF to its colours', async () => {
    const file = readTiff(await bytesOf('colour.tif'));
    const { rgba } = decodeTiffPage(file, 0);
    let red = 0;
    for (let at = 0; at < rgba.length; at += 4) {
      if ((rgba[at] as number) > 170 && (rgba[at + 1] as number) < 80 && (rgba[at + 2] as number) < 80) red += 1;
    }
    // The 200 × 200 square, give or take its JPEG edges.
    expect(red).toBeGreaterThan(38_000);
    expect(red).toBeLessThan(41_000);
  });

  it('sizes a page without a resolution pixel for pixel (96 dpi)', async () => {
    const [page] = readTiff(await bytesOf('no-dpi.tif')).pages;
    expect(page?.size).toEqual({ width: 930, height: 1315.5 });
  });

  it('refuses a page over the pixel limit before decoding it, with the reason', async () => {
    const file = readTiff(await bytesOf('lzw.tif'));
    expect(() => decodeTiffPage(file, 0, 1_000_000)).toThrow(TiffError);
    try {
      decodeTiffPage(file, 0, 1_000_000);
    } catch (error) {
      expect(error).toMatchObject({ reason: 'too-large' });
      expect((error as Error).message).toContain('1240 × 1754');
    }
  });

  it('says damaged for bytes that are not a TIFF, and for a page whose pixels are cut off', async () => {
    const reasonOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return error instanceof TiffError ? error.reason : 'other';
      }
      return null;
    };
    expect(reasonOf(() => readTiff(new TextEncoder().encode('II*\0 not really').buffer as ArrayBuffer))).toBe('damaged');
    // ImageMagick writes the directory after the pixels: zero the first page's JPEG data, keep the rest.
    const bytes = new Uint8Array(await bytesOf('jpeg.tif'));
    bytes.fill(0, 8, 20_000);
    expect(reasonOf(() => decodeTiffPage(readTiff(bytes.buffer as ArrayBuffer), 0))).toBe('damaged');
  });
});
