import { describe, expect, it } from 'vitest';
import { findDossierPage, numberDossierPages, placeOfPage, type NumberedDocument } from './dossier-page-numbers';
import type { DocumentContents } from './viewer';

const FRONT = '第一卷/00_封面及卷内目录.pdf';
const QISU = '第一卷/01_起诉意见书.pdf';
const XUNWEN = '第一卷/02_讯问笔录.pdf';
const PHOTO = '第一卷/03_现场照片.jpg';

const files = [
  { path: FRONT, volume: '第一卷', pages: 2 },
  { path: QISU, volume: '第一卷', pages: 3 },
  { path: XUNWEN, volume: '第一卷', pages: 5 },
  { path: PHOTO, volume: '第一卷', pages: null },
];

/** A volume folder whose 目录 lists its files, 页次 as printed. */
const filesContents: DocumentContents = {
  document: FRONT,
  layout: 'files',
  frontPages: 0,
  entries: [
    { seq: 1, title: '起诉意见书', document: QISU, firstPage: 1, lastPage: null, dossierPage: 1 },
    { seq: 2, title: '讯问笔录', document: XUNWEN, firstPage: 1, lastPage: null, dossierPage: 4 },
  ],
};

const byPath = (numbered: NumberedDocument[], path: string) => numbered.find((document) => document.document === path) as NumberedDocument;

describe('numberDossierPages', () => {
  it('numbers pages from the 目录’s 页次, counts on into files it does not list, gives the cover none', () => {
    const numbered = numberDossierPages({ files, contents: [filesContents] });
    expect(byPath(numbered, FRONT).numbers).toEqual([null, null]);
    expect(byPath(numbered, QISU)).toMatchObject({ volume: '第一卷', title: '起诉意见书', numbers: [1, 2, 3], sources: ['contents', 'contents', 'contents'] });
    expect(byPath(numbered, XUNWEN).numbers).toEqual([4, 5, 6, 7, 8]);
    expect(byPath(numbered, PHOTO)).toMatchObject({ numbers: [9], sources: ['count'] });
  });

  it('places the 页次 of a volume held in one PDF after its cover and 目录, with its rows as sections', () => {
    const contents: DocumentContents = {
      document: '第一卷.pdf',
      layout: 'pages',
      frontPages: 2,
      entries: [
        { seq: 1, title: '起诉意见书', document: '第一卷.pdf', firstPage: 3, lastPage: 4, dossierPage: 1 },
        { seq: 2, title: '讯问笔录', document: '第一卷.pdf', firstPage: 5, lastPage: null, dossierPage: 3 },
      ],
    };
    const [whole] = numberDossierPages({ files: [{ path: '第一卷.pdf', volume: null, pages: 8 }], contents: [contents] });
    expect(whole).toMatchObject({ volume: '第一卷', numbers: [null, null, 1, 2, 3, 4, 5, 6] });
    expect(placeOfPage(whole as NumberedDocument, 6)).toEqual({
      volume: '第一卷',
      title: '讯问笔录',
      dossierPage: 4,
      source: 'contents',
      documentPage: 2,
      documentPages: 4,
    });
    expect(placeOfPage(whole as NumberedDocument, 1)).toMatchObject({ title: '封面及卷内目录', dossierPage: null });
  });

  it('takes the stamped numbers where they agree with a running count, and ignores an outlier', () => {
    // The 目录 says 讯问笔录 starts at 4, the sheets say 6 (two pages were added before it); page 3 bears a stray 17.
    const contents = { ...filesContents, entries: filesContents.entries.map((entry) => ({ ...entry })) };
    const stamps = { [QISU]: [1, 2, 3], [XUNWEN]: [6, 7, 17, 9, null] };
    const numbered = numberDossierPages({ files, contents: [contents], stamps });
    expect(byPath(numbered, XUNWEN).numbers).toEqual([6, 7, 8, 9, 10]);
    expect(byPath(numbered, XUNWEN).sources).toEqual(['stamp', 'stamp', 'count', 'stamp', 'count']);
    expect(byPath(numbered, PHOTO).numbers).toEqual([11]);
  });

  it('keeps a lone stamp, but not one the 目录 contradicts with no neighbour to back it', () => {
    const lone = numberDossierPages({ files: [{ path: 'a.pdf', volume: null, pages: 3 }], contents: [], stamps: { 'a.pdf': [null, 40, null] } });
    expect(lone[0]?.numbers).toEqual([39, 40, 41]);
    const contradicted = numberDossierPages({ files, contents: [filesContents], stamps: { [XUNWEN]: [null, null, 70, null, null] } });
    expect(byPath(contradicted, XUNWEN).numbers).toEqual([4, 5, 6, 7, 8]);
  });

  it('counts through the volume in file order without a 目录, covers by name left out', () => {
    const numbered = numberDossierPages({ files, contents: [] });
    expect(byPath(numbered, FRONT).numbers).toEqual([null, null]);
    expect(byPath(numbered, QISU)).toMatchObject({ numbers: [1, 2, 3], sources: ['count', 'count', 'count'] });
    expect(byPath(numbered, XUNWEN).numbers).toEqual([4, 5, 6, 7, 8]);
    expect(byPath(numbered, PHOTO).numbers).toEqual([9]);
  });

  it('stops counting past a document of unknown length, unless a later number anchors it', () => {
    const unknown = files.map((file) => (file.path === QISU ? { ...file, pages: null } : file));
    expect(byPath(numberDossierPages({ files: unknown, contents: [] }), XUNWEN).numbers).toEqual([null, null, null, null, null]);
    const anchored = numberDossierPages({ files: unknown, contents: [filesContents] });
    expect(byPath(anchored, XUNWEN).numbers).toEqual([4, 5, 6, 7, 8]);
    expect(byPath(anchored, PHOTO).numbers).toEqual([9]);
  });

  it('numbers each volume on its own', () => {
    const numbered = numberDossierPages({
      files: [
        { path: '第一卷/01_甲.pdf', volume: '第一卷', pages: 2 },
        { path: '第二卷/01_乙.pdf', volume: '第二卷', pages: 2 },
      ],
      contents: [],
    });
    expect(numbered.map((document) => [document.volume, document.numbers])).toEqual([
      ['第一卷', [1, 2]],
      ['第二卷', [1, 2]],
    ]);
  });
});

describe('findDossierPage', () => {
  it('finds the document and PDF page that carry a 卷宗页码 in a volume', () => {
    const numbered = numberDossierPages({ files, contents: [filesContents] });
    expect(findDossierPage(numbered, '第一卷', 6)).toEqual({ document: XUNWEN, page: 3 });
    expect(findDossierPage(numbered, '第一卷', 9)).toEqual({ document: PHOTO, page: 1 });
    expect(findDossierPage(numbered, '第一卷', 10)).toBeNull();
    expect(findDossierPage(numbered, '第二卷', 1)).toBeNull();
  });

  it('leaves a page before 卷宗页码 1 unnumbered, and finds the stamped page', () => {
    const numbered = numberDossierPages({
      files: [
        { path: 'v/01_a.pdf', volume: 'v', pages: 2 },
        { path: 'v/02_b.pdf', volume: 'v', pages: 2 },
      ],
      contents: [],
      stamps: { 'v/02_b.pdf': [2, 3] },
    });
    expect(numbered.map((document) => document.numbers)).toEqual([
      [null, 1],
      [2, 3],
    ]);
    expect(findDossierPage(numbered, 'v', 2)).toEqual({ document: 'v/02_b.pdf', page: 1 });
  });
});
