/** What a text document says, before it is laid out on pages. */

export interface TextContent {
  /** Centered lines at the top of the first page (organ name, document name). */
  titleLines: string[];
  /** Centered, smaller: the document number. */
  subtitle?: string;
  /** Paragraphs right after the title (time, place, persons present …). */
  header: string[];
  /** Endless paragraphs; the layout takes as many as the pages hold. None: a short, one-part document. */
  body?: Iterator<string>;
  /** Paragraphs that end the document (signatures, date, seal line). */
  closing: string[];
  /** A line at the foot of every page, given the page number and count (笔录 are signed on every page). */
  footer?: (page: number, pages: number) => string;
  /** Write 人 and 见 in some body lines as Kangxi / radical-supplement code points, as real PDFs often do. */
  radicals?: boolean;
}
