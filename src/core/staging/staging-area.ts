/**
 * Files handed to core as a stream rather than a path: a browser never reveals where a file lives,
 * so the web host streams 导入卷宗's archive here first and the import names it by its staged id.
 * Each file sits alone in `<dataDir>/staging/<id>/<its name>`; leftovers older than a day go at startup.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import { checkPlainFileName } from '../download-engine';
import { mkdirPrivate, PRIVATE_DIR_MODE } from '../fs/private-dir';

/** What `stage` answers and `take` accepts (the contract's stagedId). */
export const STAGED_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** The largest file the web host stages (2 GiB): dossiers are big, but not unbounded. */
export const MAX_STAGED_BYTES = 2 * 1024 ** 3;
/** Staged files not taken within a day are abandoned uploads. */
export const STAGED_MAX_AGE_MS = 24 * 60 * 60_000;

const INCOMING_PREFIX = '.incoming-';

export interface StagedFile {
  /** Absolute path of the staged file. */
  path: string;
  /** The name it was uploaded under (a plain file name). */
  fileName: string;
}

/** The name part of what a browser sent, refused when it is not a plain, safe file name. */
function stagedFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return checkPlainFileName(base);
}

function sizeLabel(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  return `${bytes} 字节`;
}

/** Passes bytes through until `maxBytes`, then fails with PAYLOAD_TOO_LARGE. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${sizeLabel(maxBytes)}，无法接收`));
      else done(null, chunk);
    },
  });
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export class StagingArea {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'staging');
  }

  /** The staging area of `dataDir`, with abandoned files removed. */
  static async open(dataDir: string, now = Date.now()): Promise<StagingArea> {
    const area = new StagingArea(dataDir);
    await mkdirPrivate(area.folder);
    await area.removeOlderThan(STAGED_MAX_AGE_MS, now);
    return area;
  }

  /**
   * Streams `body` into a new staged file; resolves to its id once every byte is on disk. Over
   * `maxBytes` it fails with PAYLOAD_TOO_LARGE; an unsafe name with VALIDATION. A failed upload
   * leaves nothing behind.
   */
  async stage(fileName: string, body: Readable, maxBytes: number): Promise<string> {
    const name = stagedFileName(fileName);
    const id = randomBytes(24).toString('base64url');
    // Written under a name `take` never answers to, and renamed once whole.
    const incoming = join(this.folder, `${INCOMING_PREFIX}${id}`);
    // The body may fail while the folder is being made, before pipeline listens: not an uncaught error.
    const ignore = () => undefined;
    body.on('error', ignore);
    try {
      await mkdir(incoming, { recursive: true, mode: PRIVATE_DIR_MODE });
      await pipeline(body, byteLimit(maxBytes), createWriteStream(join(incoming, name), { flags: 'wx', mode: 0o600 }));
      await rename(incoming, join(this.folder, id));
    } catch (error) {
      // pipeline has already destroyed `body` and the file stream.
      await rm(incoming, { recursive: true, force: true });
      if (isDiskFull(error)) throw new AppError('DISK_FULL', '磁盘空间不足，文件未能接收');
      throw error;
    } finally {
      body.off('error', ignore);
    }
    return id;
  }

  /**
   * A staged place for a file another program writes (the 门户网站 window's browser saves its
   * downloads here): made at once, synchronously, because Electron's `will-download` must be told
   * the path before its handler returns. Taken and discarded like an upload once the file is whole.
   */
  reserve(fileName: string): { id: string; path: string } {
    const name = stagedFileName(fileName);
    const id = randomBytes(24).toString('base64url');
    mkdirSync(join(this.folder, id), { recursive: true, mode: 0o700 });
    return { id, path: join(this.folder, id, name) };
  }

  /**
   * The staged file of `id` (NOT_FOUND for an unknown or expired id). It stays staged, so a retry
   * (e.g. with the right password) can take it again; `discard` it once it is no longer needed.
   */
  async take(id: string): Promise<StagedFile> {
    const notFound = new AppError('NOT_FOUND', '没有找到上传的文件（可能已过期），请重新选择文件');
    if (!STAGED_ID_PATTERN.test(id)) throw notFound;
    let names: string[];
    try {
      names = await readdir(join(this.folder, id));
    } catch {
      throw notFound;
    }
    const [fileName] = names;
    if (names.length !== 1 || fileName === undefined) throw notFound;
    return { path: join(this.folder, id, fileName), fileName };
  }

  async discard(id: string): Promise<void> {
    if (!STAGED_ID_PATTERN.test(id)) return;
    await rm(join(this.folder, id), { recursive: true, force: true });
  }

  /** Removes staged files (and abandoned partial uploads) last written before `now - maxAgeMs`. */
  async removeOlderThan(maxAgeMs: number, now = Date.now()): Promise<number> {
    let entries: string[];
    try {
      entries = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const entry of entries) {
      const path = join(this.folder, entry);
      const info = await stat(path).catch(() => null);
      if (!info || now - info.mtimeMs <= maxAgeMs) continue;
      await rm(path, { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }
}
