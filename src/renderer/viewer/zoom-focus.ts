import { slotAt, type PageLayout } from './page-layout';

/** A point of the pages held still while the zoom changes: under the cursor, or the view's centre. */
export interface ZoomFocus {
  /** The page slot under the point, and how far down it the point is (0..1). */
  index: number;
  fraction: number;
  /** Where across the content the point is (0..1). */
  across: number;
  /** The point's place in the view (CSS px from the view's top left). */
  viewX: number;
  viewY: number;
}

export interface ScrollPosition {
  top: number;
  left: number;
}

/** The focus at a point of the view, in the layout shown before the zoom. */
export function focusAt(layout: PageLayout, contentWidth: number, scroll: ScrollPosition, view: { x: number; y: number }): ZoomFocus {
  const y = scroll.top + view.y;
  const index = slotAt(layout, y);
  const top = layout.tops[index] ?? 0;
  const height = layout.heights[index] ?? 0;
  const fraction = height > 0 ? Math.min(1, Math.max(0, (y - top) / height)) : 0;
  const across = contentWidth > 0 ? Math.min(1, Math.max(0, (scroll.left + view.x) / contentWidth)) : 0.5;
  return { index, fraction, across, viewX: view.x, viewY: view.y };
}

/** Where to scroll so the focus sits at the same place of the view in the new layout. */
export function scrollForFocus(focus: ZoomFocus, layout: PageLayout, contentWidth: number): ScrollPosition {
  const top = (layout.tops[focus.index] ?? 0) + focus.fraction * (layout.heights[focus.index] ?? 0) - focus.viewY;
  const left = focus.across * contentWidth - focus.viewX;
  return { top: Math.max(0, Math.round(top)), left: Math.max(0, Math.round(left)) };
}
