import { describe, expect, it } from 'vitest';
import { extractedDirName, safeArchiveFileName, safeName, withSuffix } from './safe-name';

describe('safeName', () => {
  it('replaces characters some OS refuses and trims what Windows drops', () => {
    expect(safeName('张三/李四:诈骗*案?"<>|\\')).toBe('张三_李四_诈骗_案______');
    expect(safeName('  陈浩然涉嫌诈骗案. . ')).toBe('陈浩然涉嫌诈骗案');
    expect(safeName('..隐藏')).toBe('隐藏');
    expect(safeName('a\u0001b')).toBe('a_b');
  });

  it('never gives an empty or reserved name', () => {
    expect(safeName('   ')).toBe('卷宗');
    expect(safeName('...')).toBe('卷宗');
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('lpt1.txt')).toBe('lpt1.txt_');
  });

  it('keeps at most 80 characters, and no trailing dot or space after cutting', () => {
    const long = `${'案'.repeat(79)} 尾巴`;
    expect(Array.from(safeName(long))).toHaveLength(79);
    expect(Array.from(safeName('字'.repeat(200)))).toHaveLength(80);
    // Four-byte characters: cut to stay within the byte limit of common file systems.
    expect(Buffer.byteLength(safeName('𠀀'.repeat(80)), 'utf8')).toBeLessThanOrEqual(240);
  });

  it('adds a numbered suffix within the limit', () => {
    expect(withSuffix('诈骗案', 1)).toBe('诈骗案');
    expect(withSuffix('诈骗案', 2)).toBe('诈骗案 (2)');
    const suffixed = withSuffix('字'.repeat(80), 12);
    expect(Array.from(suffixed)).toHaveLength(80);
    expect(suffixed.endsWith(' (12)')).toBe(true);
  });
});

describe('archive and extracted folder names', () => {
  it('keeps the extension of a copied archive', () => {
    expect(safeArchiveFileName('陈浩然涉嫌诈骗案.ZIP')).toBe('陈浩然涉嫌诈骗案.zip');
    expect(safeArchiveFileName('a:b.7z')).toBe('a_b.7z');
  });

  it('names the extracted folder after the archive, never the archive or dossier.json itself', () => {
    expect(extractedDirName('陈浩然涉嫌诈骗案.zip')).toBe('陈浩然涉嫌诈骗案');
    expect(extractedDirName('卷宗')).toBe('卷宗_extracted');
    expect(extractedDirName('dossier.json.zip')).toBe('dossier.json_extracted');
  });
});
