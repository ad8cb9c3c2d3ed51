/**
 * Where a quotation sits on a page, in both directions: a selection's client rectangles become
 * fractions of the page as it shows unrotated (MarkRect), and those are drawn back at any zoom and
 * rotation. The viewer's rotation turns the page clockwise, as pdf.js does.
 */
import { MAX_MARK_RECTS, type MarkRect } from '../../shared/viewer';
import type { Rotation } from './zoom';

/** A rectangle in CSS pixels (client coordinates, or offsets inside the page's sheet). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Slivers thinner than this (CSS px) are the browser's empty line boxes, not text. */
const MIN_SIDE = 0.5;
/** Fractions are kept to this many places: a hundredth of a pixel on any screen. */
const PLACES = 1e5;

/** A point of the unrotated page (fractions) as it shows after the rotation. */
export function rotatePoint({ x, y }: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: 1 - y, y: x };
    case 180:
      return { x: 1 - x, y: 1 - y };
    case 270:
      return { x: y, y: 1 - x };
    default:
      return { x, y };
  }
}

/** A point as shown (fractions of the rotated sheet) back on the unrotated page. */
export function unrotatePoint({ x, y }: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: y, y: 1 - x };
    case 180:
      return { x: 1 - x, y: 1 - y };
    case 270:
      return { x: 1 - y, y: x };
    default:
      return { x, y };
  }
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number) => Math.round(value * PLACES) / PLACES;

function spanOf(a: Point, b: Point): MarkRect {
  const x = clamp(Math.min(a.x, b.x));
  const y = clamp(Math.min(a.y, b.y));
  return { x, y, w: clamp(Math.max(a.x, b.x)) - x, h: clamp(Math.max(a.y, b.y)) - y };
}

/** Two pieces of one line: they overlap mostly in height and touch (or nearly) along it. */
function sameLine(a: MarkRect, b: MarkRect): boolean {
  const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  const gap = Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w);
  return overlap > 0.6 * Math.min(a.h, b.h) && gap < Math.max(a.h, b.h);
}

function union(a: MarkRect, b: MarkRect): MarkRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * A selection's client rectangles on one page (the sheet's client box and the rotation it shows at)
 * as fractions of the unrotated page: clipped to the page, one rectangle per line piece (the text
 * layer's overlapping item boxes merged), at most MAX_MARK_RECTS.
 */
export function toPageRects(rects: readonly Box[], sheet: Box, rotation: Rotation): MarkRect[] {
  if (sheet.width <= 0 || sheet.height <= 0) return [];
  const pieces: MarkRect[] = [];
  for (const rect of rects) {
    const left = Math.max(rect.left, sheet.left);
    const top = Math.max(rect.top, sheet.top);
    const right = Math.min(rect.left + rect.width, sheet.left + sheet.width);
    const bottom = Math.min(rect.top + rect.height, sheet.top + sheet.height);
    if (right - left < MIN_SIDE || bottom - top < MIN_SIDE) continue;
    const shown = (x: number, y: number): Point => ({ x: (x - sheet.left) / sheet.width, y: (y - sheet.top) / sheet.height });
    pieces.push(spanOf(unrotatePoint(shown(left, top), rotation), unrotatePoint(shown(right, bottom), rotation)));
  }
  // Reading order on the page, then each piece folded into the line it continues.
  pieces.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: MarkRect[] = [];
  for (const piece of pieces) {
    const index = lines.findIndex((line) => sameLine(line, piece));
    if (index === -1) lines.push(piece);
    else lines[index] = union(lines[index] as MarkRect, piece);
  }
  return lines.slice(0, MAX_MARK_RECTS).map((rect) => {
    const x = round(rect.x);
    const y = round(rect.y);
    return { x, y, w: Math.min(round(rect.w), 1 - x), h: Math.min(round(rect.h), 1 - y) };
  });
}

/** A mark's rectangle drawn on a sheet of `size` (CSS px, as shown) at the rotation. */
export function toSheetBox(rect: MarkRect, rotation: Rotation, size: { width: number; height: number }): Box {
  const a = rotatePoint({ x: rect.x, y: rect.y }, rotation);
  const b = rotatePoint({ x: rect.x + rect.w, y: rect.y + rect.h }, rotation);
  const left = Math.min(a.x, b.x) * size.width;
  const top = Math.min(a.y, b.y) * size.height;
  return { left, top, width: Math.abs(a.x - b.x) * size.width, height: Math.abs(a.y - b.y) * size.height };
}

/** A click (client coordinates) as a point of the unrotated page; null off the sheet. */
export function pointOnPage(client: Point, sheet: Box, rotation: Rotation): Point | null {
  const x = (client.x - sheet.left) / sheet.width;
  const y = (client.y - sheet.top) / sheet.height;
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return null;
  return unrotatePoint({ x, y }, rotation);
}

/** Whether the point falls on one of the rectangles (with a little slack around thin lines). */
export function hits(rects: readonly MarkRect[] | undefined, point: Point, slack = 0.002): boolean {
  return (rects ?? []).some(
    (rect) => point.x >= rect.x - slack && point.x <= rect.x + rect.w + slack && point.y >= rect.y - slack && point.y <= rect.y + rect.h + slack,
  );
}
