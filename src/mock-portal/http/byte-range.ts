/**
 * The one `Range: bytes=…` form downloads serve (RFC 9110 §14): a single range, first-last,
 * open-ended or suffix. Several ranges, other units or anything malformed are refused rather than
 * guessed at, so a resuming client learns at once that its request is wrong.
 */

export type RangeAnswer =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable'; reason: string };

const MAX_DIGITS = 15;
const single = /^bytes[ \t]*=[ \t]*(\d*)[ \t]*-[ \t]*(\d*)[ \t]*$/i;

function number(text: string): number | null {
  if (text === '' || text.length > MAX_DIGITS) return null;
  return Number(text);
}

/** What to send for a `Range` header over `size` bytes; `end` is inclusive. */
export function parseByteRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  if (header.includes(',')) return { kind: 'unsatisfiable', reason: '只支持单个字节范围' };
  const match = single.exec(header.trim());
  if (!match) return { kind: 'unsatisfiable', reason: 'Range 请求头格式无效，应为 bytes=起始-结束' };
  const [, first = '', last = ''] = match;
  if (first === '') {
    // bytes=-n: the last n bytes.
    const suffix = number(last);
    if (suffix === null) return { kind: 'unsatisfiable', reason: 'Range 请求头格式无效，应为 bytes=起始-结束' };
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable', reason: '请求的字节范围超出文件大小' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = number(first);
  const end = last === '' ? size - 1 : number(last);
  if (start === null || end === null) return { kind: 'unsatisfiable', reason: 'Range 请求头格式无效，应为 bytes=起始-结束' };
  if (last !== '' && end < start) return { kind: 'unsatisfiable', reason: 'Range 的结束位置小于起始位置' };
  if (start >= size) return { kind: 'unsatisfiable', reason: '请求的字节范围超出文件大小' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
