import { describe, expect, it } from 'vitest';
import type { PageBox } from '../../shared/ocr';
import { toSheetBox } from './mark-geometry';
import { applyMatrix, layerFrame, lineSpan, type FontMeasure } from './ocr-span-geometry';
import type { Rotation } from './zoom';

/** Every character one em wide, the font's box 1.25 em tall (as CJK fonts roughly are). */
const font: FontMeasure = { width: (text) => [...text].length, boxPerPx: 1.25 };
const page = { width: 600, height: 800 };

describe('recognised line spans', () => {
  it('puts a line at its box, the font’s box as tall as the line, the text stretched to its width', () => {
    const span = lineSpan([0.1, 0.2, 0.5, 0.25], '讯问笔录', page, font);
    // 40 px tall: a 32 px font whose box is 40 px; 4 em = 128 px stretched to 240 px.
    expect(span?.left).toBeCloseTo(10, 9);
    expect(span?.top).toBeCloseTo(20, 9);
    expect(span?.fontSize).toBeCloseTo(32, 9);
    expect(span?.lineHeight).toBeCloseTo(40, 9);
    expect(span?.scaleX).toBeCloseTo(240 / 128, 9);
  });

  it('follows the zoom: twice the page, twice the font, the same stretch', () => {
    const small = lineSpan([0.1, 0.2, 0.5, 0.25], '讯问笔录', page, font);
    const large = lineSpan([0.1, 0.2, 0.5, 0.25], '讯问笔录', { width: 1200, height: 1600 }, font);
    expect(large?.fontSize).toBe(2 * (small?.fontSize ?? 0));
    expect(large?.scaleX).toBeCloseTo(small?.scaleX ?? 0, 10);
    expect(large?.left).toBe(small?.left);
  });

  it('takes corners in either order and keeps a box that runs off the page on it', () => {
    expect(lineSpan([0.5, 0.25, 0.1, 0.2], '讯问笔录', page, font)).toEqual(lineSpan([0.1, 0.2, 0.5, 0.25], '讯问笔录', page, font));
    const clipped = lineSpan([-0.1, 0.9, 0.3, 1.2], '签名', page, font);
    expect(clipped?.left).toBe(0);
    expect(clipped?.lineHeight).toBeCloseTo(0.1 * 800, 6);
  });

  it('leaves out lines with no text or a box too small to select', () => {
    expect(lineSpan([0.1, 0.2, 0.5, 0.25], '  ', page, font)).toBeNull();
    expect(lineSpan([0.1, 0.2, 0.1005, 0.25], '一', page, font)).toBeNull();
    expect(lineSpan([0.1, 0.2, 0.5, 0.2], '一', page, font)).toBeNull();
  });

  it('does not divide by nothing when the font cannot be measured', () => {
    const span = lineSpan([0, 0, 0.5, 0.05], '甲', page, { width: () => 0, boxPerPx: 0 });
    expect(span?.scaleX).toBe(1);
    expect(span?.fontSize).toBe(40);
  });
});

describe('turning the layer with the page', () => {
  const box: PageBox = [0.1, 0.2, 0.5, 0.25];
  it.each([0, 90, 180, 270] as Rotation[])('puts a line turned %i° where the highlight marks draw it', (rotation) => {
    const sheet = rotation % 180 === 0 ? { width: 600, height: 800 } : { width: 800, height: 600 };
    const frame = layerFrame(rotation, sheet);
    expect({ width: frame.width, height: frame.height }).toEqual(page);
    // The box's corners on the layer (the page unturned), through the layer's matrix.
    const corners = [
      applyMatrix(frame.matrix, box[0] * frame.width, box[1] * frame.height),
      applyMatrix(frame.matrix, box[2] * frame.width, box[3] * frame.height),
    ];
    const left = Math.min(corners[0]!.x, corners[1]!.x);
    const top = Math.min(corners[0]!.y, corners[1]!.y);
    const expected = toSheetBox({ x: box[0], y: box[1], w: box[2] - box[0], h: box[3] - box[1] }, rotation, sheet);
    expect(left).toBeCloseTo(expected.left, 6);
    expect(top).toBeCloseTo(expected.top, 6);
    expect(Math.abs(corners[0]!.x - corners[1]!.x)).toBeCloseTo(expected.width, 6);
    expect(Math.abs(corners[0]!.y - corners[1]!.y)).toBeCloseTo(expected.height, 6);
  });

  it('keeps the turned layer on the sheet', () => {
    const frame = layerFrame(90, { width: 800, height: 600 });
    const far = applyMatrix(frame.matrix, frame.width, frame.height);
    expect(far.x).toBeCloseTo(0, 6);
    expect(far.y).toBeCloseTo(600, 6);
    expect(applyMatrix(frame.matrix, 0, 0)).toEqual({ x: 800, y: 0 });
  });
});
