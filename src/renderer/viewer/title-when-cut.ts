import type { MouseEvent } from 'react';

/**
 * onMouseEnter for text that may be cut off with an ellipsis: while it is cut, the element's
 * title (the browser's tooltip) is its whole text; when it fits, no tooltip repeats it.
 */
export function titleWhenCut(event: MouseEvent<HTMLElement>): void {
  const element = event.currentTarget;
  if (element.scrollWidth > element.clientWidth + 1) element.title = element.textContent ?? '';
  else element.removeAttribute('title');
}
