/**
 * Decides whether one listed entry may be extracted. Refuses names that could land outside the
 * target folder (absolute, `..`, drive letters, backslash tricks) and anything but plain files and
 * folders: p7zip follows symlinks it has just extracted, so links must never reach the disk.
 */

export interface EntryFacts {
  /** The name as it will be written. */
  name: string;
  /** 7za's `Attributes` value, e.g. `_ -rw-r--r--`, `D_ drwxr-xr-x`, `_ lrwxrwxrwx`. */
  attributes: string;
  /** `Symbolic Link` / `Hard Link` / `Link` properties, when the format has them. */
  link: string;
  /** 7z anti-items delete files on extraction. */
  anti: boolean;
}

/** Why the entry is unsafe, or null when it is fine. */
export function entryProblem(entry: EntryFacts): string | null {
  const { name } = entry;
  if (name === '') return 'empty name';
  if ([...name].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f')) return 'control character in name';
  // Backslashes are separators on Windows: treat them so everywhere and check again.
  const normal = name.replaceAll('\\', '/');
  if (normal.startsWith('/') || normal.startsWith('//')) return 'absolute path';
  if (/^[A-Za-z]:/.test(normal) || normal.includes(':')) return 'drive letter or stream';
  if (normal.split('/').some((segment) => segment === '..')) return 'parent directory (..)';
  if (entry.link !== '') return 'link';
  if (entry.anti) return 'delete item';
  const unixMode = /\s([-dlcbps0?])[-rwxsStT]{9}$/.exec(entry.attributes)?.[1];
  if (unixMode === 'l') return 'symbolic link';
  if (unixMode === 'c' || unixMode === 'b') return 'device';
  if (unixMode === 'p' || unixMode === 's') return 'special file';
  return null;
}
