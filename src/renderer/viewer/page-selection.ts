/**
 * The text the lawyer selected on a page of the viewer: its words (the quotation) and where they
 * sit on the page. A selection running over several pages counts on the page it starts on.
 */
import { MAX_QUOTE, type MarkRect } from '../../shared/viewer';
import { toPageRects, type Box } from './mark-geometry';
import type { Rotation } from './zoom';

export interface PageSelection {
  document: string;
  page: number;
  quote: string;
  rects: MarkRect[];
  /** The selection's last line on screen (client px): the toolbar is placed by it. */
  end: Box;
}

/** The layers of a page that hold its words. */
const TEXT_LAYERS = '.textLayer, .ocr-text-layer';

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Whitespace as one space, none around CJK text, cut to the quotation limit. */
export function cleanQuote(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) ?/g, '$1')
    .trim()
    .slice(0, MAX_QUOTE);
}

export function readPageSelection(selection: Selection | null): PageSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = elementOf(range.startContainer);
  const pageElement = start?.closest<HTMLElement>('[data-testid="viewer-page"]');
  // The layer the selection starts in: pdf.js's text layer, or a scan's recognised text (文字识别).
  const layer = start?.closest<HTMLElement>(TEXT_LAYERS) ?? pageElement?.querySelector<HTMLElement>(TEXT_LAYERS);
  const sheet = pageElement?.querySelector<HTMLElement>('.viewer-sheet');
  const document = pageElement?.dataset.document;
  const page = Number(pageElement?.dataset.page);
  // The page's own rotation, as it is drawn.
  const rotation = Number(pageElement?.dataset.rotation ?? 0) as Rotation;
  if (!pageElement || !layer || !sheet || !document || !Number.isInteger(page) || ![0, 90, 180, 270].includes(rotation)) return null;

  const texts: string[] = [];
  const boxes: Box[] = [];
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const piece = layer.ownerDocument.createRange();
    piece.selectNodeContents(node);
    if (range.compareBoundaryPoints(Range.START_TO_START, piece) > 0) piece.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, piece) < 0) piece.setEnd(range.endContainer, range.endOffset);
    if (piece.collapsed) continue;
    texts.push(piece.toString());
    for (const rect of piece.getClientRects()) boxes.push({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });
  }
  const quote = cleanQuote(texts.join(''));
  const end = boxes.at(-1);
  if (quote === '' || !end) return null;
  const { left, top, width, height } = sheet.getBoundingClientRect();
  return { document, page, quote, rects: toPageRects(boxes, { left, top, width, height }, rotation), end };
}
