import { describe, expect, it } from 'vitest';
import { documentShare, dossierShare, percentRead, sectionShare } from './progress-summary';

describe('progress summary', () => {
  it('rounds so that a started dossier is never 0% and an unfinished one never 100%', () => {
    expect(percentRead(0, 1000)).toBe(0);
    expect(percentRead(1, 1000)).toBe(1);
    expect(percentRead(37, 100)).toBe(37);
    expect(percentRead(999, 1000)).toBe(99);
    expect(percentRead(1000, 1000)).toBe(100);
  });

  it('tells unread, partly read and read documents and sections', () => {
    expect(documentShare([], 6)).toEqual({ seen: 0, total: 6, state: 'unread' });
    expect(documentShare([[1, 3]], 6)).toEqual({ seen: 3, total: 6, state: 'partly' });
    expect(documentShare([[1, 6]], 6).state).toBe('read');
    // Pages beyond a document now shorter do not count; an uncounted document is as long as seen.
    expect(documentShare([[1, 8]], 6)).toEqual({ seen: 6, total: 6, state: 'read' });
    expect(documentShare([[1, 2]], null)).toEqual({ seen: 2, total: 2, state: 'read' });
    expect(documentShare([], null)).toEqual({ seen: 0, total: 1, state: 'unread' });

    expect(sectionShare([[1, 4], [9, 9]], 3, 8)).toEqual({ seen: 2, total: 6, state: 'partly' });
    expect(sectionShare([[1, 4]], 5, 8).state).toBe('unread');
    expect(sectionShare([[2, 10]], 5, 8).state).toBe('read');
  });

  it('adds the documents up for the dossier', () => {
    const share = dossierShare([
      { seen: [[1, 6]], pages: 6 },
      { seen: [], pages: 4 },
      { seen: [[1, 1]], pages: 1 },
      { seen: [], pages: null },
    ]);
    expect(share).toEqual({ seen: 7, total: 12, state: 'partly' });
    expect(percentRead(share.seen, share.total)).toBe(58);
  });
});
