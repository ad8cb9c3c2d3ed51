/**
 * The names entries are saved under, so that a dossier extracted on one OS can be copied to and read
 * on Windows, macOS and Linux. Chosen per case:
 * - `.` segments and empty segments are dropped; an entry naming only `.` (the archive's root) is ignored;
 * - characters Windows forbids (`< > " | ? *`) become `_` (`:` and control characters are refused
 *   earlier, as unsafe);
 * - trailing dots and spaces are trimmed (Windows drops them, so `a.` and `a` would be one file);
 * - Windows device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension) get `_` after their
 *   stem: `CON` → `CON_`, `aux.txt` → `aux_.txt`;
 * - a saved name that meets another one (case-insensitively, as on Windows and macOS) only because of
 *   these changes is numbered: `CON_ (2).txt`;
 * - a segment over 255 bytes (UTF-8) or 255 UTF-16 units is refused: no file system the app runs on
 *   takes it, and 7-Zip cannot write it under another name; so is a path over MAX_SAVED_PATH bytes;
 * - exact duplicates and names differing only in case are refused: 7-Zip writes them over one another
 *   on Windows and macOS, so one document would silently be lost; so is a file and a folder sharing a name.
 * Every entry saved under another name is reported (`renamed`) and kept in the dossier's record.
 */
import { isWindowsDeviceName } from '../fs/windows-names';

const WINDOWS_FORBIDDEN = /[<>"|?*]/g;
const MAX_SEGMENT_BYTES = 255;
/** Longest saved path in bytes: Linux allows 4096 for the whole path, staging folders included. */
export const MAX_SAVED_PATH = 3072;

export interface NameProblem {
  name: string;
  problem: string;
}

function splitExt(name: string): { stem: string; ext: string } {
  const match = /^(.+?)(\.[A-Za-z0-9]{1,10})$/.exec(name);
  return match ? { stem: match[1] as string, ext: match[2] as string } : { stem: name, ext: '' };
}

export function tooLong(name: string): boolean {
  return name.length > MAX_SEGMENT_BYTES || Buffer.byteLength(name, 'utf8') > MAX_SEGMENT_BYTES;
}

/** One path segment made acceptable on every desktop OS (never empty, never `.` or `..`). */
export function savedSegment(segment: string): string {
  let name = segment.normalize('NFC').replace(WINDOWS_FORBIDDEN, '_').replace(/[. ]+$/, '');
  if (name === '') name = '_';
  const dot = name.indexOf('.');
  const stem = dot < 0 ? name : name.slice(0, dot);
  if (isWindowsDeviceName(name)) name = `${stem}_${dot < 0 ? '' : name.slice(dot)}`;
  return name;
}

function numbered(name: string, n: number): string {
  const { stem, ext } = splitExt(name);
  return `${stem} (${n})${ext}`;
}

const keyOf = (path: string): string => path.toLowerCase();

/**
 * The saved path of each entry (null: ignored), the renamed ones, and the entries refused. Entries are
 * `/`-separated paths already vetted by entryProblem (no `..`, no absolute paths).
 */
export function planSavedNames(entries: ReadonlyArray<{ path: string; folder: boolean }>): {
  saved: (string | null)[];
  renamed: { original: string; saved: string }[];
  problems: NameProblem[];
} {
  const taken = new Map<string, { saved: string; folder: boolean; original: string }>();
  const saved: (string | null)[] = [];
  const renamed: { original: string; saved: string }[] = [];
  const problems: NameProblem[] = [];
  for (const entry of entries) {
    const parts = entry.path.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.length === 0) {
      saved.push(null);
      continue;
    }
    const overlong = parts.find(tooLong);
    if (overlong !== undefined || Buffer.byteLength(entry.path, 'utf8') > MAX_SAVED_PATH) {
      problems.push({ name: entry.path, problem: overlong !== undefined ? 'name longer than 255 bytes' : 'path too long' });
      saved.push(null);
      continue;
    }
    let prefix = '';
    let result: string | null = null;
    for (let i = 0; i < parts.length; i++) {
      const original = parts.slice(0, i + 1).join('/');
      const asFolder = i < parts.length - 1 || entry.folder;
      const segment = savedSegment(parts[i] as string);
      let candidate = prefix === '' ? segment : `${prefix}/${segment}`;
      const existing = taken.get(keyOf(candidate));
      if (asFolder) {
        if (existing && !existing.folder) {
          problems.push({ name: entry.path, problem: `a file and a folder share the name ${existing.original}` });
          break;
        }
        if (!existing) taken.set(keyOf(candidate), { saved: candidate, folder: true, original });
        prefix = existing ? existing.saved : candidate;
        if (i === parts.length - 1) result = prefix;
        continue;
      }
      if (existing) {
        if (keyOf(existing.original.normalize('NFC')) === keyOf(original.normalize('NFC'))) {
          problems.push({ name: entry.path, problem: existing.original === original ? 'duplicate name' : `differs only in case from ${existing.original}` });
          break;
        }
        for (let n = 2; taken.has(keyOf(candidate)); n++) candidate = `${prefix === '' ? '' : `${prefix}/`}${numbered(segment, n)}`;
      }
      taken.set(keyOf(candidate), { saved: candidate, folder: false, original });
      result = candidate;
    }
    saved.push(result);
    if (result !== null && result !== entry.path) renamed.push({ original: entry.path, saved: result });
  }
  return { saved, renamed, problems };
}
