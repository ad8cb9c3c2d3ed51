import { describe, expect, it } from 'vitest';
import { shownPage } from './page-scale';

const A4 = { width: 595, height: 842 };
/** A panorama photo, 3000 × 500 px at 96 dpi. */
const PANORAMA = { width: 2250, height: 375 };
const AREA = { width: 900, height: 700 };

describe('shownPage', () => {
  it('fits each page to the width by its own size, so a wide photo fits beside A4 pages', () => {
    const page = shownPage('fit-width', A4, 0, AREA);
    const photo = shownPage('fit-width', PANORAMA, 0, AREA);
    // Scales are kept to 3 decimals: a pixel short of the area at most.
    expect(page.width).toBeGreaterThanOrEqual(898);
    expect(page.width).toBeLessThanOrEqual(900);
    expect(photo.width).toBeGreaterThanOrEqual(898);
    expect(photo.width).toBeLessThanOrEqual(900);
    expect(photo.height).toBe(150);
    expect(photo.scale).toBeLessThan(page.scale);
  });

  it('fits the whole page in fit-page, turned when rotated', () => {
    expect(shownPage('fit-page', A4, 0, AREA).height).toBeGreaterThanOrEqual(698);
    const turned = shownPage('fit-page', A4, 90, AREA);
    expect(turned.width).toBeGreaterThanOrEqual(898);
    expect(turned.height).toBeLessThan(700);
  });

  it('shows every page at the same scale under a fixed zoom', () => {
    expect(shownPage(1, A4, 0, AREA)).toEqual({ scale: 1, width: 793, height: 1122 });
    expect(shownPage(1, PANORAMA, 0, AREA).scale).toBe(1);
  });
});
