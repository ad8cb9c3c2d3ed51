import { describe, expect, it } from 'vitest';
import { countContents, describeFiles } from './dossier-files';

describe('describeFiles', () => {
  it('strips one folder that wraps volumes', () => {
    const files = describeFiles([
      { path: '陈浩然案/第一卷/01_起诉意见书.pdf', size: 10 },
      { path: '陈浩然案/第二卷/01_讯问笔录.pdf', size: 20 },
      { path: '陈浩然案/目录.pdf', size: 5 },
    ]);
    expect(files.map((file) => file.volume)).toEqual(['第一卷', '第二卷', null]);
    expect(files[0]?.path).toBe('陈浩然案/第一卷/01_起诉意见书.pdf');
  });

  it('takes one flat folder as the one volume', () => {
    const files = describeFiles([
      { path: '第一卷/00_封面.pdf', size: 1 },
      { path: '第一卷/01_起诉意见书.pdf', size: 1 },
    ]);
    expect(files.map((file) => file.volume)).toEqual(['第一卷', '第一卷']);
  });

  it('does not strip when the top holds more than one folder or loose files', () => {
    expect(describeFiles([{ path: '第一卷/a.pdf', size: 1 }, { path: '第二卷/b.pdf', size: 1 }]).map((f) => f.volume)).toEqual(['第一卷', '第二卷']);
    expect(describeFiles([{ path: 'a.pdf', size: 1 }, { path: '第一卷/x/b.pdf', size: 1 }]).map((f) => f.volume)).toEqual([null, '第一卷']);
  });
});

describe('countContents', () => {
  const files = describeFiles([
    { path: '第一卷/a.pdf', size: 100 },
    { path: '第一卷/b.PDF', size: 50 },
    { path: '第二卷/scan.jpg', size: 30 },
    { path: '第二卷/photo.png', size: 20 },
    { path: '第二卷/notes.txt', size: 5 },
  ]);

  it('counts volumes, documents and size, pages only once counted', () => {
    expect(countContents(files, false)).toEqual({ volumes: 2, documents: 4, pages: null, extractedSize: 205, pagesCounted: false });
  });

  it('adds one page per image to the counted PDF pages', () => {
    const counted = files.map((file) => (file.path.endsWith('a.pdf') ? { ...file, pages: 7 } : file.path.endsWith('b.PDF') ? { ...file, pages: 3 } : file));
    expect(countContents(counted, true).pages).toBe(12);
    // One PDF that would not open: the rest still count.
    const partly = counted.map((file) => (file.path.endsWith('b.PDF') ? { ...file, pages: null } : file));
    expect(countContents(partly, true).pages).toBe(9);
    // None opened: unknown rather than a misleading total.
    expect(countContents(files, true).pages).toBeNull();
  });

  it('counts a dossier with loose files only as one volume', () => {
    expect(countContents(describeFiles([{ path: 'a.pdf', size: 1 }]), false).volumes).toBe(1);
    expect(countContents([], false).volumes).toBe(0);
  });
});
