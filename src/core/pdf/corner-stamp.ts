/**
 * The archive's page number (卷宗页码) as stamped on a sheet: a number alone in a top corner. Read
 * from a page's text items and their positions (PDF user space, y up), never from the text's order.
 */

/** What is needed of a pdf.js text item. */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, x, y] */
  transform: number[];
  width: number;
  height: number;
}

/** The top band of the page where a stamp sits (a fraction of its height). */
const TOP_BAND = 0.08;
/** How far in from either side a corner reaches (a fraction of its width). */
const CORNER = 0.35;
const DIGITS = /^\d{1,5}$/;

function digitsOf(text: string): string {
  // Full-width digits (１２) as some producers write them.
  return text.trim().replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * The stamped number of a page whose box is `view` ([x0, y0, x1, y1]), or null: the one item of
 * digits only in the top band near a side, with nothing else on its line.
 */
export function cornerStamp(items: readonly PositionedText[], view: readonly number[]): number | null {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const width = x1 - x0;
  const height = y1 - y0;
  if (width <= 0 || height <= 0) return null;
  const inked = items.filter((item) => item.str.trim() !== '');
  const candidates = inked.filter((item) => {
    const [a = 1, b = 0, c = 0, , x = 0, y = 0] = item.transform;
    if (b !== 0 || c !== 0 || a <= 0 || !DIGITS.test(digitsOf(item.str))) return false;
    const nearSide = x - x0 <= CORNER * width || x1 - (x + item.width) <= CORNER * width;
    return y >= y1 - TOP_BAND * height && y <= y1 && nearSide;
  });
  const alone = candidates.filter((item) => {
    const y = item.transform[5] ?? 0;
    const line = Math.max(4, item.height * 0.8);
    return inked.every((other) => other === item || Math.abs((other.transform[5] ?? 0) - y) >= line);
  });
  if (alone.length !== 1) return null;
  const value = Number(digitsOf((alone[0] as PositionedText).str));
  return value >= 1 ? value : null;
}
