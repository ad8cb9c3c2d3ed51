/**
 * Rare characters in place names (涪 of 涪陵, 亳 of 亳州) are where the recogniser errs most: it
 * reads 涪陵区 as 培陵区. The app knows the names that matter to a dossier — its 受理单位
 * (重庆市涪陵区人民检察院) and case name — so a line that has such a name but for one character
 * is set right. Only whole administrative names (three characters or more, ending in 省/市/区/县
 * /州/旗/盟/镇/乡) are used: a shorter stem would match ordinary words.
 */

const ADMINISTRATIVE = /[\u4e00-\u9fff]{2,6}?(?:自治区|自治州|自治县|省|市|区|县|州|旗|盟|镇|乡)/gu;

/** The administrative names in the given texts (a unit, a case name), each once. */
export function knownNames(texts: readonly (string | null | undefined)[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(ADMINISTRATIVE)) {
      const name = match[0];
      if ([...name].length >= 3) names.add(name);
    }
  }
  return [...names];
}

/** The line with each near-miss of a known name (one character off) replaced by the name. */
export function correctNames(line: string, names: readonly string[]): string {
  if (names.length === 0) return line;
  const chars = [...line];
  for (const name of names) {
    const target = [...name];
    const n = target.length;
    for (let i = 0; i + n <= chars.length; i++) {
      let differences = 0;
      for (let k = 0; k < n && differences < 2; k++) if (chars[i + k] !== target[k]) differences += 1;
      // Exactly one off, and the differing character is a CJK ideograph (never a digit or mark).
      if (differences !== 1) continue;
      const at = target.findIndex((char, k) => chars[i + k] !== char);
      if (!/\p{Script=Han}/u.test(chars[i + at] ?? '')) continue;
      chars.splice(i, n, ...target);
    }
  }
  return chars.join('');
}
