import { highlightRanges } from './text-highlight';

interface LayerText {
  divs: HTMLElement[];
  items: string[];
}

const layers = new WeakMap<HTMLElement, LayerText>();

/** Remembers a rendered text layer's item elements and their text, to mark find hits in later. */
export function registerTextLayer(layer: HTMLElement, divs: readonly HTMLElement[], items: readonly string[]): void {
  layers.set(layer, { divs: [...divs], items: [...items] });
}

/**
 * Marks every occurrence of the query in a page's text layer (clearing earlier marks first), the way
 * pdf.js's own find bar does: the item's text split around <span class="highlight">. The
 * `selected`-th occurrence (0-based; the hit the lawyer chose) is marked apart and returned, to
 * scroll to; the first one when the page has fewer.
 */
export function applyHighlight(layer: HTMLElement, query: string | null, selected = 0): HTMLElement | null {
  const text = layers.get(layer);
  if (!text) return null;
  text.divs.forEach((div, i) => {
    if (div.querySelector('.highlight')) div.textContent = text.items[i] ?? '';
  });
  if (!query) return null;
  let first: HTMLElement | null = null;
  const ranges = highlightRanges(text.items, query);
  const chosen = ranges.some((range) => range.match === selected) ? selected : 0;
  const byItem = new Map<number, { start: number; end: number; match: number }[]>();
  for (const range of ranges) {
    const list = byItem.get(range.item) ?? [];
    list.push(range);
    byItem.set(range.item, list);
  }
  for (const [item, ranges] of byItem) {
    const div = text.divs[item];
    const source = text.items[item] ?? '';
    if (!div) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const { start, end, match } of ranges) {
      if (start > at) parts.push(div.ownerDocument.createTextNode(source.slice(at, start)));
      const mark = div.ownerDocument.createElement('span');
      mark.className = match === chosen ? 'highlight selected appended' : 'highlight appended';
      mark.textContent = source.slice(start, end);
      parts.push(mark);
      if (match === chosen && !first) first = mark;
      at = end;
    }
    if (at < source.length) parts.push(div.ownerDocument.createTextNode(source.slice(at)));
    div.replaceChildren(...parts);
  }
  return first;
}
