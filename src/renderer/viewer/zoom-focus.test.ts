import { describe, expect, it } from 'vitest';
import { layoutPages } from './page-layout';
import { focusAt, scrollForFocus } from './zoom-focus';

describe('zoom focus', () => {
  it('keeps the point under the cursor in place when the pages grow', () => {
    const before = layoutPages([500, 500, 500], 10, 20);
    const focus = focusAt(before, 800, { top: 700, left: 0 }, { x: 200, y: 100 });
    // 800 px down the content: the second page (top 530), 270 px into its 500.
    expect(focus.index).toBe(1);
    expect(focus.fraction).toBeCloseTo(270 / 500);
    const after = layoutPages([1000, 1000, 1000], 10, 20);
    const scroll = scrollForFocus(focus, after, 1600);
    // The same point of the second page, now 540 px into it, is again 100 px below the view's top.
    expect(scroll.top).toBe(1030 + 540 - 100);
    // 200 px across 800 is a quarter: a quarter of 1600, less the cursor's 200.
    expect(scroll.left).toBe(200);
  });

  it('holds the centre of the view when zooming out, never scrolling above the start', () => {
    const before = layoutPages([1000, 1000], 10, 20);
    const focus = focusAt(before, 1000, { top: 0, left: 0 }, { x: 500, y: 300 });
    const after = layoutPages([250, 250], 10, 20);
    expect(scrollForFocus(focus, after, 1000)).toEqual({ top: 0, left: 0 });
  });
});
