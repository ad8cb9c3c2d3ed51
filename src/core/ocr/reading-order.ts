/**
 * Lines in the order a person reads a typeset page: top to bottom, and left to right within a
 * printed line. The detector may split one printed line into pieces (a gap in a form, a name
 * spaced out); pieces whose vertical extents mostly overlap are one printed line, joined with a
 * space where the gap between them is wide.
 */

/** [x0, y0, x1, y1], in pixels or page fractions. */
type Box = readonly [number, number, number, number] | readonly number[];
type Edges = readonly [number, number, number, number];

function overlap(first: Box, second: Box): number {
  const a = first as Edges;
  const b = second as Edges;
  const top = Math.max(a[1], b[1]);
  const bottom = Math.min(a[3], b[3]);
  return Math.max(0, bottom - top) / Math.max(1e-9, Math.min(a[3] - a[1], b[3] - b[1]));
}

/** Pieces grouped into printed lines, each sorted left to right, the lines top to bottom. */
export function groupPrintedLines<T extends { text: string; box: Box }>(pieces: readonly T[]): T[][] {
  const edges = (piece: T) => piece.box as Edges;
  const sorted = [...pieces].filter((piece) => piece.text !== '').sort((a, b) => edges(a)[1] + edges(a)[3] - (edges(b)[1] + edges(b)[3]));
  const rows: { box: Edges; pieces: T[] }[] = [];
  for (const piece of sorted) {
    const box = edges(piece);
    const row = rows.find((candidate) => overlap(candidate.box, box) > 0.5);
    if (row) {
      row.pieces.push(piece);
      row.box = [Math.min(row.box[0], box[0]), Math.min(row.box[1], box[1]), Math.max(row.box[2], box[2]), Math.max(row.box[3], box[3])];
    } else {
      rows.push({ box, pieces: [piece] });
    }
  }
  rows.sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  return rows.map((row) => row.pieces.sort((a, b) => edges(a)[0] - edges(b)[0]));
}

/** Where each line's text sits in the page's text: [start, end) in UTF-16 units. */
export type Span = [number, number];

/**
 * The page's text, one printed line per line; pieces far apart are separated by a space. The
 * lines come back in reading order with the span each occupies in the text (for placing a search
 * hit on the page). Works on any boxes (pixels or page fractions) as long as all are alike.
 */
export function pageTextOf<T extends { text: string; box: readonly number[] }>(pieces: readonly T[]): { text: string; lines: T[]; spans: Span[] } {
  const rows = groupPrintedLines(pieces);
  let text = '';
  const lines: T[] = [];
  const spans: Span[] = [];
  for (const [r, row] of rows.entries()) {
    if (r > 0) text += '\n';
    for (const [i, piece] of row.entries()) {
      if (i > 0) {
        const previous = row[i - 1] as T;
        const box = piece.box as Edges;
        if (box[0] - (previous.box as Edges)[2] > (box[3] - box[1]) * 0.8) text += ' ';
      }
      spans.push([text.length, text.length + piece.text.length]);
      lines.push(piece);
      text += piece.text;
    }
  }
  return { text, lines, spans };
}
