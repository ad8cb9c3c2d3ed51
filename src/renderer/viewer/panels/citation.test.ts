import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../../shared/library';
import type { Note } from '../../../shared/viewer';
import { sortNotes, volumeOf } from './citation';

const files: DossierFile[] = [
  { path: '第一卷/01_卷内目录.pdf', size: 1, volume: '第一卷', pages: 2 },
  { path: '第一卷/03_讯问笔录.pdf', size: 1, volume: '第一卷', pages: 9 },
  { path: '第二卷/01_鉴定意见.pdf', size: 1, volume: '第二卷', pages: 4 },
  { path: '起诉意见书.pdf', size: 1, volume: null, pages: 3 },
];

describe('volumeOf', () => {
  it('finds the volume of a dossier file, or null', () => {
    expect(volumeOf(files, '第二卷/01_鉴定意见.pdf')).toBe('第二卷');
    expect(volumeOf(files, '起诉意见书.pdf')).toBeNull();
    expect(volumeOf(files, '第九卷/gone.pdf')).toBeNull();
    expect(volumeOf(undefined, '第二卷/01_鉴定意见.pdf')).toBeNull();
  });
});

describe('sortNotes', () => {
  const note = (id: string, document: string, page: number, createdAt: string): Note => ({
    id,
    kind: 'note',
    document,
    page,
    text: id,
    createdAt,
    updatedAt: createdAt,
  });

  it('orders by the document’s place in the dossier, then page, then time written; unknown documents last', () => {
    const notes = [
      note('gone', 'zz/removed.pdf', 1, '2024-01-01T00:00:00Z'),
      note('v2', '第二卷/01_鉴定意见.pdf', 1, '2024-01-01T00:00:00Z'),
      note('p5-late', '第一卷/03_讯问笔录.pdf', 5, '2024-01-03T00:00:00Z'),
      note('p5-early', '第一卷/03_讯问笔录.pdf', 5, '2024-01-02T00:00:00Z'),
      note('p2', '第一卷/03_讯问笔录.pdf', 2, '2024-01-09T00:00:00Z'),
      note('alsoGone', 'aa/removed.pdf', 1, '2024-01-01T00:00:00Z'),
    ];
    expect(sortNotes(notes, files).map((n) => n.id)).toEqual(['p2', 'p5-early', 'p5-late', 'v2', 'alsoGone', 'gone']);
  });

  it('does not change the list it was given', () => {
    const notes = [note('b', '第二卷/01_鉴定意见.pdf', 1, 'x'), note('a', '第一卷/01_卷内目录.pdf', 1, 'x')];
    sortNotes(notes, files);
    expect(notes.map((n) => n.id)).toEqual(['b', 'a']);
  });
});
