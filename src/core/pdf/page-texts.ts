/** The text layer of every page, as pdf.js reads it (decrypted in memory, never written anywhere). */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * One string per page (index 0 = page 1): the text items in content order, which is the reading
 * order of the producers that matter here; a line break where pdf.js sees one. Characters are as
 * stored (no Unicode folding by pdf.js: search folds both sides itself).
 */
export async function pageTexts(pdf: PDFDocumentProxy, signal?: AbortSignal, upTo = Number.POSITIVE_INFINITY): Promise<string[]> {
  const texts: string[] = [];
  // `upTo`: only the first pages (a volume's cover and 目录), not hundreds of scans after them.
  for (let number = 1; number <= Math.min(pdf.numPages, upTo); number++) {
    signal?.throwIfAborted();
    const page = await pdf.getPage(number);
    try {
      const content = await page.getTextContent({ disableNormalization: true });
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      texts.push(text);
    } finally {
      // Fonts and operator lists are not needed again: keep memory flat over long documents.
      page.cleanup();
    }
  }
  return texts;
}
