import { describe, expect, it } from 'vitest';
import { normalizeForSearch, normalizeWithSourceMap, RADICALS_SUPPLEMENT, sourceRange } from './cjk-text';

describe('normalizeForSearch', () => {
  it('folds Kangxi radicals to the ordinary ideographs', () => {
    expect(normalizeForSearch('犯罪嫌疑⼈')).toBe('犯罪嫌疑人');
    expect(normalizeForSearch('⼀⼆⼈⼊⼋⼑⼝⼟⼤⼥⼦⼭⽇⽉⽔⽕⽊⾦⾔⻓')).toBe('一二人入八刀口土大女子山日月水火木金言长');
    // Every code point of the block folds to a unified ideograph.
    for (let code = 0x2f00; code <= 0x2fd5; code++) {
      const folded = normalizeForSearch(String.fromCodePoint(code));
      expect(Array.from(folded)).toHaveLength(1);
      expect(folded).toMatch(/^[\u3400-\u4dbf\u4e00-\u9fff]$/);
    }
  });

  it('folds the simplified-form radicals of the supplement (which NFKC leaves alone)', () => {
    const pairs: [string, string][] = [
      ['⻅', '见'], ['⻆', '角'], ['⻉', '贝'], ['⻋', '车'], ['⻓', '长'], ['⻔', '门'], ['⻘', '青'], ['⻙', '韦'],
      ['⻚', '页'], ['⻛', '风'], ['⻜', '飞'], ['⻝', '食'], ['⻢', '马'], ['⻥', '鱼'], ['⻦', '鸟'], ['⻧', '卤'],
      ['⻨', '麦'], ['⻩', '黄'], ['⻪', '黾'], ['⻬', '齐'], ['⻭', '歯'], ['⻮', '齿'], ['⻯', '竜'], ['⻰', '龙'],
      ['⻱', '龜'], ['⻲', '亀'], ['⻳', '龟'],
    ];
    for (const [radical, ideograph] of pairs) expect(normalizeForSearch(radical), radical).toBe(ideograph);
    expect(normalizeForSearch('看⻅⻋⻔')).toBe('看见车门');
  });

  it('folds the common supplement radicals', () => {
    const pairs: [string, string][] = [
      ['⺈', '刀'], ['⺊', '卜'], ['⺌', '小'], ['⺍', '小'], ['⺕', '𫜹'], ['⺗', '心'], ['⺝', '月'], ['⺤', '爫'],
      ['⺧', '牛'], ['⺪', '𤴔'], ['⺫', '目'], ['⺮', '𥫗'], ['⺳', '㓁'], ['⺶', '羊'], ['⺷', '𦍌'], ['⺻', '聿'],
      ['⺼', '肉'], ['⻀', '艹'], ['⻂', '衤'], ['⻊', '𧾷'], ['⻏', '邑'], ['⻖', '阝'], ['⻗', '雨'], ['⻞', '𩙿'],
    ];
    for (const [radical, ideograph] of pairs) expect(normalizeForSearch(radical), radical).toBe(ideograph);
  });

  it('covers every assigned supplement code point that has an equivalent ideograph', () => {
    for (let code = 0x2e81; code <= 0x2ef3; code++) {
      if (code === 0x2e9a) continue; // unassigned
      const folded = normalizeForSearch(String.fromCodePoint(code));
      expect(RADICALS_SUPPLEMENT.has(code), code.toString(16)).toBe(true);
      expect(folded).not.toBe(String.fromCodePoint(code));
      expect(folded).toMatch(/^[\u3400-\u4dbf\u4e00-\u9fff\u{20000}-\u{2ffff}]$/u);
    }
    expect(RADICALS_SUPPLEMENT.size).toBe(114);
    // REPEAT has no equivalent: it stays as it is.
    expect(normalizeForSearch('\u2e80')).toBe('\u2e80');
  });

  it('turns full-width ASCII and the ideographic space into ASCII and drops all whitespace', () => {
    expect(normalizeForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeForSearch('讯　问　笔　录')).toBe('讯问笔录');
    expect(normalizeForSearch('讯 问\t笔\n录\r\n')).toBe('讯问笔录');
    expect(normalizeForSearch('第\u200b一\u00a0卷')).toBe('第一卷');
    expect(normalizeForSearch('（２０２４）渝检刑诉Ｎｏ．５')).toBe('(2024)渝检刑诉no.5');
  });

  it('lower-cases Latin letters and keeps everything else as written', () => {
    expect(normalizeForSearch('iPhone 15 Pro')).toBe('iphone15pro');
    expect(normalizeForSearch('陈浩然涉嫌诈骗案')).toBe('陈浩然涉嫌诈骗案');
    expect(normalizeForSearch('¥1,000元')).toBe('¥1,000元');
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch('  \u3000 ')).toBe('');
  });

  it('treats a precomposed letter and a letter with a combining mark alike', () => {
    expect(normalizeForSearch('Café')).toBe(normalizeForSearch('Cafe\u0301'));
  });

  it('keeps characters outside the basic plane intact', () => {
    expect(normalizeForSearch('𠀀 𪚥')).toBe('𠀀𪚥');
  });

  it('makes a query typed with ordinary ideographs match text stored with radicals', () => {
    const stored = '犯 罪 嫌 疑 ⼈ 陈 某 ⻅ 到 被 害 ⼈';
    expect(normalizeForSearch(stored).includes(normalizeForSearch('嫌疑人陈某见到'))).toBe(true);
  });
});

describe('normalizeWithSourceMap', () => {
  it('gives the same text as normalizeForSearch', () => {
    for (const text of ['讯 问 ⼈ ＡＢ', 'Cafe\u0301 ﬁne', '𠀀 ⻅', '', ' \n ']) {
      expect(normalizeWithSourceMap(text).normalized).toBe(normalizeForSearch(text));
    }
  });

  it('maps every normalised position back to where it came from', () => {
    const text = '讯 问　⼈ Ａb';
    const mapped = normalizeWithSourceMap(text);
    expect(mapped.normalized).toBe('讯问人ab');
    expect(mapped.sourceIndex).toEqual([0, 2, 4, 6, 7]);
    expect(mapped.sourceEnd).toEqual([1, 3, 5, 7, 8]);
  });

  it('finds the original range of a match, spaces inside it included', () => {
    const text = '当时我看 ⻅ 被害 ⼈ 倒在地上';
    const mapped = normalizeWithSourceMap(text);
    const query = normalizeForSearch('看见被害人');
    const at = mapped.normalized.indexOf(query);
    expect(at).toBeGreaterThan(0);
    const [start, end] = sourceRange(mapped, at, at + query.length);
    expect(text.slice(start, end)).toBe('看 ⻅ 被害 ⼈');
  });

  it('maps both halves of a surrogate pair and every letter of a ligature to their source', () => {
    const mapped = normalizeWithSourceMap('a 𠀀 ﬁ');
    expect(mapped.normalized).toBe('a𠀀fi');
    expect(mapped.sourceIndex).toEqual([0, 2, 2, 5, 5]);
    expect(mapped.sourceEnd).toEqual([1, 4, 4, 6, 6]);
    expect(sourceRange(mapped, 1, 3)).toEqual([2, 4]);
    // Half a ligature still shows the whole ligature.
    expect(sourceRange(mapped, 4, 5)).toEqual([5, 6]);
  });

  it('keeps a combining mark with its letter', () => {
    const text = 'Cafe\u0301!';
    const mapped = normalizeWithSourceMap(text);
    expect(mapped.normalized).toBe('café!');
    expect(sourceRange(mapped, 3, 4)).toEqual([3, 5]);
  });

  it('refuses an empty or out-of-range request', () => {
    const mapped = normalizeWithSourceMap('abc');
    expect(() => sourceRange(mapped, 1, 1)).toThrow(RangeError);
    expect(() => sourceRange(mapped, 2, 5)).toThrow(RangeError);
  });
});
