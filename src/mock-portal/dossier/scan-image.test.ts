import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { buildCaseProfile, type Person } from './case-profile';
import { HEAVY_SCALE, heavyScanPage, scanPageJpeg, STANDARD_HEIGHT, STANDARD_WIDTH } from './scan-image';
import { layoutScanContent, SCAN_HEIGHT, SCAN_WIDTH, scanPageLines, scanPageText } from './scan-layout';
import { arrestWarrant, bankStatement, caseRegistration } from './scan-texts';
import { SeededRandom } from './seeded-random';

const decode = (bytes: Buffer) => jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 1024 });
type Image = ReturnType<typeof decode>;

const profile = buildCaseProfile({ caseName: '陈浩然涉嫌诈骗案', unitName: '重庆市涪陵区人民检察院', suspects: ['陈浩然', '刘晓东'] }, new SeededRandom('scan-image-profile'));
const form = layoutScanContent(caseRegistration(profile, new SeededRandom('form')));
const statement = layoutScanContent(bankStatement(profile, 0, new SeededRandom('b')));

/** Mean of the red, green and blue channels over an area of a decoded image. */
function meanTone(image: Image, left: number, top: number, width: number, height: number): number {
  let sum = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = left; x < left + width; x++) {
      const i = (y * image.width + x) * 4;
      sum += (image.data[i] as number) + (image.data[i + 1] as number) + (image.data[i + 2] as number);
    }
  }
  return sum / (3 * width * height);
}

/** Share of dark (inked) pixels in a box given in layout units, grown by `grow` pixels. */
function inkShare(image: Image, [left, top, right, bottom]: [number, number, number, number], grow = 0): number {
  const sx = image.width / SCAN_WIDTH;
  const sy = image.height / SCAN_HEIGHT;
  const [x0, y0] = [Math.max(0, Math.floor(left * sx) - grow), Math.max(0, Math.floor(top * sy) - grow)];
  const [x1, y1] = [Math.min(image.width, Math.ceil(right * sx) + grow), Math.min(image.height, Math.ceil(bottom * sy) + grow)];
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const luma = 0.3 * (image.data[i] as number) + 0.59 * (image.data[i + 1] as number) + 0.11 * (image.data[i + 2] as number);
      if (luma < 110) dark++;
    }
  }
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

describe('scanPageJpeg', () => {
  it('draws a standard scan at 150 dpi over A4, as a JPEG of moderate size', () => {
    const bytes = scanPageJpeg(form, new SeededRandom('s'), 12);
    const image = decode(bytes);
    expect([image.width, image.height]).toEqual([STANDARD_WIDTH, STANDARD_HEIGHT]);
    expect(bytes.length).toBeGreaterThan(40_000);
    expect(bytes.length).toBeLessThan(300_000);
  });

  it('has ink on every line of its ground truth, the stamped page number first, and none in the margins', () => {
    for (const plan of [form, layoutScanContent(arrestWarrant(profile, profile.suspects[0] as Person, new SeededRandom('w'))), statement]) {
      const image = decode(scanPageJpeg(plan, new SeededRandom('ink'), 3458));
      const lines = scanPageLines(plan, 3458);
      expect(lines[0]?.text).toBe('3458');
      expect(lines.length).toBeGreaterThan(10);
      // A skew of up to 0.35° moves a line's ends by a few pixels.
      for (const line of lines) expect(inkShare(image, line.box, 4), line.text).toBeGreaterThan(0.04);
      expect(inkShare(image, [14, 0, 52, SCAN_HEIGHT])).toBe(0);
      expect(inkShare(image, [14, SCAN_HEIGHT - 40, SCAN_WIDTH - 14, SCAN_HEIGHT - 4])).toBe(0);
      // Between the stamp and the title, the paper is blank.
      expect(inkShare(image, [60, 58, SCAN_WIDTH - 60, 82])).toBe(0);
    }
  });

  it('draws real text from the case: the unit of 重庆市涪陵区, with its rare 涪', () => {
    const text = scanPageText(form, null);
    expect(text.split('\n').slice(0, 2)).toEqual(['重庆市涪陵区公安局', '受案登记表']);
    expect(profile.victims.some((victim) => text.includes(`报案人 ${victim.name}`))).toBe(true);
    expect(text).toContain('涪');
  });

  it('is reproducible, and each page has its own paper and skew', () => {
    const a = scanPageJpeg(form, new SeededRandom('same'), 5);
    expect(scanPageJpeg(form, new SeededRandom('same'), 5).equals(a)).toBe(true);
    expect(scanPageJpeg(form, new SeededRandom('other'), 5).equals(a)).toBe(false);
  });
});

describe('heavyScanPage', () => {
  it('is a large, high-resolution scan', () => {
    const scan = heavyScanPage(statement, 7);
    const image = decode(scan.page.jpeg);
    expect([image.width, image.height]).toEqual([Math.round(SCAN_WIDTH * HEAVY_SCALE), Math.round(SCAN_HEIGHT * HEAVY_SCALE)]);
    expect(scan.page.jpeg.length).toBeGreaterThan(250_000);
    expect(scan.page).toMatchObject({ left: 0, top: 0, width: 1, height: 1 });
    // The same lines, in ink, at this resolution too.
    for (const line of scanPageLines(statement, null)) expect(inkShare(image, line.box, 5), line.text).toBeGreaterThan(0.04);
  });

  it('draws a plan once and reuses the image, so pages cost no drawing', () => {
    const first = heavyScanPage(form, 1).page.jpeg;
    expect(heavyScanPage(form, 2).page.jpeg).toBe(first);
    // An equal plan made anew is the same image; another plan is another.
    expect(heavyScanPage(layoutScanContent(caseRegistration(profile, new SeededRandom('form'))), 3).page.jpeg).toBe(first);
    expect(heavyScanPage(layoutScanContent(caseRegistration(profile, new SeededRandom('form-2'))), 3).page.jpeg).not.toBe(first);
  });

  it('stamps each page number on a patch over the top right corner, matching the paper around it', () => {
    const a = heavyScanPage(form, 15);
    const b = heavyScanPage(form, 1234);
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
    expect(heavyScanPage(form, null).stamp).toBeNull();
  });
});
