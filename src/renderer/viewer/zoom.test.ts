import { describe, expect, it } from 'vitest';
import { clampScale, CSS_PER_POINT, percentOf, rotateBy, rotated, scaleFor, zoomIn, zoomOut } from './zoom';

const A4 = { width: 595, height: 842 };

describe('zoom steps', () => {
  it('steps through the presets and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.25);
    expect(zoomIn(1.1)).toBe(1.25);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(1)).toBe(0.75);
    expect(zoomOut(1.1)).toBe(1);
    expect(zoomOut(0.5)).toBe(0.25);
    expect(zoomOut(0.25)).toBe(0.25);
  });

  it('clamps scales to the supported range', () => {
    expect(clampScale(0.01)).toBe(0.25);
    expect(clampScale(9)).toBe(4);
    expect(clampScale(1.23456)).toBe(1.235);
  });
});

describe('scaleFor', () => {
  it('fits the width or the whole page, honouring the rotation', () => {
    const area = { width: 800, height: 600 };
    expect(scaleFor('fit-width', A4, 0, area)).toBeCloseTo(800 / (595 * CSS_PER_POINT), 3);
    expect(scaleFor('fit-page', A4, 0, area)).toBeCloseTo(600 / (842 * CSS_PER_POINT), 3);
    // Turned a quarter, the page's long side runs across.
    expect(scaleFor('fit-width', A4, 90, area)).toBeCloseTo(800 / (842 * CSS_PER_POINT), 3);
    expect(scaleFor('fit-page', A4, 270, area)).toBeCloseTo(Math.min(800 / (842 * CSS_PER_POINT), 600 / (595 * CSS_PER_POINT)), 3);
    expect(scaleFor(1.5, A4, 0, area)).toBe(1.5);
  });
});

describe('rotation', () => {
  it('turns clockwise and back, wrapping at a full turn', () => {
    expect(rotateBy(0, 90)).toBe(90);
    expect(rotateBy(270, 90)).toBe(0);
    expect(rotateBy(0, -90)).toBe(270);
    expect(rotated(A4, 90)).toEqual({ width: 842, height: 595 });
    expect(rotated(A4, 180)).toEqual(A4);
    expect(percentOf(1.25)).toBe('125%');
  });
});
