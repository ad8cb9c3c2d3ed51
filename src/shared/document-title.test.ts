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
  it('tells PDFs from scans and ignores other files', () => {
    expect(documentKindOf('a/b.PDF')).toBe('pdf');
    expect(documentKindOf('a/b.jpeg')).toBe('image');
    expect(documentKindOf('a/b.png')).toBe('image');
    expect(documentKindOf('a/b.docx')).toBeNull();
    expect(documentKindOf('a/pdf')).toBeNull();
  });
});
