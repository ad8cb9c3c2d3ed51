/** How big a page is shown: its own scale under the zoom, and its size on screen. */
import { CSS_PER_POINT, rotated, scaleFor, type Rotation, type Size, type Zoom } from './zoom';

export interface ShownPage extends Size {
  /** The page's scale (1 = printed size); fit modes fit each page by its own size. */
  scale: number;
}

/**
 * A page of `size` points under `zoom` in `area` CSS px. Fit modes fit the page itself, so a photo
 * wider than the PDF pages around it fits the width too, and no page's size depends on another's.
 */
export function shownPage(zoom: Zoom, size: Size, rotation: Rotation, area: Size): ShownPage {
  const scale = scaleFor(zoom, size, rotation, area);
  const shown = rotated(size, rotation);
  return { scale, width: Math.floor(shown.width * CSS_PER_POINT * scale), height: Math.floor(shown.height * CSS_PER_POINT * scale) };
}
