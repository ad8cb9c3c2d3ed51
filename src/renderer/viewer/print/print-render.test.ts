import { describe, expect, it } from 'vitest';
import { fitToSheet, PRINT_DPI } from './print-render';

/** An A4 sheet at print resolution, in pixels. */
const sheet = { width: (210 / 25.4) * PRINT_DPI, height: (297 / 25.4) * PRINT_DPI };

describe('fitToSheet', () => {
  it('fills an A4 sheet with an A4 page at print resolution', () => {
    const { scale, turn } = fitToSheet(595.28, 841.89);
    expect(turn).toBe(0);
    expect(595.28 * scale).toBeCloseTo(sheet.width, -1);
    expect(841.89 * scale).toBeLessThanOrEqual(sheet.height + 1);
  });

  it('turns a page lying sideways so it stands on the portrait sheet', () => {
    const { scale, turn } = fitToSheet(841.89, 595.28);
    expect(turn).toBe(90);
    expect(595.28 * scale).toBeCloseTo(sheet.width, -1);
  });

  it('keeps a long narrow page within the sheet', () => {
    const { scale } = fitToSheet(300, 2000);
    expect(2000 * scale).toBeCloseTo(sheet.height, 0);
    expect(300 * scale).toBeLessThan(sheet.width);
  });

  it('bounds a huge scan to the sheet’s pixels', () => {
    const { scale, turn } = fitToSheet(7000, 9900);
    expect(turn).toBe(0);
    expect(7000 * 9900 * scale * scale).toBeLessThan(sheet.width * sheet.height * 1.01);
  });
});
