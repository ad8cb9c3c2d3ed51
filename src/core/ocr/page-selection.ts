/**
 * Which pages need OCR: those with no text layer worth the name, or whose text layer covers almost
 * nothing of a page that is one big image (a scan with a page number or a watermark laid over it).
 * A "双层" PDF (a scan with a full invisible text layer) already has its text and is not read again.
 */
export interface PageMakeup {
  /** Characters of the text layer, whitespace not counted. */
  textCharacters: number;
  /** Area of the text layer's items over the page's area (0…1). */
  textArea: number;
  /** Area of the largest image on the page over the page's area (0…1, capped). */
  largestImage: number;
}

/** Fewer characters than this is no text layer (a page number, a stray mark). */
const MIN_TEXT_CHARACTERS = 10;
/** A page this much covered by one image is a scan… */
const SCAN_IMAGE_AREA = 0.6;
/** …unless its text layer covers more than this. */
const SCAN_TEXT_AREA = 0.02;

export function needsOcr(makeup: PageMakeup): boolean {
  if (makeup.textCharacters < MIN_TEXT_CHARACTERS) return true;
  return makeup.largestImage >= SCAN_IMAGE_AREA && makeup.textArea < SCAN_TEXT_AREA;
}
