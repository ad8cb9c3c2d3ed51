/**
 * Extracts an archive into `destDir` safely: list and vet every entry first (names, size limits),
 * check free space, extract into a temporary folder beside the destination, refuse any link that
 * appeared anyway, move each file to its saved name, and only then move the folder into place. Any
 * failure (wrong password, corrupt or truncated archive, full disk, timeout, abort) removes the
 * temporary folder: nothing is left behind.
 */
import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, rmdir, statfs } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { sevenZipFailure } from './archive-errors';
import { ArchiveLimitError, MIB, type ArchiveLimits } from './archive-limits';
import { listArchive, type ArchiveListing } from './list-archive';
import { passwordSwitch, runSevenZip, SevenZipTimeout } from './run-seven-zip';
import { windowsSevenZipName } from './seven-zip-names';
import { nameKey } from './zip-names';
import { PRIVATE_DIR_MODE } from '../fs/private-dir';

export interface ExtractProgress {
  percent: number;
  totalBytes: number;
}

export interface ExtractOptions {
  password?: string;
  onProgress?: (progress: ExtractProgress) => void;
  signal?: AbortSignal;
  /** Kill 7za after this long; by default generous for the archive's unpacked size. */
  timeoutMs?: number;
  /** Unpacked size, ratio and entry count bounds (see archive-limits); the defaults when not given. */
  limits?: Partial<ArchiveLimits>;
  /** Room kept free beyond the listed sizes; default SPACE_MARGIN. */
  spaceMarginBytes?: number;
  /** Called with 7za's pid once it runs. */
  onSpawn?: (pid: number) => void;
}

export interface ExtractedFile {
  /** `/`-separated, relative to the destination folder: the saved name. */
  path: string;
  size: number;
}

export interface ExtractResult {
  type: ArchiveListing['type'];
  destDir: string;
  files: ExtractedFile[];
  totalBytes: number;
  /** Files saved under another name than the archive's (see saved-names). */
  renamed: { original: string; saved: string }[];
}

/** Room kept free beyond the listed sizes (file system overhead, other writers); said in the message. */
export const SPACE_MARGIN = 16 * MIB;
/** Renames and lstats in flight at once while arranging the files. */
const PARALLEL_FS = 16;

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const stats = await lstat(dir);
    return stats.isDirectory() && (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function freeSpace(dir: string): Promise<{ bytes: number; inodes: number }> {
  const stats = await statfs(dir);
  return { bytes: stats.bavail * stats.bsize, inodes: stats.files > 0 ? stats.ffree : Number.POSITIVE_INFINITY };
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FS, items.length) }, worker));
}

/**
 * Every plain file under `root` (relative `/` path → size). Refuses anything but plain files and
 * folders: links that slipped through listing. Folders are read one level at a time, sizes in parallel.
 */
async function walk(root: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relative = pending.pop() as string;
    const here = join(root, relative);
    // An entry's stored mode may deny us our own folder; we need to read and move its contents.
    await chmod(here, 0o700);
    const found: string[] = [];
    for (const item of await readdir(here, { withFileTypes: true })) {
      const path = relative === '' ? item.name : `${relative}/${item.name}`;
      if (item.isDirectory()) pending.push(path);
      else if (item.isFile()) found.push(path);
      else throw new AppError('UNSAFE_ARCHIVE', `Unsafe entry refused: ${path} (${item.isSymbolicLink() ? 'symbolic link' : 'special file'})`);
    }
    await inParallel(found, async (path) => {
      files.set(path, (await lstat(join(root, path))).size);
    });
  }
  return files;
}

/** Where 7za may have written an entry, relative to its output folder. */
function rawCandidates(rawPath: string): string[] {
  const plain = rawPath.replace(/\/+$/, '');
  const key = nameKey(plain);
  const clean = key
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
  const out = [plain, key, clean];
  if (process.platform === 'win32') out.push(windowsSevenZipName(clean));
  return out;
}

/** Moves what 7za wrote under its names (`raw`) to the saved names (`out`); returns the files. */
async function arrange(listing: ArchiveListing, rawFiles: Map<string, number>, raw: string, out: string): Promise<ExtractedFile[]> {
  const folders = new Set<string>();
  const moves: { from: string; to: string; size: number }[] = [];
  for (const entry of listing.entries) {
    if (entry.folder) {
      folders.add(entry.saved ?? entry.path);
      continue;
    }
    const from = rawCandidates(entry.rawPath).find((candidate) => rawFiles.has(candidate));
    if (from === undefined) throw new AppError('CORRUPT_ARCHIVE', `The archive is corrupt: ${entry.path} was not extracted`);
    const to = entry.saved ?? entry.path;
    moves.push({ from, to, size: rawFiles.get(from) ?? 0 });
    rawFiles.delete(from);
    const parent = to.split('/').slice(0, -1).join('/');
    if (parent !== '') folders.add(parent);
  }
  await mkdir(out, { mode: PRIVATE_DIR_MODE });
  // Only the deepest folders need a mkdir of their own; `recursive` makes their parents.
  const sorted = [...folders].sort();
  const leaves = sorted.filter((folder, i) => !(sorted[i + 1] ?? '').startsWith(`${folder}/`));
  await inParallel(leaves, async (folder) => {
    await mkdir(join(out, ...folder.split('/')), { recursive: true, mode: PRIVATE_DIR_MODE });
  });
  await inParallel(moves, async (move) => {
    await rename(join(raw, ...move.from.split('/')), join(out, ...move.to.split('/')));
  });
  return moves.map(({ to, size }) => ({ path: to, size }));
}

function defaultTimeout(totalBytes: number): number {
  // 7za unpacks far faster than 2 MB/s; the timeout only catches a hung process.
  return 120_000 + Math.ceil(totalBytes / 2_000);
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** The size of what is under `dir` (files only), or 0 when it cannot be read. */
async function bytesUnder(dir: string): Promise<{ bytes: number }> {
  try {
    return { bytes: (await walkSizes(dir)).reduce((sum, size) => sum + size, 0) };
  } catch {
    return { bytes: 0 };
  }
}

async function walkSizes(dir: string): Promise<number[]> {
  const out: number[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) out.push(...(await walkSizes(path)));
    else out.push((await lstat(path)).size);
  }
  return out;
}

function diskFullError(freeBytes: number): AppError {
  return new ArchiveLimitError('DISK_FULL', `The disk filled up while extracting (${freeBytes} bytes free); nothing was kept`, {
    kind: 'disk-full',
    freeBytes,
  });
}

export async function extractArchive(archivePath: string, destDir: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const password = options.password || undefined;
  const signal = options.signal ? { signal: options.signal } : {};
  const listing = await listArchive(archivePath, {
    ...(password ? { password } : {}),
    ...signal,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
  });
  if (listing.encrypted && !password) throw new AppError('PASSWORD_REQUIRED', 'The archive is encrypted and needs a password');

  const dest = resolve(destDir);
  if (!(await isEmptyOrMissing(dest))) throw new AppError('CONFLICT', `The destination folder is not empty: ${dest}`);
  const parent = dirname(dest);
  await mkdir(parent, { recursive: true, mode: PRIVATE_DIR_MODE });
  const margin = options.spaceMarginBytes ?? SPACE_MARGIN;
  const free = await freeSpace(parent);
  if (free.bytes < listing.totalBytes + margin) {
    throw new ArchiveLimitError(
      'INSUFFICIENT_SPACE',
      `Extracting needs ${listing.totalBytes} bytes plus ${margin} bytes kept free, but only ${free.bytes} bytes are free`,
      { kind: 'space', neededBytes: listing.totalBytes, marginBytes: margin, freeBytes: free.bytes },
    );
  }

  const staging = await mkdtemp(join(parent, `.${basename(dest)}.extracting-`)).catch((error: unknown) => {
    throw isDiskFull(error) ? diskFullError(0) : error;
  });
  try {
    const raw = join(staging, 'raw');
    const timeoutMs = options.timeoutMs ?? defaultTimeout(listing.totalBytes);
    const onProgress = options.onProgress;
    let result;
    try {
      result = await runSevenZip(['x', '-y', ...passwordSwitch(password), '-bsp1', '-bb0', `-o${raw}`, '--', archivePath], {
        timeoutMs,
        ...signal,
        ...(password ? { password } : {}),
        ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
        ...(onProgress ? { onPercent: (percent: number) => onProgress({ percent, totalBytes: listing.totalBytes }) } : {}),
      });
    } catch (error) {
      if (error instanceof SevenZipTimeout) throw new AppError('CORRUPT_ARCHIVE', `Extraction took longer than ${timeoutMs} ms and was stopped`);
      throw error;
    }
    if (result.code !== 0) {
      // p7zip says only `E_FAIL` when a write fails for want of space: the disk tells the truth.
      const [now, written] = await Promise.all([freeSpace(parent), bytesUnder(raw)]);
      // Free space started above what the archive needs: less than what it still needed means the disk filled.
      const stillNeeded = Math.max(0, listing.totalBytes - written.bytes);
      if (now.bytes < Math.max(stillNeeded, 64 * 1024) || now.inodes === 0) {
        throw diskFullError(now.bytes);
      }
      throw await sevenZipFailure(result, archivePath, password !== undefined);
    }
    await mkdir(raw, { recursive: true });
    const rawFiles = await walk(raw);
    const out = join(staging, 'out');
    const files = await arrange(listing, rawFiles, raw, out);
    options.signal?.throwIfAborted();
    if (await exists(dest)) await rmdir(dest);
    await rename(out, dest);
    onProgress?.({ percent: 100, totalBytes: listing.totalBytes });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { type: listing.type, destDir: dest, files, totalBytes: files.reduce((sum, file) => sum + file.size, 0), renamed: listing.renamed ?? [] };
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError((await freeSpace(parent).catch(() => ({ bytes: 0 }))).bytes);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
