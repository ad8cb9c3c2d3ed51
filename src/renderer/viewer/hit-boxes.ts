/**
 * Find's hits on a page read by OCR: core gives where each match is on the page (a box per line it
 * spans), and they are marked there — the hit chosen strongly, the page's others faintly — as the
 * text layer marks them on pages with their own text.
 */
import type { PageBox } from '../../shared/ocr';
import type { FindHit } from '../../shared/viewer';
import type { HitList } from './panels/hit-list';
import { toSheetBox, type Box } from './mark-geometry';
import type { Rotation, Size } from './zoom';

/** Room around a match (CSS px), as the text layer's marks have. */
const PAD = 2;

/** The hits on one page, in the order found (runs of a document are contiguous, pages ascending). */
export function hitsOnPage(list: HitList, document: string, page: number): FindHit[] {
  const found: FindHit[] = [];
  for (const run of list.runs) {
    if (run.document !== document) continue;
    // The run's first hit on the page or after it, by halving (a document may have thousands).
    let low = run.start;
    let high = run.end;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((list.hits[middle] as FindHit).page < page) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < run.end && (list.hits[i] as FindHit).page === page; i++) found.push(list.hits[i] as FindHit);
  }
  return found;
}

export interface HitMark {
  box: Box;
  /** The hit the lawyer chose (drawn strongly and scrolled to). */
  chosen: boolean;
  /** Which hit of the page it marks (0-based). */
  occurrence: number;
}

function rectOf([x0, y0, x1, y1]: PageBox) {
  const x = Math.max(0, Math.min(x0, x1));
  const y = Math.max(0, Math.min(y0, y1));
  return { x, y, w: Math.min(1, Math.max(x0, x1)) - x, h: Math.min(1, Math.max(y0, y1)) - y };
}

/**
 * The marks of a page's hits that carry boxes, on a sheet of `size` (CSS px, turned) at the rotation.
 * `occurrence` is the chosen hit among the page's hits; the first when the page has fewer.
 */
export function hitMarks(hits: readonly FindHit[], occurrence: number, rotation: Rotation, size: Size): HitMark[] {
  const chosen = occurrence >= 0 && occurrence < hits.length ? occurrence : 0;
  const marks: HitMark[] = [];
  hits.forEach((hit, index) => {
    for (const pageBox of hit.boxes ?? []) {
      const rect = rectOf(pageBox);
      if (rect.w <= 0 || rect.h <= 0) continue;
      const box = toSheetBox(rect, rotation, size);
      marks.push({
        box: { left: box.left - PAD, top: box.top - PAD, width: box.width + 2 * PAD, height: box.height + 2 * PAD },
        chosen: index === chosen,
        occurrence: index,
      });
    }
  });
  return marks;
}
