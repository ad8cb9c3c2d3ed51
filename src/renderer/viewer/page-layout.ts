/**
 * Where each page of a volume sits in the continuous scroll, and which pages are near enough to
 * render. Pure arithmetic over page heights, so a 2,000-page volume costs a few arrays, not DOM.
 */

export interface PageSlot {
  document: string;
  /** 1-based page of that document. */
  page: number;
}

export interface PageLayout {
  /** Top of each slot, from the top of the scrolled content. */
  tops: number[];
  heights: number[];
  /** Height of the whole content. */
  total: number;
}

export interface PageRange {
  first: number;
  last: number;
}

/** Every page of the volume's documents, one after another; unknown counts hold one slot until opened. */
export function volumeSlots(documents: readonly { path: string; pages: number | null }[]): PageSlot[] {
  return documents.flatMap(({ path, pages }) =>
    Array.from({ length: Math.max(1, pages ?? 1) }, (_, i) => ({ document: path, page: i + 1 })),
  );
}

export function layoutPages(heights: readonly number[], gap: number, padding: number): PageLayout {
  const tops: number[] = [];
  let y = padding;
  for (const height of heights) {
    tops.push(y);
    y += height + gap;
  }
  const total = heights.length === 0 ? padding * 2 : y - gap + padding;
  return { tops, heights: [...heights], total };
}

/** The slot at content position y (the last slot starting at or above it); -1 for none. */
export function slotAt(layout: PageLayout, y: number): number {
  const { tops } = layout;
  if (tops.length === 0) return -1;
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((tops[middle] as number) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The slots in view, widened by `around` slots on each side (the neighbours rendered ahead). */
export function pageWindow(layout: PageLayout, scrollTop: number, viewportHeight: number, around: number): PageRange | null {
  const count = layout.tops.length;
  if (count === 0) return null;
  const first = Math.max(0, slotAt(layout, scrollTop) - around);
  const last = Math.min(count - 1, slotAt(layout, scrollTop + Math.max(0, viewportHeight)) + around);
  return { first, last };
}

/**
 * The slot showing the most of itself in the viewport (the earlier one on a tie); -1 for none. At
 * the very end of the scroll the last slot, when it is whole in view: a short last page (End onto
 * a wide photo) can never show the most of itself.
 */
export function mostVisible(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  const range = pageWindow(layout, scrollTop, viewportHeight, 0);
  if (!range) return -1;
  const last = layout.tops.length - 1;
  const bottom = scrollTop + viewportHeight;
  if (bottom >= layout.total - 1 && (layout.tops[last] as number) >= scrollTop && (layout.tops[last] as number) + (layout.heights[last] as number) <= bottom) return last;
  let best = range.first;
  let bestShown = -1;
  for (let i = range.first; i <= range.last; i += 1) {
    const top = layout.tops[i] as number;
    const bottom = top + (layout.heights[i] as number);
    const shown = Math.min(bottom, scrollTop + viewportHeight) - Math.max(top, scrollTop);
    if (shown > bestShown) {
      best = i;
      bestShown = shown;
    }
  }
  return best;
}

/** Whether slot i lies within the range. */
export function inRange(range: PageRange | null, i: number): boolean {
  return range !== null && i >= range.first && i <= range.last;
}
