/** What the OCR engine reads and what it says: pixels in, lines with boxes out. */

/** Pixels of one page, one byte per pixel (0 black … 255 white): scans are read as grey. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An axis-aligned box [x0, y0, x1, y1] in the image's pixels (or, once placed, in page units). */
export type Box = [number, number, number, number];

export interface OcrLine {
  text: string;
  box: Box;
  /** Mean of the recogniser's character probabilities, 0…1. */
  confidence: number;
}

export interface OcrPageText {
  /** The lines in reading order, joined by '\n' (one line per printed line). */
  text: string;
  lines: OcrLine[];
}
