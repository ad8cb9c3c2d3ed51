import { describe, expect, it } from 'vitest';
import type { FindHit } from '../../shared/viewer';
import { hitMarks, hitsOnPage } from './hit-boxes';
import { appendHits, EMPTY_HIT_LIST } from './panels/hit-list';

function hit(document: string, page: number, boxes?: FindHit['boxes']): FindHit {
  return { document, page, snippet: '张某某', match: [0, 3], ...(boxes ? { boxes } : {}) };
}

describe('hits on a page', () => {
  it('finds the page’s hits in their document, in order, among thousands', () => {
    const batch: FindHit[] = [];
    for (let page = 1; page <= 3000; page++) batch.push(hit('a.pdf', page), hit('a.pdf', page));
    const list = appendHits(appendHits(EMPTY_HIT_LIST, batch), [hit('b.pdf', 7, [[0, 0, 0.1, 0.1]])]);
    expect(hitsOnPage(list, 'a.pdf', 1234)).toEqual([hit('a.pdf', 1234), hit('a.pdf', 1234)]);
    expect(hitsOnPage(list, 'a.pdf', 1)).toHaveLength(2);
    expect(hitsOnPage(list, 'a.pdf', 3000)).toHaveLength(2);
    expect(hitsOnPage(list, 'a.pdf', 3001)).toEqual([]);
    expect(hitsOnPage(list, 'b.pdf', 7)).toEqual([hit('b.pdf', 7, [[0, 0, 0.1, 0.1]])]);
    expect(hitsOnPage(list, 'c.pdf', 7)).toEqual([]);
  });
});

describe('hit marks', () => {
  const size = { width: 600, height: 800 };
  const hits = [hit('a.pdf', 2, [[0.1, 0.1, 0.3, 0.12]]), hit('a.pdf', 2, [[0.8, 0.5, 0.9, 0.52], [0.1, 0.53, 0.2, 0.55]])];

  it('draws every box of the page’s hits, the chosen one apart, with a little room around', () => {
    const marks = hitMarks(hits, 1, 0, size);
    expect(marks.map((mark) => [mark.occurrence, mark.chosen])).toEqual([
      [0, false],
      [1, true],
      [1, true],
    ]);
    const first = marks[0]!.box;
    expect(first.left).toBeCloseTo(60 - 2, 6);
    expect(first.top).toBeCloseTo(80 - 2, 6);
    expect(first.width).toBeCloseTo(120 + 4, 6);
    expect(first.height).toBeCloseTo(16 + 4, 6);
  });

  it('turns the boxes with the page', () => {
    // Turned a quarter clockwise: the page's top-left corner is at the sheet's top-right.
    const box = hitMarks([hit('a.pdf', 1, [[0, 0, 0.25, 0.05]])], 0, 90, { width: 800, height: 600 })[0]!.box;
    expect(box.left).toBeCloseTo(800 - 0.05 * 800 - 2, 6);
    expect(box.top).toBeCloseTo(-2, 6);
    expect(box.width).toBeCloseTo(0.05 * 800 + 4, 6);
    expect(box.height).toBeCloseTo(0.25 * 600 + 4, 6);
  });

  it('chooses the first hit when the page has fewer than asked, and skips hits without boxes', () => {
    const marks = hitMarks([hit('a.pdf', 2), ...hits], 5, 0, size);
    expect(marks.filter((mark) => mark.chosen)).toEqual([]);
    expect(hitMarks(hits, 5, 0, size).filter((mark) => mark.chosen).map((mark) => mark.occurrence)).toEqual([0]);
    expect(hitMarks([hit('a.pdf', 2, [[0.5, 0.5, 0.5, 0.6]])], 0, 0, size)).toEqual([]);
  });
});
