import { describe, expect, it } from 'vitest';
import { MAX_MARK_RECTS } from '../../shared/viewer';
import { hits, pointOnPage, rotatePoint, toPageRects, toSheetBox, unrotatePoint, type Box } from './mark-geometry';
import type { Rotation } from './zoom';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];

/** An A4 page (595×842 pt) at 150% (CSS px per pt 4/3), its sheet placed at (100, 50) on screen. */
const PAGE = { width: 595 * 2, height: 842 * 2 };
function sheetAt(rotation: Rotation, scale = 1): Box {
  const turned = rotation % 180 === 0;
  return { left: 100, top: 50, width: (turned ? PAGE.width : PAGE.height) * scale, height: (turned ? PAGE.height : PAGE.width) * scale };
}

/** Where a box of the unrotated page (in its own px at scale 1) shows on screen at a rotation and zoom. */
function onScreen(box: Box, rotation: Rotation, scale = 1): Box {
  const sheet = sheetAt(rotation, scale);
  const drawn = toSheetBox({ x: box.left / PAGE.width, y: box.top / PAGE.height, w: box.width / PAGE.width, h: box.height / PAGE.height }, rotation, sheet);
  return { left: sheet.left + drawn.left, top: sheet.top + drawn.top, width: drawn.width, height: drawn.height };
}

describe('mark geometry', () => {
  it('turns points clockwise and back', () => {
    expect(rotatePoint({ x: 0, y: 0 }, 90)).toEqual({ x: 1, y: 0 });
    expect(rotatePoint({ x: 1, y: 0 }, 90)).toEqual({ x: 1, y: 1 });
    expect(rotatePoint({ x: 0, y: 0 }, 270)).toEqual({ x: 0, y: 1 });
    expect(rotatePoint({ x: 0.25, y: 0.1 }, 180)).toEqual({ x: 0.75, y: 0.9 });
    for (const rotation of ROTATIONS) {
      const back = unrotatePoint(rotatePoint({ x: 0.2, y: 0.7 }, rotation), rotation);
      expect(back.x).toBeCloseTo(0.2, 10);
      expect(back.y).toBeCloseTo(0.7, 10);
    }
  });

  it('keeps a line selected at one rotation and zoom where it is at every other', () => {
    // A line of text 600×24 px at (119, 238) of the unrotated page at scale 1.
    const line: Box = { left: 119, top: 238, width: 600, height: 24 };
    for (const selectedAt of ROTATIONS) {
      const rects = toPageRects([onScreen(line, selectedAt, 0.5)], sheetAt(selectedAt, 0.5), selectedAt);
      expect(rects).toHaveLength(1);
      const [rect] = rects;
      expect(rect?.x).toBeCloseTo(119 / PAGE.width, 4);
      expect(rect?.y).toBeCloseTo(238 / PAGE.height, 4);
      expect(rect?.w).toBeCloseTo(600 / PAGE.width, 4);
      expect(rect?.h).toBeCloseTo(24 / PAGE.height, 4);
      for (const drawnAt of ROTATIONS) {
        const sheet = sheetAt(drawnAt, 1.5);
        const drawn = toSheetBox(rect!, drawnAt, sheet);
        const expected = onScreen(line, drawnAt, 1.5);
        expect(drawn.left + sheet.left).toBeCloseTo(expected.left, 1);
        expect(drawn.top + sheet.top).toBeCloseTo(expected.top, 1);
        expect(drawn.width).toBeCloseTo(expected.width, 1);
        expect(drawn.height).toBeCloseTo(expected.height, 1);
      }
    }
  });

  it('draws a line turned a quarter as a column on the right', () => {
    // The top strip of the page, turned 90° clockwise, is the right-hand strip of the sheet.
    const drawn = toSheetBox({ x: 0, y: 0, w: 1, h: 0.1 }, 90, { width: 842, height: 595 });
    expect(drawn.left).toBeCloseTo(842 * 0.9, 6);
    expect(drawn.top).toBe(0);
    expect(drawn.width).toBeCloseTo(84.2, 6);
    expect(drawn.height).toBe(595);
  });

  it('merges the pieces of a line, keeps lines apart, clips to the page and drops slivers', () => {
    const sheet = sheetAt(0);
    const rects = toPageRects(
      [
        { left: 200, top: 300, width: 100, height: 20 },
        { left: 300, top: 301, width: 120, height: 19 }, // the next item of the same line
        { left: 250, top: 302, width: 40, height: 16 }, // inside the first
        { left: 200, top: 330, width: 300, height: 20 }, // the next line
        { left: 50, top: 400, width: 100, height: 20 }, // runs off the sheet's left edge
        { left: 600, top: 500, width: 0.2, height: 20 }, // an empty line box
        { left: 5000, top: 5000, width: 10, height: 10 }, // off the page
      ],
      sheet,
      0,
    );
    const px = (rect: { x: number; y: number; w: number; h: number }) => [rect.x * sheet.width + 100, rect.y * sheet.height + 50, rect.w * sheet.width, rect.h * sheet.height].map((v) => Math.round(v));
    expect(rects.map(px)).toEqual([
      [200, 300, 220, 20],
      [200, 330, 300, 20],
      [100, 400, 50, 20],
    ]);
  });

  it('keeps at most MAX_MARK_RECTS, every one inside the page', () => {
    const sheet = sheetAt(0);
    const many = Array.from({ length: MAX_MARK_RECTS + 50 }, (_, i) => ({ left: 100, top: 50 + i * 8, width: PAGE.width + 40, height: 6 }));
    const rects = toPageRects(many, sheet, 0);
    expect(rects).toHaveLength(MAX_MARK_RECTS);
    for (const rect of rects) {
      expect(rect.x + rect.w).toBeLessThanOrEqual(1);
      expect(rect.y + rect.h).toBeLessThanOrEqual(1);
      expect(Math.min(rect.x, rect.y, rect.w, rect.h)).toBeGreaterThanOrEqual(0);
    }
  });

  it('finds the mark under a click at any rotation', () => {
    const mark = [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }];
    for (const rotation of ROTATIONS) {
      const sheet = sheetAt(rotation);
      const inside = toSheetBox({ x: 0.3, y: 0.21, w: 0, h: 0 }, rotation, sheet);
      const point = pointOnPage({ x: sheet.left + inside.left, y: sheet.top + inside.top }, sheet, rotation);
      expect(point && hits(mark, point), `rotation ${rotation}`).toBe(true);
      const outside = toSheetBox({ x: 0.3, y: 0.5, w: 0, h: 0 }, rotation, sheet);
      const elsewhere = pointOnPage({ x: sheet.left + outside.left, y: sheet.top + outside.top }, sheet, rotation);
      expect(elsewhere && hits(mark, elsewhere)).toBe(false);
    }
    expect(pointOnPage({ x: 0, y: 0 }, sheetAt(0), 0)).toBeNull();
  });
});
