import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROTATIONS, readingPositionSchema } from '../../shared/viewer';
import { pageKey, rotatePage } from './page-rotations';

describe('page rotations', () => {
  it('turns only the page named', () => {
    const turned = rotatePage({}, '第一卷/03_讯问笔录.pdf', 2, 90);
    expect(turned).toEqual({ [pageKey('第一卷/03_讯问笔录.pdf', 2)]: 90 });
    expect(turned[pageKey('第一卷/03_讯问笔录.pdf', 3)]).toBeUndefined();
  });

  it('turns both ways and forgets a page turned back upright', () => {
    let turned = rotatePage({}, 'a.pdf', 1, -90);
    expect(turned[pageKey('a.pdf', 1)]).toBe(270);
    turned = rotatePage(turned, 'a.pdf', 1, 90);
    expect(turned).toEqual({});
  });

  it('keeps at most the limit, forgetting the oldest, and what it keeps is a valid reading position', () => {
    const full = Object.fromEntries(Array.from({ length: MAX_PAGE_ROTATIONS }, (_, i) => [pageKey('a.pdf', i + 1), 90 as const]));
    let turned = full;
    for (let page = MAX_PAGE_ROTATIONS + 1; page <= MAX_PAGE_ROTATIONS + 3; page++) turned = rotatePage(turned, 'a.pdf', page, 90);
    expect(Object.keys(turned)).toHaveLength(MAX_PAGE_ROTATIONS);
    expect(turned).not.toHaveProperty(pageKey('a.pdf', 1));
    expect(turned).toHaveProperty(pageKey('a.pdf', MAX_PAGE_ROTATIONS + 3), 90);
    const position = { document: 'a.pdf', page: 1, zoom: 'fit-width', rotation: 0, pageRotations: turned };
    expect(readingPositionSchema.safeParse(position).success).toBe(true);
    expect(readingPositionSchema.safeParse({ ...position, pageRotations: { ...turned, 'b.pdf#1': 90 } }).success).toBe(false);
  });
});
