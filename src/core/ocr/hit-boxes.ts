/**
 * Where a search hit sits on a page read by OCR: the page's text is its lines in reading order,
 * so a hit's characters fall in one line or run over several; each part becomes a box, cut from
 * its line's box by the characters' widths (an ideograph or full-width form one em, digits and
 * Latin letters about half: 1977年4月17日 is narrower than its count of characters says).
 */
import type { PageBox, PageTextLine } from '../../shared/ocr';
import { pageTextOf } from './reading-order';

/** Width in ems of one UTF-16 unit as printed: half for ASCII and half-width forms, else one. */
function widthOf(code: number): number {
  if (code < 0x2e80) return code === 0x20 ? 0.3 : 0.55;
  if (code >= 0xff61 && code <= 0xffdc) return 0.55;
  // A low surrogate carries no width of its own (its high surrogate counted the character).
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 1;
}

/** Where each position of the text starts, in ems from its start (length + 1 entries). */
function offsets(text: string): number[] {
  const at = [0];
  for (let i = 0; i < text.length; i++) at.push((at[i] as number) + widthOf(text.charCodeAt(i)));
  return at;
}

export function hitBoxes(lines: readonly PageTextLine[], start: number, end: number): PageBox[] {
  const { lines: ordered, spans } = pageTextOf(lines);
  const boxes: PageBox[] = [];
  for (const [i, [from, to]] of spans.entries()) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a >= b) continue;
    const line = ordered[i] as PageTextLine;
    const [x0, y0, x1, y1] = line.box;
    const ems = offsets(line.text);
    const total = Math.max(1e-9, ems[ems.length - 1] as number);
    const left = (ems[a - from] as number) / total;
    const right = (ems[b - from] as number) / total;
    boxes.push([x0 + (x1 - x0) * left, y0, x0 + (x1 - x0) * right, y1]);
  }
  return boxes;
}
