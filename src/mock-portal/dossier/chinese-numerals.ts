/** Chinese numerals for volume names (第十二卷) and 笔录 rounds (第三次). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 12 → 十二, 105 → 一百零五, 2024 → 二千零二十四 (for n in 1–9999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (digit === 1 && unit === '十' && out === '' ? '' : DIGITS[digit]) + unit;
  });
  return out;
}

/** 2024 → 二〇二四 (years as written on Chinese documents). */
export function chineseYear(year: number): string {
  return String(year)
    .split('')
    .map((d) => (d === '0' ? '〇' : DIGITS[Number(d)]))
    .join('');
}
