import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { HEAVY_SCALE, HEAVY_VARIANTS, heavyScanPage, SCAN_HEIGHT, SCAN_WIDTH, scanPageJpeg } from './scan-image';
import { SeededRandom } from './seeded-random';

const decode = (bytes: Buffer) => jpeg.decode(bytes, { useTArray: true });

/** Mean of the red, green and blue channels over an area of a decoded image. */
function meanTone(image: ReturnType<typeof decode>, left: number, top: number, width: number, height: number): number {
  let sum = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = left; x < left + width; x++) {
      const i = (y * image.width + x) * 4;
      sum += (image.data[i] as number) + (image.data[i + 1] as number) + (image.data[i + 2] as number);
    }
  }
  return sum / (3 * width * height);
}

describe('scanPageJpeg', () => {
  it('draws a standard scan at 680×962', () => {
    const image = decode(scanPageJpeg('letter', new SeededRandom('s'), 12));
    expect([image.width, image.height]).toEqual([SCAN_WIDTH, SCAN_HEIGHT]);
  });
});

describe('heavyScanPage', () => {
  it('is a large, high-resolution scan', () => {
    const scan = heavyScanPage('form', new SeededRandom('h-1'), 7);
    const image = decode(scan.page.jpeg);
    expect([image.width, image.height]).toEqual([Math.round(SCAN_WIDTH * HEAVY_SCALE), Math.round(SCAN_HEIGHT * HEAVY_SCALE)]);
    expect(scan.page.jpeg.length).toBeGreaterThan(250_000);
    expect(scan.page).toMatchObject({ left: 0, top: 0, width: 1, height: 1 });
  });

  it('reuses a few distinct images per layout, so pages cost no drawing', () => {
    const pages = Array.from({ length: 40 }, (_, i) => heavyScanPage('table', new SeededRandom(`page-${i}`), i + 1).page.jpeg);
    const distinct = new Set(pages);
    expect(distinct.size).toBeGreaterThan(1);
    expect(distinct.size).toBeLessThanOrEqual(HEAVY_VARIANTS);
    // Another layout looks different.
    expect(pages).not.toContain(heavyScanPage('photo', new SeededRandom('page-0'), 1).page.jpeg);
  });

  it('stamps each page number on a patch over the top right corner, matching the paper around it', () => {
    const random = () => new SeededRandom('same-variant');
    const a = heavyScanPage('letter', random(), 15);
    const b = heavyScanPage('letter', random(), 1234);
    expect(a.page.jpeg).toBe(b.page.jpeg);
    expect(a.stamp?.jpeg.equals(b.stamp?.jpeg as Buffer)).toBe(false);
    const stamp = a.stamp as NonNullable<typeof a.stamp>;
    expect(stamp.left).toBeGreaterThan(0.7);
    expect(stamp.left + stamp.width).toBeLessThanOrEqual(1);
    expect(stamp.top).toBeLessThan(0.05);

    const page = decode(a.page.jpeg);
    const patch = decode(stamp.jpeg);
    expect(patch.width).toBe(Math.round(stamp.width * page.width));
    expect(patch.height).toBe(Math.round(stamp.height * page.height));
    // The patch's left edge is blank paper, as the page is there; the digits make its right part darker.
    const paperOnPage = meanTone(page, Math.round(stamp.left * page.width), Math.round(stamp.top * page.height), 8, patch.height);
    expect(Math.abs(meanTone(patch, 0, 0, 8, patch.height) - paperOnPage)).toBeLessThan(6);
    expect(meanTone(patch, patch.width - 120, 0, 100, patch.height)).toBeLessThan(paperOnPage - 10);
  });

  it('has no patch for a page without a number', () => {
    expect(heavyScanPage('form', new SeededRandom('x'), null).stamp).toBeNull();
  });
});
