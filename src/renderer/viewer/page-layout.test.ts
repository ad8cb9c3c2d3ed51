import { describe, expect, it } from 'vitest';
import { inRange, layoutPages, mostVisible, pageWindow, slotAt, volumeSlots } from './page-layout';

describe('volumeSlots', () => {
  it('lists every page of every document in order, one slot for a count not yet known', () => {
    expect(
      volumeSlots([
        { path: 'a.pdf', pages: 2 },
        { path: 'b.pdf', pages: null },
        { path: 'c.jpg', pages: 1 },
      ]),
    ).toEqual([
      { document: 'a.pdf', page: 1 },
      { document: 'a.pdf', page: 2 },
      { document: 'b.pdf', page: 1 },
      { document: 'c.jpg', page: 1 },
    ]);
  });
});

describe('layout and window', () => {
  const layout = layoutPages([100, 200, 100, 100], 10, 20);

  it('stacks slots with gaps and padding', () => {
    expect(layout.tops).toEqual([20, 130, 340, 450]);
    expect(layout.total).toBe(20 + 100 + 10 + 200 + 10 + 100 + 10 + 100 + 20);
    expect(layoutPages([], 10, 20).total).toBe(40);
  });

  it('finds the slot at a position', () => {
    expect(slotAt(layout, 0)).toBe(0);
    expect(slotAt(layout, 129)).toBe(0);
    expect(slotAt(layout, 130)).toBe(1);
    expect(slotAt(layout, 10_000)).toBe(3);
    expect(slotAt(layoutPages([], 10, 20), 5)).toBe(-1);
  });

  it('widens the visible slots by the neighbours, clamped to the volume', () => {
    expect(pageWindow(layout, 150, 100, 0)).toEqual({ first: 1, last: 1 });
    expect(pageWindow(layout, 150, 100, 1)).toEqual({ first: 0, last: 2 });
    expect(pageWindow(layout, 400, 300, 2)).toEqual({ first: 0, last: 3 });
    expect(inRange({ first: 1, last: 2 }, 3)).toBe(false);
    expect(inRange(null, 0)).toBe(false);
  });

  it('names the slot most in view as the current page', () => {
    expect(mostVisible(layout, 0, 150)).toBe(0);
    expect(mostVisible(layout, 100, 200)).toBe(1);
    expect(mostVisible(layout, 300, 100)).toBe(2);
  });

  it('names the last slot at the end of the scroll when it is whole in view, however short', () => {
    // 60 px of slot 1, all 100 of slots 2 and 3: the last page is the one scrolled to.
    expect(mostVisible(layout, 270, 300)).toBe(3);
    // Not at the end, or the last slot cut off: the slot most in view.
    expect(mostVisible(layout, 260, 300)).toBe(2);
    expect(mostVisible(layout, 470, 100)).toBe(3);
  });

  it('keeps the window small for a 2,000-page volume anywhere in it', () => {
    const big = layoutPages(Array.from({ length: 2000 }, () => 1100), 16, 24);
    const range = pageWindow(big, big.tops[1500]! + 300, 900, 2)!;
    expect(range.last - range.first + 1).toBeLessThanOrEqual(6);
    expect(inRange(range, 1500)).toBe(true);
  });
});
