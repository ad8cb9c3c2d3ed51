/**
 * Text normalisation for search. Text layers of Chinese PDFs often carry Kangxi radicals
 * (U+2F00–U+2FD5) and CJK Radicals Supplement code points (U+2E80–U+2EF3) in place of the ordinary
 * ideographs (⼈ for 人, ⻅ for 见), full-width forms, and spaces between characters. Both the text
 * and the query go through the same folding, so a query typed with ordinary characters finds them.
 */

/**
 * CJK Radicals Supplement → the equivalent unified ideograph (Unicode's EquivalentUnifiedIdeograph
 * data). NFKC folds only ⺟ and ⻳ of this block; the Kangxi Radicals block it folds completely.
 * U+2E80 (REPEAT) has no equivalent and U+2E9A is unassigned.
 */
const SUPPLEMENT_PAIRS =
  '⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢 ' +
  '⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕𫜹 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ' +
  '⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 ' +
  '⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ' +
  '⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ' +
  '⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 ' +
  '⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ' +
  '⻲亀 ⻳龟';

/** Code point → its ideograph. */
export const RADICALS_SUPPLEMENT: ReadonlyMap<number, string> = new Map(
  SUPPLEMENT_PAIRS.split(' ').map((pair) => {
    const [radical, ideograph] = Array.from(pair) as [string, string];
    return [radical.codePointAt(0) as number, ideograph];
  }),
);

const COMBINING_MARK = /^\p{M}$/u;
/** Whitespace and the invisible separators PDF producers put between characters. */
const DROPPED = /[\s\u200b-\u200d\u2060]/u;

/**
 * Folds one unit of text: a code point with the combining marks that follow it. The result may be
 * empty (whitespace) or longer than the input (ligatures such as ﬁ).
 */
function foldUnit(unit: string, codePoint: number): string {
  if (codePoint < 0x80 && unit.length === 1) {
    if (codePoint <= 0x20 || codePoint === 0x7f) return DROPPED.test(unit) ? '' : unit;
    return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 0x20) : unit;
  }
  // Ordinary ideographs (the bulk of a Chinese page) are already folded.
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff && unit.length === 1) return unit;
  const radical = unit.length <= 2 ? RADICALS_SUPPLEMENT.get(codePoint) : undefined;
  const folded = (radical ?? unit.normalize('NFKC')).toLowerCase();
  let out = '';
  for (const char of folded) if (!DROPPED.test(char)) out += char;
  return out;
}

/** Walks `text` unit by unit (code point + following combining marks), handing each to `visit`. */
function forEachUnit(text: string, visit: (unit: string, codePoint: number, start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const start = i;
    const codePoint = text.codePointAt(i) as number;
    i += codePoint > 0xffff ? 2 : 1;
    while (i < text.length) {
      const next = text.codePointAt(i) as number;
      if (next < 0x300 || !COMBINING_MARK.test(String.fromCodePoint(next))) break;
      i += next > 0xffff ? 2 : 1;
    }
    visit(text.slice(start, i), codePoint, start, i);
  }
}

/**
 * The text as search compares it: radicals as ordinary ideographs, full-width ASCII and the
 * ideographic space as ASCII (NFKC), ASCII in lower case, no whitespace at all.
 */
export function normalizeForSearch(text: string): string {
  let out = '';
  forEachUnit(text, (unit, codePoint) => {
    out += foldUnit(unit, codePoint);
  });
  return out;
}

export interface SourceMappedText {
  /** normalizeForSearch(text). */
  normalized: string;
  /** For each UTF-16 position of `normalized`: where the character it came from starts in the original. */
  sourceIndex: number[];
  /** For each UTF-16 position of `normalized`: where the character it came from ends in the original. */
  sourceEnd: number[];
}

/** normalizeForSearch with a map back to the original, so a match can be shown in the original text. */
export function normalizeWithSourceMap(text: string): SourceMappedText {
  let normalized = '';
  const sourceIndex: number[] = [];
  const sourceEnd: number[] = [];
  forEachUnit(text, (unit, codePoint, start, end) => {
    const folded = foldUnit(unit, codePoint);
    normalized += folded;
    for (let k = 0; k < folded.length; k++) {
      sourceIndex.push(start);
      sourceEnd.push(end);
    }
  });
  return { normalized, sourceIndex, sourceEnd };
}

/**
 * The range of the original text that produced `normalized.slice(start, end)` ([start, end) in
 * UTF-16 units of the original). `end` must be greater than `start`.
 */
export function sourceRange(mapped: SourceMappedText, start: number, end: number): [number, number] {
  const first = mapped.sourceIndex[start];
  const last = mapped.sourceEnd[end - 1];
  if (first === undefined || last === undefined || end <= start) throw new RangeError(`no source for [${start}, ${end})`);
  return [first, last];
}
