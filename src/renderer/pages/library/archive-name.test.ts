import { describe, expect, it } from 'vitest';
import { dragHasFiles, firstDroppedFile, isDossierArchiveName } from './archive-name';

describe('isDossierArchiveName', () => {
  it('accepts .zip and .7z in any case, nothing else', () => {
    expect(isDossierArchiveName('陈颖康危险驾驶案.zip')).toBe(true);
    expect(isDossierArchiveName('卷宗.7Z')).toBe(true);
    expect(isDossierArchiveName('卷宗.rar')).toBe(false);
    expect(isDossierArchiveName('zip')).toBe(false);
    expect(isDossierArchiveName('卷宗.zip.pdf')).toBe(false);
  });
});

describe('drops', () => {
  it('takes the first file, and tells file drags from text drags', () => {
    const a = new File(['a'], 'a.zip');
    const b = new File(['b'], 'b.zip');
    expect(firstDroppedFile([a, b])).toBe(a);
    expect(firstDroppedFile([])).toBeNull();
    expect(firstDroppedFile(null)).toBeNull();
    expect(dragHasFiles(['Files', 'text/uri-list'])).toBe(true);
    expect(dragHasFiles(['text/plain'])).toBe(false);
  });
});
