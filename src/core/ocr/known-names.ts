/**
 * Rare characters in place names (涪 of 涪陵, 亳 of 亳州) are where the recogniser errs most: it
 * reads 涪陵区 as 培陵区 or drops the 涪. The dossier itself says which places matter: its 受理单位
 * (重庆市涪陵区人民检察院), its case name, and the text layers of its typed pages (a cover, a 目录,
 * a typed 起诉意见书 naming 重庆市涪陵区公安局). A recognised line that has such a name but for one
 * character is set right.
 *
 * Names are taken only where they can be told from ordinary words: a chain of administrative units
 * that starts with a province-level name (重庆市 涪陵区, 安徽省 亳州市 谯城区), each unit three
 * characters or more (a shorter stem would match ordinary words).
 */

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆',
];
const PROVINCE = new RegExp(`(?:${PROVINCES.join('|')})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?`, 'gu');
/** One unit below the province: a county-level or prefecture-level name with its suffix. */
const UNIT = /^[\u4e00-\u9fff]{2,5}?(?:自治州|自治县|地区|新区|市|区|县|州|旗|盟)/u;

/** What follows a place name in a dossier: the authority of that place. */
const AUTHORITY = /^(?:公安|人民检察院|人民法院|检察院|法院|看守所|派出所|司法局|监察委)/u;

function addNames(text: string, names: Set<string>): void {
  for (const match of text.matchAll(PROVINCE)) {
    if ([...match[0]].length >= 3) names.add(match[0]);
    let rest = text.slice((match.index ?? 0) + match[0].length);
    for (let depth = 0; depth < 3; depth++) {
      const unit = UNIT.exec(rest);
      if (!unit || [...unit[0]].length < 3) break;
      names.add(unit[0]);
      rest = rest.slice(unit[0].length);
    }
  }
}

/** The administrative names in the given texts (a unit, a case name, typed pages), each once. */
export function knownNames(texts: Iterable<string | null | undefined>): string[] {
  const names = new Set<string>();
  for (const text of texts) if (text) addNames(text, names);
  return [...names];
}

/** Names gathered as a dossier is read: given ones first, then those its typed pages carry. */
export class NameBook {
  private readonly names: Set<string>;
  private list: string[];

  constructor(given: readonly string[]) {
    this.names = new Set(given);
    this.list = [...this.names];
  }

  /** Takes the names a page's text layer carries. */
  read(text: string): void {
    const before = this.names.size;
    addNames(text, this.names);
    if (this.names.size !== before) this.list = [...this.names];
  }

  get all(): readonly string[] {
    return this.list;
  }
}

/** Which characters of the line are part of a known name as it stands (never changed). */
function exactly(chars: readonly string[], names: readonly string[]): boolean[] {
  const text = chars.join('');
  const held = new Array<boolean>(chars.length).fill(false);
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      // Positions in code points (names are all in the basic plane, the line may not be).
      const start = [...text.slice(0, at)].length;
      for (let k = 0; k < [...name].length; k++) held[start + k] = true;
    }
  }
  return held;
}

/** The line with each near-miss of a known name (one character off, or one dropped) replaced by the name. */
export function correctNames(line: string, names: readonly string[]): string {
  if (names.length === 0) return line;
  let chars = [...line];
  for (const name of names) {
    const target = [...name];
    const n = target.length;
    if (chars.join('').includes(name)) continue;
    const held = exactly(chars, names);
    // One character read wrong (培陵区 for 涪陵区), never one of another name read right.
    for (let i = 0; i + n <= chars.length; i++) {
      if (held.slice(i, i + n).some(Boolean)) continue;
      let differences = 0;
      let at = -1;
      for (let k = 0; k < n && differences < 2; k++) {
        if (chars[i + k] !== target[k]) {
          differences += 1;
          at = k;
        }
      }
      if (differences !== 1 || !/\p{Script=Han}/u.test(chars[i + at] ?? '')) continue;
      // Only where a place name is expected: after another known name, or before an authority (丘陵区域 stays).
      const before = chars.slice(0, i).join('');
      const after = chars.slice(i + n).join('');
      if (!names.some((other) => other !== name && before.endsWith(other)) && !AUTHORITY.test(after)) continue;
      chars.splice(i, n, ...target);
    }
    // One character dropped (陵区 after 重庆市 for 涪陵区): only inside a longer known chain, where
    // the rest of the name is unmistakable (two characters or more, the suffix included).
    const missing = target.slice(1).join('');
    if (n >= 3 && !chars.join('').includes(name)) {
      const text = chars.join('');
      const at = text.indexOf(missing);
      const before = at > 0 ? text.slice(0, at) : '';
      if (at >= 0 && names.some((other) => other !== name && before.endsWith(other))) {
        chars = [...`${before}${name}${text.slice(at + missing.length)}`];
      }
    }
  }
  return chars.join('');
}
