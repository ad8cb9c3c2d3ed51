/** Names for dossier folders and copied archives that every OS accepts. */
import { isWindowsDeviceName, WINDOWS_FORBIDDEN_CHARS } from '../fs/windows-names';
import { DOSSIER_FILE } from './dossier-record';

export const MAX_NAME_CHARS = 80;
/** Most file systems allow 255 bytes per name; keep room for a numbered suffix. */
const MAX_NAME_BYTES = 240;

function fitLength(name: string, maxChars: number): string {
  let chars = Array.from(name).slice(0, maxChars);
  while (chars.length > 0 && Buffer.byteLength(chars.join(''), 'utf8') > MAX_NAME_BYTES) chars = chars.slice(0, -1);
  return chars.join('');
}

/**
 * `name` made safe as one path segment on Windows, macOS and Linux: no / \ : * ? " < > | or control
 * characters, no leading dot (hidden), no trailing dot or space, no reserved device name, at most
 * `maxChars` characters. Never empty.
 */
export function safeName(name: string, maxChars = MAX_NAME_CHARS, fallback = '卷宗'): string {
  let out = '';
  for (const char of name.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f || WINDOWS_FORBIDDEN_CHARS.includes(char) ? '_' : char;
  }
  out = fitLength(out.trim().replace(/^[.\s]+/, ''), maxChars).replace(/[. ]+$/, '');
  if (out === '') out = fallback;
  if (isWindowsDeviceName(out)) out = `${out}_`;
  return out;
}

/** `base` with ` (n)` appended, the whole still within the length limit. */
export function withSuffix(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = ` (${n})`;
  return `${safeName(base, MAX_NAME_CHARS - suffix.length)}${suffix}`;
}

/** Splits `name.ext` (a single extension of up to 10 letters or digits); no extension → ''. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const match = /^(.+?)(\.[A-Za-z0-9]{1,10})$/.exec(name);
  return match ? { stem: match[1] as string, ext: match[2] as string } : { stem: name, ext: '' };
}

/** The copied archive's name: the original's stem made safe, its extension kept. */
export function safeArchiveFileName(original: string): string {
  const { stem, ext } = splitExtension(original.trim());
  return `${safeName(stem, MAX_NAME_CHARS, '卷宗')}${ext.toLowerCase()}`;
}

/** The subfolder the archive is extracted into: its name without the extension. */
export function extractedDirName(archiveFileName: string): string {
  const { stem } = splitExtension(archiveFileName);
  // Never the archive itself, nor the record file.
  if (stem === archiveFileName || stem === DOSSIER_FILE || stem.startsWith('.')) return `${safeName(stem)}_extracted`;
  return stem;
}
