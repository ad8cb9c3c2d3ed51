/**
 * The document that is printed: one A4 sheet per page — the page's image, the watermark over it
 * (the lawyer's name and the date, as on screen) and a caption saying which page it is. Plain
 * markup and a stylesheet, written into a hidden frame of the app's own origin: no script in it.
 */

export interface PrintSheet {
  /** The page rendered as an image (a blob: URL: the pixels stay in memory). */
  src: string;
  /** Which page this is: 《第一卷·讯问笔录》第3页. */
  caption: string;
}

export interface PrintDocument {
  title: string;
  sheets: readonly PrintSheet[];
  /** 张律师 2025-03-08, or null when the watermark is off. */
  watermark: string | null;
  /** The document's language (zh-CN, en). */
  lang: string;
}

/** Where the watermark's text sits on a sheet (percent of width, height): a staggered grid. */
const WATERMARK_SPOTS: ReadonlyArray<readonly [number, number]> = [15, 38, 61, 84].flatMap((top, row) =>
  (row % 2 === 0 ? [22, 72] : [8, 47, 86]).map((left) => [left, top] as const),
);

export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Sizes in millimetres: the sheet is the paper. Backgrounds are not printed by default, so the
// watermark is text, not a background image.
const STYLE = `
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
.print-page { position: relative; width: 210mm; height: 296mm; overflow: hidden; break-after: page; page-break-after: always; }
.print-page:last-child { break-after: auto; page-break-after: auto; }
.print-image { position: absolute; left: 5mm; top: 5mm; width: 200mm; height: 280mm; object-fit: contain; }
.print-watermark { position: absolute; inset: 0; pointer-events: none; }
.print-watermark span { position: absolute; transform: translate(-50%, -50%) rotate(-30deg); white-space: nowrap;
  font: 15pt "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: rgba(40, 50, 70, 0.16); }
.print-caption { position: absolute; left: 5mm; right: 5mm; bottom: 3mm; text-align: center;
  font: 7.5pt "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #555; }
`;

function sheetMarkup(sheet: PrintSheet, watermark: string | null): string {
  const marks = watermark
    ? `<div class="print-watermark" aria-hidden="true">${WATERMARK_SPOTS.map(
        ([left, top]) => `<span style="left:${left}%;top:${top}%">${escapeHtml(watermark)}</span>`,
      ).join('')}</div>`
    : '';
  const caption = escapeHtml(sheet.caption);
  return (
    `<section class="print-page"><img class="print-image" src="${escapeHtml(sheet.src)}" alt="${caption}">` +
    `${marks}<div class="print-caption">${caption}</div></section>`
  );
}

/** The whole printed document's HTML. */
export function printDocumentHtml({ title, sheets, watermark, lang }: PrintDocument): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body>${sheets.map((sheet) => sheetMarkup(sheet, watermark)).join('')}</body></html>`
  );
}
