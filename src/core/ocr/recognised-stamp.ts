/**
 * The 卷宗页码 stamped on a scanned sheet, from what OCR read: a line of digits alone in a top
 * corner (the same rule the text layer's stamp follows, in page fractions).
 */
import type { PageTextLine } from '../../shared/ocr';

const TOP_BAND = 0.1;
const CORNER = 0.35;

export function recognisedStamp(lines: readonly PageTextLine[]): number | null {
  const found: number[] = [];
  for (const line of lines) {
    const [x0, y0, x1, y1] = line.box;
    if (y1 > TOP_BAND + 0.02 || y0 > TOP_BAND) continue;
    const digits = line.text.trim().replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
    if (!/^\d{1,5}$/.test(digits)) continue;
    if (x0 < 1 - CORNER - 0.0 && x1 > CORNER) continue;
    // Nothing else may share its line (a date or a file number is not a stamp).
    const crowded = lines.some((other) => other !== line && other.box[1] < y1 && other.box[3] > y0);
    if (!crowded) found.push(Number(digits));
  }
  return found.length === 1 ? (found[0] as number) : null;
}
