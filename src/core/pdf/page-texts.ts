/** The text layer of every page, as pdf.js reads it (decrypted in memory, never written anywhere). */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cornerStamp } from './corner-stamp';
import { limitExceeded } from './pdf-limits';

export interface PageReadings {
  /** One string per page (index 0 = page 1). */
  texts: string[];
  /** The number stamped alone in a top corner of each page (卷宗页码), null where none is read. */
  stamps: (number | null)[];
}

/**
 * Each page's text: the text items in content order, which is the reading order of the producers
 * that matter here; a line break where pdf.js sees one. Characters are as stored (no Unicode
 * folding by pdf.js: search folds both sides itself). The corner stamp comes from the same items.
 */
export async function readPages(
  pdf: PDFDocumentProxy,
  signal?: AbortSignal,
  upTo = Number.POSITIVE_INFINITY,
  /** Most characters taken from the document; more is LIMIT_EXCEEDED (a content stream of endless text). */
  maxChars = Number.POSITIVE_INFINITY,
): Promise<PageReadings> {
  let chars = 0;
  const texts: string[] = [];
  const stamps: (number | null)[] = [];
  // `upTo`: only the first pages (a volume's cover and 目录), not hundreds of scans after them.
  for (let number = 1; number <= Math.min(pdf.numPages, upTo); number++) {
    signal?.throwIfAborted();
    const page = await pdf.getPage(number);
    try {
      const content = await page.getTextContent({ disableNormalization: true });
      let text = '';
      const items = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push(item);
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      chars += text.length;
      if (chars > maxChars) throw limitExceeded(`文字超过 ${maxChars} 字`);
      texts.push(text);
      stamps.push(cornerStamp(items, page.view));
    } finally {
      // Fonts and operator lists are not needed again: keep memory flat over long documents.
      page.cleanup();
    }
  }
  return { texts, stamps };
}

/** One string per page (index 0 = page 1), as readPages reads them. */
export async function pageTexts(pdf: PDFDocumentProxy, signal?: AbortSignal, upTo = Number.POSITIVE_INFINITY): Promise<string[]> {
  return (await readPages(pdf, signal, upTo)).texts;
}
