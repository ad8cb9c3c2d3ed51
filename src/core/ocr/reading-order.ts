/**
 * Lines in the order a person reads a typeset page: top to bottom, and left to right within a
 * printed line. The detector may split one printed line into pieces (a gap in a form, a name
 * spaced out); pieces whose vertical extents mostly overlap are one printed line, joined with a
 * space where the gap between them is wide.
 */
import type { Box, OcrLine } from './ocr-types';

function overlap(a: Box, b: Box): number {
  const top = Math.max(a[1], b[1]);
  const bottom = Math.min(a[3], b[3]);
  return Math.max(0, bottom - top) / Math.max(1, Math.min(a[3] - a[1], b[3] - b[1]));
}

/** Pieces grouped into printed lines, each sorted left to right, the lines top to bottom. */
export function groupPrintedLines(pieces: readonly OcrLine[]): OcrLine[][] {
  const sorted = [...pieces].filter((piece) => piece.text !== '').sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  const rows: { box: Box; pieces: OcrLine[] }[] = [];
  for (const piece of sorted) {
    const row = rows.find((candidate) => overlap(candidate.box, piece.box) > 0.5);
    if (row) {
      row.pieces.push(piece);
      row.box = [Math.min(row.box[0], piece.box[0]), Math.min(row.box[1], piece.box[1]), Math.max(row.box[2], piece.box[2]), Math.max(row.box[3], piece.box[3])];
    } else {
      rows.push({ box: [...piece.box], pieces: [piece] });
    }
  }
  rows.sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  return rows.map((row) => row.pieces.sort((a, b) => a.box[0] - b.box[0]));
}

/** The page's text, one printed line per line; pieces far apart are separated by a space. */
export function pageTextOf(pieces: readonly OcrLine[]): { text: string; lines: OcrLine[] } {
  const rows = groupPrintedLines(pieces);
  const texts = rows.map((row) => {
    let text = '';
    for (const [i, piece] of row.entries()) {
      if (i > 0) {
        const previous = row[i - 1] as OcrLine;
        const height = piece.box[3] - piece.box[1];
        if (piece.box[0] - previous.box[2] > height * 0.8) text += ' ';
      }
      text += piece.text;
    }
    return text;
  });
  return { text: texts.join('\n'), lines: rows.flat() };
}
