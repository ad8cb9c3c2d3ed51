/**
 * Where a search hit sits on a page read by OCR: the page's text is its lines in reading order,
 * so a hit's characters fall in one line or run over several; each part becomes a box, cut from
 * its line's box in proportion (typeset Chinese is set on an even grid).
 */
import type { PageBox, PageTextLine } from '../../shared/ocr';
import { pageTextOf } from './reading-order';

export function hitBoxes(lines: readonly PageTextLine[], start: number, end: number): PageBox[] {
  const { lines: ordered, spans } = pageTextOf(lines);
  const boxes: PageBox[] = [];
  for (const [i, [from, to]] of spans.entries()) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a >= b) continue;
    const [x0, y0, x1, y1] = (ordered[i] as PageTextLine).box;
    const length = Math.max(1, to - from);
    boxes.push([x0 + ((x1 - x0) * (a - from)) / length, y0, x0 + ((x1 - x0) * (b - from)) / length, y1]);
  }
  return boxes;
}
