/**
 * The 页码范围 of 打印, as a lawyer types it: "3-7", "3–7", "3至7", "5", or several ("1-3, 8").
 * Pages of one document, 1-based. Pure, so the dossier's page numbers can be mapped onto it later.
 */

export type PageRangeError =
  /** Nothing typed. */
  | 'empty'
  /** Not numbers and dashes. */
  | 'syntax'
  /** A page before 1 or after the document's last. */
  | 'outside';

export type PageRangeResult = { ok: true; pages: number[] } | { ok: false; error: PageRangeError };

const DASHES = /\s*(?:-|–|—|－|~|～|至|到)\s*/g;
const SEPARATORS = /\s*[,，、;；]\s*/;

/** Full-width digits (３) as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * The pages `text` names in a document of `count` pages, in the order typed, each once. A reversed
 * range ("7-3") means the same pages as "3-7".
 */
export function parsePageRange(text: string, count: number): PageRangeResult {
  const normal = asciiDigits(text.trim()).replace(DASHES, '-');
  if (normal === '') return { ok: false, error: 'empty' };
  const pages: number[] = [];
  const seen = new Set<number>();
  for (const part of normal.split(SEPARATORS)) {
    const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(part);
    if (!match) return { ok: false, error: 'syntax' };
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    const [first, last] = a <= b ? [a, b] : [b, a];
    if (first < 1 || last > count) return { ok: false, error: 'outside' };
    for (let page = first; page <= last; page += 1) {
      if (seen.has(page)) continue;
      seen.add(page);
      pages.push(page);
    }
  }
  return { ok: true, pages };
}
