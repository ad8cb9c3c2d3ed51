import { describe, expect, it } from 'vitest';
import { formatCitation } from './citation';

describe('formatCitation', () => {
  it('cites volume, document and 卷宗页码 as the 阅卷笔录 does', () => {
    expect(formatCitation({ volume: '第一卷', title: '讯问笔录', dossierPage: 23, documentPage: 2 })).toBe('《第一卷·讯问笔录》第23页');
    expect(formatCitation({ volume: null, title: '起诉意见书', dossierPage: 1, documentPage: 1 })).toBe('《起诉意见书》第1页');
  });

  it('says when the 卷宗页码 is not known, and gives the page of the file', () => {
    expect(formatCitation({ volume: '第一卷', title: '讯问笔录', dossierPage: null, documentPage: 2 })).toBe('《第一卷·讯问笔录》（卷宗页码不详，文件第2页）');
  });

  it('reads naturally in English', () => {
    expect(formatCitation({ volume: '第一卷', title: '讯问笔录', dossierPage: 23, documentPage: 2 }, 'en')).toBe('第一卷 · 讯问笔录, p. 23');
    expect(formatCitation({ volume: null, title: '起诉意见书', dossierPage: null, documentPage: 12 }, 'en')).toBe('起诉意见书, file p. 12 (dossier page unknown)');
  });
});
