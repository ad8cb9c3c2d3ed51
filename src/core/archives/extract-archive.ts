/**
 * Extracts an archive into `destDir` safely: list and vet every entry first, check free space,
 * extract into a temporary folder beside the destination, refuse any link that appeared anyway,
 * restore the real names, and only then move the folder into place. Any failure (wrong password,
 * corrupt or truncated archive, timeout, abort) removes the temporary folder: nothing is left behind.
 */
import { lstat, mkdir, mkdtemp, readdir, rename, rm, rmdir, statfs, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { sevenZipFailure } from './archive-errors';
import { listArchive, type ArchiveListing } from './list-archive';
import { runSevenZip, SevenZipTimeout } from './run-seven-zip';
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
}

export interface ExtractedFile {
  /** `/`-separated, relative to the destination folder. */
  path: string;
  size: number;
}

export interface ExtractResult {
  type: ArchiveListing['type'];
  destDir: string;
  files: ExtractedFile[];
  totalBytes: number;
}

/** Room kept free beyond the listed sizes (file system overhead, other writers). */
const SPACE_MARGIN = 16 * 1024 * 1024;

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const stats = await lstat(dir);
    return stats.isDirectory() && (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Walks `root`; refuses anything but plain files and folders (links that slipped through listing). */
async function walk(root: string, relative = '', out: ExtractedFile[] = []): Promise<ExtractedFile[]> {
  const here = join(root, relative);
  // An entry's stored mode may deny us our own folder; we need to read and move its contents.
  await chmod(here, 0o700);
  for (const name of (await readdir(here)).sort()) {
    const path = relative === '' ? name : `${relative}/${name}`;
    const stats = await lstat(join(root, path));
    if (stats.isDirectory()) await walk(root, path, out);
    else if (stats.isFile()) out.push({ path, size: stats.size });
    else throw new AppError('UNSAFE_ARCHIVE', `Unsafe entry refused: ${path} (${stats.isSymbolicLink() ? 'symbolic link' : 'special file'})`);
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Moves what 7za wrote under its names (`raw`) to the real names (`out`). */
async function arrange(listing: ArchiveListing, raw: string, out: string): Promise<void> {
  await mkdir(out, { mode: PRIVATE_DIR_MODE });
  for (const entry of listing.entries) {
    if (entry.path === '') continue;
    const target = join(out, ...entry.path.split('/'));
    if (entry.folder) {
      await mkdir(target, { recursive: true, mode: PRIVATE_DIR_MODE });
      continue;
    }
    let source = join(raw, entry.rawPath.replace(/\/+$/, ''));
    if (!(await exists(source))) source = join(raw, ...nameKey(entry.rawPath).split('/'));
    if (!(await exists(source))) throw new AppError('CORRUPT_ARCHIVE', `The archive is corrupt: ${entry.path} was not extracted`);
    await mkdir(dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    await rename(source, target);
  }
}

function defaultTimeout(totalBytes: number): number {
  // 7za unpacks far faster than 2 MB/s; the timeout only catches a hung process.
  return 120_000 + Math.ceil(totalBytes / 2_000);
}

export async function extractArchive(archivePath: string, destDir: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const password = options.password ?? '';
  const signal = options.signal ? { signal: options.signal } : {};
  const listing = await listArchive(archivePath, { password, ...signal });
  if (listing.encrypted && password === '') throw new AppError('PASSWORD_REQUIRED', 'The archive is encrypted and needs a password');

  const dest = resolve(destDir);
  if (!(await isEmptyOrMissing(dest))) throw new AppError('CONFLICT', `The destination folder is not empty: ${dest}`);
  const parent = dirname(dest);
  await mkdir(parent, { recursive: true, mode: PRIVATE_DIR_MODE });
  const free = await freeBytes(parent);
  if (free < listing.totalBytes + SPACE_MARGIN) {
    throw new AppError('INSUFFICIENT_SPACE', `Extracting needs ${listing.totalBytes} bytes but only ${free} are free`);
  }

  const staging = await mkdtemp(join(parent, `.${basename(dest)}.extracting-`));
  try {
    const raw = join(staging, 'raw');
    const timeoutMs = options.timeoutMs ?? defaultTimeout(listing.totalBytes);
    const onProgress = options.onProgress;
    let result;
    try {
      result = await runSevenZip(['x', '-y', `-p${password}`, '-bsp1', '-bb0', `-o${raw}`, '--', archivePath], {
        timeoutMs,
        ...signal,
        ...(onProgress ? { onPercent: (percent: number) => onProgress({ percent, totalBytes: listing.totalBytes }) } : {}),
      });
    } catch (error) {
      if (error instanceof SevenZipTimeout) throw new AppError('CORRUPT_ARCHIVE', `Extraction took longer than ${timeoutMs} ms and was stopped`);
      throw error;
    }
    if (result.code !== 0) throw await sevenZipFailure(result, archivePath, password !== '');
    await mkdir(raw, { recursive: true });
    await walk(raw);
    const out = join(staging, 'out');
    await arrange(listing, raw, out);
    const files = await walk(out);
    options.signal?.throwIfAborted();
    if (await exists(dest)) await rmdir(dest);
    await rename(out, dest);
    onProgress?.({ percent: 100, totalBytes: listing.totalBytes });
    return { type: listing.type, destDir: dest, files, totalBytes: files.reduce((sum, file) => sum + file.size, 0) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
