import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../shared/library';
import { buildTree, parseChineseNumber, sectionAt, volumeIndexOf } from './dossier-tree';

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
  it('orders volumes by number and documents by ordinal: PDFs, scans, TIFFs and other files, no leftovers', () => {
    const tree = buildTree([
      file('案/第十卷/01_判决书.pdf', '第十卷'),
      file('案/第二卷/10_证人证言.pdf', '第二卷'),
      file('案/第二卷/2_讯问笔录.pdf', '第二卷', null),
      file('案/第二卷/说明.docx', '第二卷', null),
      file('案/第二卷/03_现场照片.jpg', '第二卷', null),
      file('案/第二卷/04_扫描件.TIF', '第二卷', null),
      file('案/第二卷/Thumbs.db', '第二卷', null),
      file('案/附件/a.pdf', '附件'),
      file('案/第一卷/00_封面及卷内目录.pdf', '第一卷'),
      file('案/readme.pdf', null),
    ]);
    expect(tree.map((volume) => volume.name)).toEqual([null, '第一卷', '第二卷', '第十卷', '附件']);
    const second = tree[2]!;
    expect(second.documents.map((entry) => [entry.title, entry.kind, entry.pages])).toEqual([
      ['讯问笔录', 'pdf', null],
      ['现场照片', 'image', 1],
      // A TIFF's pages are counted when the viewer opens it; another file is one page saying what it is.
      ['扫描件', 'tiff', null],
      ['证人证言', 'pdf', 3],
      ['说明', 'other', 1],
    ]);
    expect(volumeIndexOf(tree, '案/第十卷/01_判决书.pdf')).toBe(3);
    expect(volumeIndexOf(tree, 'missing.pdf')).toBe(-1);
  });
});

describe('buildTree, whole volumes as files', () => {
  it('orders 第N卷.pdf side by side by number, before its 目录 is known', () => {
    const tree = buildTree([file('第二卷.pdf', null), file('第十卷.pdf', null), file('第一卷.pdf', null), file('附件.pdf', null)]);
    expect(tree[0]!.documents.map((d) => d.title)).toEqual(['第一卷', '第二卷', '第十卷', '附件']);
  });
});

describe('buildTree with the 卷内目录', () => {
  const entry = (document: string, title: string, firstPage: number, lastPage: number | null) => ({ seq: 1, title, document, firstPage, lastPage, dossierPage: null });

  it('makes a volume of each PDF at the top that holds one, its rows as sections after the cover and 目录', () => {
    const tree = buildTree([file('第二卷.pdf', null, 40), file('第一卷.pdf', null, 30), file('说明.pdf', null, 2)], [
      { document: '第一卷.pdf', layout: 'pages', frontPages: 2, entries: [entry('第一卷.pdf', '起诉意见书', 3, 8), entry('第一卷.pdf', '受案登记表', 9, 30)] },
      { document: '第二卷.pdf', layout: 'pages', frontPages: 0, entries: [entry('第二卷.pdf', '讯问笔录', 1, null)] },
    ]);
    expect(tree.map((volume) => [volume.name, volume.documents.map((d) => d.path)])).toEqual([
      [null, ['说明.pdf']],
      ['第一卷', ['第一卷.pdf']],
      ['第二卷', ['第二卷.pdf']],
    ]);
    const first = tree[1]!.documents[0]!;
    expect(first.sections).toEqual([
      { title: '', firstPage: 1, lastPage: 2, front: true },
      { title: '起诉意见书', firstPage: 3, lastPage: 8 },
      { title: '受案登记表', firstPage: 9, lastPage: 30 },
    ]);
    expect(sectionAt(first, 2)?.front).toBe(true);
    expect(sectionAt(first, 9)?.title).toBe('受案登记表');
    expect(sectionAt(tree[2]!.documents[0]!, 40)?.title).toBe('讯问笔录');
  });

  it('keeps a foldered volume, and names files numbered only by their 目录 rows', () => {
    const tree = buildTree([file('第一卷/000.pdf', '第一卷'), file('第一卷/001.pdf', '第一卷'), file('第一卷/02_受案登记表.pdf', '第一卷')], [
      { document: '第一卷/000.pdf', layout: 'files', frontPages: 0, entries: [entry('第一卷/001.pdf', '起诉意见书', 1, null), entry('第一卷/02_受案登记表.pdf', '受案登记表（补）', 1, null)] },
    ]);
    expect(tree.map((volume) => volume.name)).toEqual(['第一卷']);
    expect(tree[0]!.documents.map((d) => d.title)).toEqual(['000', '起诉意见书', '受案登记表']);
  });
});
