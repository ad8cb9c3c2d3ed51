/** Lists an archive with 7za (`l -slt`), names decoded right and every entry checked for safety. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { checkArchiveLimits, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { sevenZipFailure } from './archive-errors';
import { entryProblem } from './entry-safety';
import { passwordSwitch, runSevenZip, SevenZipOutputLimit, SevenZipTimeout } from './run-seven-zip';
import { planSavedNames } from './saved-names';
import { parseSltListing } from './slt-listing';
import { nameKey, zipNameFixes } from './zip-names';

export const SUPPORTED_TYPES = ['zip', '7z'] as const;

export interface ArchiveEntry {
  /** The real name, `/`-separated, as the archive gives it. */
  path: string;
  /** Where it is saved (relative, `/`-separated): `path` made safe for every OS (see saved-names); `path` when absent. */
  saved?: string;
  /** The name as 7za reports it (and writes it to disk). */
  rawPath: string;
  folder: boolean;
  size: number;
  encrypted: boolean;
}

export interface ArchiveListing {
  type: (typeof SUPPORTED_TYPES)[number];
  /** Entries to extract (an entry naming only `.` is left out). */
  entries: ArchiveEntry[];
  /** Sum of the unpacked sizes. */
  totalBytes: number;
  /** The archive file's size. */
  archiveBytes?: number;
  /** Some entry is encrypted. */
  encrypted: boolean;
  /** Files saved under another name than the archive's (none when absent). */
  renamed?: { original: string; saved: string }[];
}

export interface ListOptions {
  password?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Entry count, unpacked size and ratio bounds; the defaults when not given. */
  limits?: Partial<ArchiveLimits>;
  /** Called with 7za's pid once it runs. */
  onSpawn?: (pid: number) => void;
}

const DEFAULT_LIST_TIMEOUT_MS = 60_000;
/** `7za l -slt` prints some 300 bytes per entry: more than this is far beyond the entry limit. */
const BYTES_PER_LISTED_ENTRY = 1024;

function unsafeError(unsafe: string[]): AppError {
  const shown = unsafe.slice(0, 10).join(', ');
  return new AppError('UNSAFE_ARCHIVE', `Unsafe entries refused: ${shown}${unsafe.length > 10 ? ` and ${unsafe.length - 10} more` : ''}`);
}

/**
 * Lists `archivePath`; throws AppError NOT_FOUND when there is no such file, UNSAFE_ARCHIVE naming
 * every entry that must not be extracted, PAYLOAD_TOO_LARGE (ArchiveLimitError) past a limit.
 */
export async function listArchive(archivePath: string, options: ListOptions = {}): Promise<ArchiveListing> {
  const password = options.password || undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS;
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  const stats = await stat(archivePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new AppError('NOT_FOUND', `No such archive: ${basename(archivePath)}`);
    throw error;
  });
  if (!stats.isFile()) throw new AppError('VALIDATION', `Not a file: ${basename(archivePath)}`);
  let result;
  try {
    // Without a password an empty `-p` is given, so 7za never asks; with one it goes to stdin.
    result = await runSevenZip(['l', '-slt', '-y', ...passwordSwitch(password), '--', archivePath], {
      timeoutMs,
      maxOutputBytes: Math.max(16 * 1024 * 1024, limits.maxEntries * BYTES_PER_LISTED_ENTRY),
      ...(password ? { password } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
    });
  } catch (error) {
    if (error instanceof SevenZipTimeout) throw new AppError('CORRUPT_ARCHIVE', `Listing the archive took longer than ${timeoutMs} ms`);
    if (error instanceof SevenZipOutputLimit) checkArchiveLimits({ entries: Number.POSITIVE_INFINITY, unpackedBytes: 0, archiveBytes: stats.size }, limits);
    throw error;
  }
  const listing = parseSltListing(result.stdout);
  if (result.code !== 0 || listing.openErrors) throw await sevenZipFailure(result, archivePath, password !== undefined);
  const type = listing.archive.Type ?? '';
  if (!(SUPPORTED_TYPES as readonly string[]).includes(type)) throw new AppError('UNSUPPORTED_ARCHIVE', `Unsupported archive type: ${type || 'unknown'}`);
  checkArchiveLimits({ entries: listing.entries.length, unpackedBytes: 0, archiveBytes: stats.size }, limits);

  const fixes = type === 'zip' ? await zipNameFixes(archivePath) : new Map<string, string>();
  const vetted: Omit<ArchiveEntry, 'saved'>[] = [];
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
    const size = Number(block.Size ?? '');
    vetted.push({
      path: nameKey(real).replace(/\/+$/, ''),
      rawPath,
      folder: block.Folder === '+' || /^\S*D/.test(facts.attributes),
      size: Number.isSafeInteger(size) && size > 0 ? size : 0,
      encrypted: block.Encrypted === '+',
    });
  }
  if (unsafe.length > 0) throw unsafeError(unsafe);
  const plan = planSavedNames(vetted);
  if (plan.problems.length > 0) throw unsafeError(plan.problems.map(({ name, problem }) => `${name} (${problem})`));
  const entries: ArchiveEntry[] = [];
  vetted.forEach((entry, i) => {
    const saved = plan.saved[i];
    if (saved != null) entries.push({ ...entry, saved });
  });
  const files = new Set(entries.filter((entry) => !entry.folder).map((entry) => entry.path));
  const totalBytes = entries.reduce((sum, entry) => sum + (entry.folder ? 0 : entry.size), 0);
  checkArchiveLimits({ entries: entries.length, unpackedBytes: totalBytes, archiveBytes: stats.size }, limits);
  return {
    type: type as ArchiveListing['type'],
    entries,
    totalBytes,
    archiveBytes: stats.size,
    encrypted: entries.some((entry) => entry.encrypted),
    renamed: plan.renamed.filter(({ original }) => files.has(original)),
  };
}
