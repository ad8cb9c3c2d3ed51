import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../shared/library';
import { buildTree, parseChineseNumber, volumeIndexOf } from './dossier-tree';

const file = (path: string, volume: string | null, pages: number | null = 3): DossierFile => ({ path, size: 100, volume, pages });

describe('parseChineseNumber', () => {
  it('reads the numerals volumes are numbered with', () => {
    expect(parseChineseNumber('一')).toBe(1);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('12')).toBe(12);
    expect(parseChineseNumber('卷')).toBeNull();
  });
});

describe('buildTree', () => {
  it('orders volumes by number and documents by ordinal, keeping only PDFs and scans', () => {
    const tree = buildTree([
      file('案/第十卷/01_判决书.pdf', '第十卷'),
      file('案/第二卷/10_证人证言.pdf', '第二卷'),
      file('案/第二卷/2_讯问笔录.pdf', '第二卷', null),
      file('案/第二卷/说明.docx', '第二卷'),
      file('案/第二卷/03_现场照片.jpg', '第二卷', null),
      file('案/附件/a.pdf', '附件'),
      file('案/第一卷/00_封面及卷内目录.pdf', '第一卷'),
      file('案/readme.pdf', null),
    ]);
    expect(tree.map((volume) => volume.name)).toEqual([null, '第一卷', '第二卷', '第十卷', '附件']);
    const second = tree[2]!;
    expect(second.documents.map((entry) => [entry.title, entry.kind, entry.pages])).toEqual([
      ['讯问笔录', 'pdf', null],
      ['现场照片', 'image', 1],
      ['证人证言', 'pdf', 3],
    ]);
    expect(volumeIndexOf(tree, '案/第十卷/01_判决书.pdf')).toBe(3);
    expect(volumeIndexOf(tree, 'missing.pdf')).toBe(-1);
  });
});
