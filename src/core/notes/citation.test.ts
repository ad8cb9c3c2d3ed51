import { describe, expect, it } from 'vitest';
import { citation, documentTitle, volumeOfPath } from './citation';

describe('documentTitle', () => {
  it('drops the extension and a leading ordinal that only orders the files', () => {
    expect(documentTitle('第一卷/03_讯问笔录（第一次）.pdf')).toBe('讯问笔录（第一次）');
    expect(documentTitle('第一卷/00_封面及卷内目录.pdf')).toBe('封面及卷内目录');
    expect(documentTitle('第二卷/12-鉴定意见.pdf')).toBe('鉴定意见');
    expect(documentTitle('01 起诉意见书.PDF')).toBe('起诉意见书');
    expect(documentTitle('第三卷/7、现场照片.jpg')).toBe('现场照片');
  });

  it('keeps digits that are part of the title, and a name that is only an ordinal', () => {
    expect(documentTitle('第一卷/2024年情况说明.pdf')).toBe('2024年情况说明');
    expect(documentTitle('第一卷/01.pdf')).toBe('01');
    expect(documentTitle('第一卷/2024.12.01情况说明.pdf')).toBe('2024.12.01情况说明');
    expect(documentTitle('讯问笔录')).toBe('讯问笔录');
  });
});

describe('citation', () => {
  it('cites volume, document and page as a 阅卷笔录 does', () => {
    expect(citation('第一卷', '第一卷/03_讯问笔录.pdf', 3)).toBe('《第一卷·讯问笔录》第3页');
    expect(citation(null, '01_起诉意见书.pdf', 12)).toBe('《起诉意见书》第12页');
  });

  it('takes the volume of a path from its top-level folder', () => {
    expect(volumeOfPath('第二卷/01_鉴定意见.pdf')).toBe('第二卷');
    expect(volumeOfPath('起诉意见书.pdf')).toBeNull();
  });
});
