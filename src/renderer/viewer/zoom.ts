import type { ReadingPosition } from '../../shared/viewer';

export type Zoom = ReadingPosition['zoom'];
export type Rotation = ReadingPosition['rotation'];

/** The preset scales of the zoom menu (1 = the page at its printed size). */
export const ZOOM_PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;

/** CSS pixels per PDF point: 100% shows a page at its printed size on a 96 dpi screen. */
export const CSS_PER_POINT = 96 / 72;

export interface Size {
  width: number;
  height: number;
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 1000) / 1000));
}

/** The next preset above the scale shown (Ctrl +). */
export function zoomIn(scale: number): number {
  return ZOOM_PRESETS.find((preset) => preset > scale + 0.001) ?? MAX_SCALE;
}

/** The next preset below the scale shown (Ctrl −). */
export function zoomOut(scale: number): number {
  return [...ZOOM_PRESETS].reverse().find((preset) => preset < scale - 0.001) ?? MIN_SCALE;
}

/** A page's size (in points) as shown after a rotation. */
export function rotated(size: Size, rotation: Rotation): Size {
  return rotation % 180 === 0 ? size : { width: size.height, height: size.width };
}

export function rotateBy(rotation: Rotation, degrees: 90 | -90): Rotation {
  return (((rotation + degrees) % 360) + 360) % 360 as Rotation;
}

/**
 * The scale a zoom setting means for a page (size in points, unrotated) in an area of `area` CSS
 * pixels: fit-width fills the width, fit-page shows the whole page; a number is itself.
 */
export function scaleFor(zoom: Zoom, page: Size, rotation: Rotation, area: Size): number {
  if (typeof zoom === 'number') return clampScale(zoom);
  const shown = rotated(page, rotation);
  const width = Math.max(1, area.width) / (shown.width * CSS_PER_POINT);
  if (zoom === 'fit-width') return clampScale(width);
  const height = Math.max(1, area.height) / (shown.height * CSS_PER_POINT);
  return clampScale(Math.min(width, height));
}

/** 125% for 1.25. */
export function percentOf(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
