/** Lists an archive with 7za (`l -slt`), names decoded right and every entry checked for safety. */
import { AppError } from '../../shared/errors';
import { sevenZipFailure } from './archive-errors';
import { entryProblem } from './entry-safety';
import { runSevenZip, SevenZipTimeout } from './run-seven-zip';
import { parseSltListing } from './slt-listing';
import { nameKey, zipNameFixes } from './zip-names';

export const SUPPORTED_TYPES = ['zip', '7z'] as const;

export interface ArchiveEntry {
  /** The real name, `/`-separated. */
  path: string;
  /** The name as 7za reports it (and writes it to disk). */
  rawPath: string;
  folder: boolean;
  size: number;
  encrypted: boolean;
}

export interface ArchiveListing {
  type: (typeof SUPPORTED_TYPES)[number];
  entries: ArchiveEntry[];
  /** Sum of the unpacked sizes. */
  totalBytes: number;
  /** Some entry is encrypted. */
  encrypted: boolean;
}

export interface ListOptions {
  password?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_LIST_TIMEOUT_MS = 60_000;

/** Lists `archivePath`; throws AppError UNSAFE_ARCHIVE naming every entry that must not be extracted. */
export async function listArchive(archivePath: string, options: ListOptions = {}): Promise<ArchiveListing> {
  const password = options.password ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS;
  let result;
  try {
    // `-p` is always given, empty without a password, so 7za never asks for one.
    result = await runSevenZip(['l', '-slt', '-y', `-p${password}`, '--', archivePath], { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (error instanceof SevenZipTimeout) throw new AppError('CORRUPT_ARCHIVE', `Listing the archive took longer than ${timeoutMs} ms`);
    throw error;
  }
  const listing = parseSltListing(result.stdout);
  if (result.code !== 0 || listing.openErrors) throw await sevenZipFailure(result, archivePath, password !== '');
  const type = listing.archive.Type ?? '';
  if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) throw new AppError('UNSUPPORTED_ARCHIVE', `Unsupported archive type: ${type || 'unknown'}`);

  const fixes = type === 'zip' ? await zipNameFixes(archivePath) : new Map<string, string>();
  const entries: ArchiveEntry[] = [];
  const unsafe: string[] = [];
  for (const block of listing.entries) {
    const rawPath = block.Path ?? '';
    const real = fixes.get(nameKey(rawPath)) ?? rawPath;
    const facts = {
      attributes: block.Attributes ?? '',
      link: block['Symbolic Link'] || block['Hard Link'] || block.Link || '',
      anti: block.Anti === '+',
    };
    const problem = entryProblem({ name: real, ...facts }) ?? (real === rawPath ? null : entryProblem({ name: rawPath, ...facts }));
    if (problem) {
      unsafe.push(`${real} (${problem})`);
      continue;
    }
    entries.push({
      path: nameKey(real).replace(/\/+$/, ''),
      rawPath,
      folder: block.Folder === '+' || /^\S*D/.test(facts.attributes),
      size: Number.parseInt(block.Size ?? '', 10) || 0,
      encrypted: block.Encrypted === '+',
    });
  }
  if (unsafe.length > 0) {
    const shown = unsafe.slice(0, 10).join(', ');
    throw new AppError('UNSAFE_ARCHIVE', `Unsafe entries refused: ${shown}${unsafe.length > 10 ? ` and ${unsafe.length - 10} more` : ''}`);
  }
  return {
    type: type as ArchiveListing['type'],
    entries,
    totalBytes: entries.reduce((sum, entry) => sum + (entry.folder ? 0 : entry.size), 0),
    encrypted: entries.some((entry) => entry.encrypted),
  };
}
