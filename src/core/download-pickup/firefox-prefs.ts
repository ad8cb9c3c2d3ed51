/**
 * Reads Firefox's download settings from a profile's prefs.js: lines such as
 * `user_pref("browser.download.dir", "C:\\Users\\张三\\下载");` — JavaScript string literals, parsed
 * here by hand (never evaluated: prefs.js is a file on disk anyone may have written).
 */

export interface FirefoxDownloadPrefs {
  /** browser.download.dir, or null when not set (or not a readable string). */
  dir: string | null;
  /** browser.download.folderList: 0 the desktop, 1 the OS Downloads folder, 2 `dir`; null when not set. */
  folderList: number | null;
}

const STRING = String.raw`"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)'`;

function prefPattern(name: string, value: string): RegExp {
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`^\s*user_pref\(\s*["']${quoted}["']\s*,\s*(?:${value})\s*\)\s*;`, 'gm');
}

/** The value of the last matching line (Firefox applies them in order, so the last one wins). */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

/** Decodes the body of a JS string literal; null for an escape a well-formed literal cannot hold. */
export function unescapeJsString(body: string): string | null {
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (char !== '\\') {
      out += char;
      continue;
    }
    i += 1;
    const next = body[i];
    if (next === undefined) return null;
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };
    if (next in simple && !(next === '0' && /[0-9]/.test(body[i + 1] ?? ''))) {
      out += simple[next];
    } else if (next === 'x') {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 2;
    } else if (next === 'u' && body[i + 1] === '{') {
      const end = body.indexOf('}', i + 2);
      const hex = end < 0 ? '' : body.slice(i + 2, end);
      if (!/^[0-9a-fA-F]{1,6}$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) return null;
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i = end;
    } else if (next === 'u') {
      const hex = body.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
      // Surrogate pairs arrive as two escapes; joining the halves gives the code point.
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 4;
    } else if (next === '\r' || next === '\n') {
      // A line continuation: no character.
      if (next === '\r' && body[i + 1] === '\n') i += 1;
    } else {
      out += next;
    }
  }
  return out;
}

export function parseFirefoxDownloadPrefs(text: string): FirefoxDownloadPrefs {
  const dirMatch = lastMatch(text, prefPattern('browser.download.dir', STRING));
  const body = dirMatch ? (dirMatch[1] ?? dirMatch[2] ?? '') : null;
  const dir = body === null ? null : unescapeJsString(body);
  const listMatch = lastMatch(text, prefPattern('browser.download.folderList', '(-?\\d+)'));
  return { dir: dir || null, folderList: listMatch ? Number.parseInt(listMatch[1] as string, 10) : null };
}
