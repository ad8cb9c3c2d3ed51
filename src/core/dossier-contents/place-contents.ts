/**
 * Where a 目录's 页次 fall in the PDF that carries it. Two conventions meet in practice: 页次 that
 * count from the first page after the cover and 目录 (the paper volume's stamped numbers, what the
 * mock portal writes too), and 页次 that count the PDF's pages from its first. The PDF's page count
 * tells them apart: the last 页次 plus the pages before the first document equals it.
 */
import type { ParsedContents } from './parse-contents';

export interface PlacedEntry {
  seq: number;
  title: string;
  /** 1-based PDF pages. */
  firstPage: number;
  lastPage: number;
  /** The 页次 of its first page, as the 目录 prints it. */
  dossierPage: number;
}

export interface PlacedContents {
  /** PDF pages before the first entry (cover and 目录), shown as one part of their own. */
  frontPages: number;
  /** What 页次 1 is: PDF page offset + 1. */
  offset: number;
  entries: PlacedEntry[];
}

/**
 * The entries as page ranges of a PDF of `pageCount` pages, or null when the 目录 does not
 * describe this PDF (its 页次 run past its end under every reading: the documents are other files).
 */
export function placeInPdf(contents: ParsedContents, pageCount: number): PlacedContents | null {
  const afterToc = (contents.tocPages[contents.tocPages.length - 1] ?? 0) + 1;
  // A PDF that is only its cover and 目录 holds none of the documents.
  if (pageCount <= afterToc) return null;
  const numbered = contents.entries.filter((entry) => entry.firstPage !== null);
  if (numbered.length === 0) return null;
  const highest = Math.max(...numbered.map((entry) => entry.lastPage ?? entry.firstPage ?? 0));
  // Every offset from "from the PDF's first page" (0) to "after the 目录": the one that ends
  // exactly on the PDF's last page wins; else after the 目录 if it fits; else from the first page.
  const candidates = Array.from({ length: afterToc + 1 }, (_, offset) => offset).filter((offset) => highest + offset <= pageCount);
  if (candidates.length === 0) return null;
  const exact = candidates.filter((offset) => highest + offset === pageCount);
  const offset = exact.length > 0 ? Math.max(...exact) : Math.max(...candidates);
  const entries: PlacedEntry[] = [];
  for (const [i, entry] of contents.entries.entries()) {
    if (entry.firstPage === null) continue;
    const firstPage = entry.firstPage + offset;
    // The last row with only a start runs to the end of the PDF.
    const lastPage = Math.min(pageCount, entry.lastPage === null ? pageCount : entry.lastPage + offset);
    // Rows whose 页次 go backwards (a misread) would jump around: keep the order the pages have.
    if (i > 0 && entries.length > 0 && firstPage < (entries[entries.length - 1] as PlacedEntry).firstPage) continue;
    entries.push({ seq: entry.seq, title: entry.title, firstPage, lastPage: Math.max(firstPage, lastPage), dossierPage: entry.firstPage });
  }
  const frontPages = Math.min(afterToc, (entries[0]?.firstPage ?? 1) - 1);
  return { frontPages, offset, entries };
}
