import { describe, expect, it } from 'vitest';
import { documentKindOf, documentTitle } from './document-title';

describe('documentTitle', () => {
  it('drops the folder, the ordinal prefix and the extension', () => {
    expect(documentTitle('第一卷/03_讯问笔录（第一次）.pdf')).toBe('讯问笔录（第一次）');
    expect(documentTitle('陈某案/第二卷/00_封面及卷内目录.pdf')).toBe('封面及卷内目录');
    expect(documentTitle('第一卷/112_现场照片.JPG')).toBe('现场照片');
    expect(documentTitle('第一卷\\7-鉴定意见.pdf')).toBe('鉴定意见');
    expect(documentTitle('02、起诉书.pdf')).toBe('起诉书');
  });

  it('keeps names whose leading digits are part of the name', () => {
    expect(documentTitle('2023年度报告.pdf')).toBe('2023年度报告');
    expect(documentTitle('第一卷/01_.pdf')).toBe('01_');
    expect(documentTitle('起诉意见书')).toBe('起诉意见书');
    expect(documentTitle('.pdf')).toBe('.pdf');
  });
});

describe('documentKindOf', () => {
  it('tells PDFs, scans and TIFFs from other files, and skips leftovers', () => {
    expect(documentKindOf('a/b.PDF')).toBe('pdf');
    expect(documentKindOf('a/b.jpeg')).toBe('image');
    expect(documentKindOf('a/b.png')).toBe('image');
    expect(documentKindOf('a/b.TIF')).toBe('tiff');
    expect(documentKindOf('a/b.tiff')).toBe('tiff');
    // Anything else is a document the viewer describes and the OS's app opens.
    expect(documentKindOf('a/b.docx')).toBe('other');
    expect(documentKindOf('a/pdf')).toBe('other');
    expect(documentKindOf('第一卷/讯问录像.mp4')).toBe('other');
    // A file manager's or archiver's leftovers are not documents.
    expect(documentKindOf('第一卷/Thumbs.db')).toBeNull();
    expect(documentKindOf('.DS_Store')).toBeNull();
    expect(documentKindOf('__MACOSX/第一卷/._a.pdf')).toBeNull();
  });
});
