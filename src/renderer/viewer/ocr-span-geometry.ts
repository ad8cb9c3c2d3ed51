/**
 * Where the invisible text of a scanned page goes (a 双层 PDF's text layer): one span per recognised
 * line, at its box, the font as tall as the box and the text stretched to its width. Like pdf.js's
 * text layer, the spans are laid out on the page as it shows unturned, and the whole layer is turned
 * onto the sheet with the page.
 */
import type { PageBox } from '../../shared/ocr';
import type { Rotation, Size } from './zoom';

/** A CSS matrix(a, b, c, d, e, f), applied from the layer's top-left corner. */
export type Matrix = [number, number, number, number, number, number];

export interface LayerFrame {
  /** The layer's size: the page as it shows unturned (CSS px). */
  width: number;
  height: number;
  /** Turns the layer onto the sheet as shown (clockwise, as pdf.js and the canvas turn the page). */
  matrix: Matrix;
}

/** The layer for a sheet shown at `sheet` (CSS px, turned) and the page's rotation. */
export function layerFrame(rotation: Rotation, sheet: Size): LayerFrame {
  const sideways = rotation % 180 !== 0;
  const width = sideways ? sheet.height : sheet.width;
  const height = sideways ? sheet.width : sheet.height;
  switch (rotation) {
    case 90:
      return { width, height, matrix: [0, 1, -1, 0, height, 0] };
    case 180:
      return { width, height, matrix: [-1, 0, 0, -1, width, height] };
    case 270:
      return { width, height, matrix: [0, -1, 1, 0, 0, width] };
    default:
      return { width, height, matrix: [1, 0, 0, 1, 0, 0] };
  }
}

/** A point of the layer (CSS px) where the matrix puts it on the sheet. */
export function applyMatrix([a, b, c, d, e, f]: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: a * x + c * y + e, y: b * x + d * y + f };
}

/** The font the spans are set in, as measured by the browser. */
export interface FontMeasure {
  /** The text's advance at a font size of 1 px. */
  width(text: string): number;
  /** Height of the font's box (ascent + descent) per px of font size. */
  boxPerPx: number;
}

export interface LineSpan {
  /** Of the layer (the page unturned), in percent. */
  left: number;
  top: number;
  /** CSS px at the current zoom: the font's box fills the line's box. */
  fontSize: number;
  lineHeight: number;
  /** Stretches the text to the box's width. */
  scaleX: number;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
/** Boxes smaller than this (CSS px) hold nothing one could select. */
const MIN_SIDE = 1;

/**
 * A recognised line's span on a page shown at `page` (CSS px, unturned); null for a line with no
 * text or a box too small to hold any.
 */
export function lineSpan(box: PageBox, text: string, page: Size, font: FontMeasure): LineSpan | null {
  const [ax, ay, bx, by] = box.map(clamp) as PageBox;
  const x0 = Math.min(ax, bx);
  const y0 = Math.min(ay, by);
  const width = (Math.max(ax, bx) - x0) * page.width;
  const height = (Math.max(ay, by) - y0) * page.height;
  if (text.trim() === '' || width < MIN_SIDE || height < MIN_SIDE) return null;
  const fontSize = height / (font.boxPerPx > 0 ? font.boxPerPx : 1);
  const natural = font.width(text) * fontSize;
  return {
    left: x0 * 100,
    top: y0 * 100,
    fontSize,
    lineHeight: height,
    scaleX: natural > 0 ? width / natural : 1,
  };
}
