/**
 * Extracting one dossier's archive: into a staging folder first (named with this process's id, so
 * another process's extraction is left alone), then swapped in whole for the previous files, with the
 * dossier's extraction state saved at each step. A run cut short leaves the previous files in place.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExtractionState } from '../../shared/library';
import { extractArchive, GIB, listArchive, type ArchiveLimits } from '../archives';
import type { DossierPasswordStore } from '../dossier-passwords';
import { localizedArchiveError } from './archive-messages';
import { countContents, describeFiles } from './dossier-files';
import type { DossierRecord } from './dossier-record';
import type { Job, JobOutcome } from './job-queue';
import type { LibraryEntries, LibraryEntry } from './library-entries';
import { searchFields } from './library-search';
import type { PageCounting } from './page-counting';
import { exists } from './path-exists';
import { extractedDirName } from './safe-name';

/** library.changed for progress at most this often per dossier. */
const PROGRESS_EVENT_MS = 250;
/** Temporary folders the library makes inside a dossier folder (cleared before each extraction). */
const STAGING_PREFIX = '.library-';
/** Staging names carry the pid of the process extracting, so another process (the CLI) leaves them be. */
const STAGING_OWNER = /\.library-(?:new|old)-(\d+)-/;

export interface DossierExtractionOptions {
  entries: LibraryEntries;
  passwords: DossierPasswordStore;
  /** Counts the pages once the files are in place. */
  pages: PageCounting;
  /** The largest unpacked size of one archive in GB; default 20. */
  maxUnpackedGb?: () => number;
}

export class DossierExtraction {
  constructor(private readonly options: DossierExtractionOptions) {}

  /**
   * Before an import copies anything: a file that is not a usable archive, or one too big to unpack,
   * is refused (localized). Encrypted names pass: it is an archive all the same, the extraction asks.
   */
  async checkImportable(source: string, password: string | undefined): Promise<void> {
    try {
      await listArchive(source, { ...(password ? { password } : {}), limits: this.archiveLimits() });
    } catch (error) {
      const code = (error as AppError | null)?.code;
      if (code !== 'PASSWORD_REQUIRED' && code !== 'WRONG_PASSWORD') throw localizedArchiveError(error);
    }
  }

  /** An extract job: the dossier ends extracted, needs-password or failed (pending again when aborted). */
  async run(job: Job): Promise<JobOutcome> {
    const { entries, passwords } = this.options;
    const entry = entries.get(job.id);
    if (!entry || entry.record.status !== 'ready' || !entry.record.archive) return { error: null };
    const { record, folder } = entry;
    const archive = record.archive as NonNullable<DossierRecord['archive']>;
    const before = record.extraction;
    const signal = job.controller.signal;

    if (await extractingElsewhere(folder)) return { error: new AppError('CONFLICT', '另一个卷宗台进程正在解压这个卷宗，请稍后再试') };
    await clearStaging(folder);
    record.extraction = { state: 'extracting', error: null };
    entry.percent = 0;
    await entries.persistIfKnown(entry);
    entries.changed(job.id);

    if (!(await exists(join(folder, archive.fileName)))) {
      entry.percent = null;
      record.extraction = { state: 'failed', error: { code: 'NOT_FOUND', message: `卷宗压缩包已不在文件夹中：${archive.fileName}` } };
      await entries.persistIfKnown(entry);
      entries.changed(job.id);
      return { error: null };
    }
    const stored = job.password === undefined ? (await passwords.get(job.id)).open : null;
    const password = job.password ?? stored ?? undefined;
    const staging = join(folder, `${STAGING_PREFIX}new-${process.pid}-${randomBytes(4).toString('hex')}`);
    let files;
    let renamed: DossierRecord['renamed'];
    try {
      const result = await extractArchive(join(folder, archive.fileName), staging, {
        ...(password !== undefined ? { password } : {}),
        limits: this.archiveLimits(),
        signal,
        onProgress: ({ percent }) => this.progress(entry, percent),
      });
      files = result.files;
      renamed = result.renamed;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      entry.percent = null;
      if (signal.aborted) {
        record.extraction = { state: 'pending', error: null };
        await entries.persistIfKnown(entry);
        return { error: null };
      }
      const failure = localizedArchiveError(error);
      if (job.rejectWrongPassword && failure.code === 'WRONG_PASSWORD') {
        record.extraction = before.state === 'extracting' ? { state: 'pending', error: null } : before;
        await entries.persistIfKnown(entry);
        entries.changed(job.id);
        return { error: failure };
      }
      const state: ExtractionState = failure.code === 'WRONG_PASSWORD' || failure.code === 'PASSWORD_REQUIRED' ? 'needs-password' : 'failed';
      const message = failure.code === 'WRONG_PASSWORD' && job.password === undefined ? '已保存的卷宗文档打开密码打不开这个压缩包，请输入密码' : failure.message;
      record.extraction = { state, error: { code: failure.code, message } };
      await entries.persistIfKnown(entry);
      entries.changed(job.id);
      return { error: null };
    }

    const dirName = extractedDirName(archive.fileName);
    try {
      await swapIn(folder, staging, dirName, record.extractedDir);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      entry.percent = null;
      const reason = error instanceof Error ? error.message : String(error);
      record.extraction = { state: 'failed', error: { code: 'INTERNAL', message: `解压的文件无法放到卷宗文件夹中：${reason}` } };
      await entries.persistIfKnown(entry);
      entries.changed(job.id);
      return { error: null };
    }

    if (job.password !== undefined) {
      await passwords.store(job.id, { download: null, open: job.password });
      await entries.refreshHeld(entry);
    }
    entry.percent = null;
    record.extractedDir = dirName;
    record.files = describeFiles(files);
    if (renamed && renamed.length > 0) record.renamed = renamed;
    else delete record.renamed;
    record.counts = countContents(record.files, false);
    record.extraction = { state: 'extracted', error: null };
    entry.search = searchFields(record);
    await entries.persistIfKnown(entry);
    entries.changed(job.id);
    await this.options.pages.count(entry, signal);
    return { error: null };
  }

  /** Bounds for archives (see archives/archive-limits); the unpacked size from the settings. */
  private archiveLimits(): Partial<ArchiveLimits> {
    const gb = this.options.maxUnpackedGb?.();
    return gb !== undefined && Number.isFinite(gb) && gb > 0 ? { maxUnpackedBytes: gb * GIB } : {};
  }

  private progress(entry: LibraryEntry, percent: number): void {
    entry.percent = Math.max(0, Math.min(100, Math.round(percent)));
    const time = Date.now();
    if (time - entry.lastProgressEvent < PROGRESS_EVENT_MS) return;
    entry.lastProgressEvent = time;
    this.options.entries.changed(entry.record.id);
  }
}

/** Whether another live process (the app, or the CLI) is extracting into `folder` right now. */
export async function extractingElsewhere(folder: string): Promise<boolean> {
  return (await stagingIn(folder)).some((staging) => staging.elsewhere);
}

/**
 * Moves the complete extraction into place as `dirName`, then drops the previous files (also when
 * they sat under another name); if the move fails the previous files are put back.
 */
async function swapIn(folder: string, staging: string, dirName: string, previousDir: string | null): Promise<void> {
  const moved: { from: string; to: string }[] = [];
  try {
    for (const name of new Set([dirName, previousDir ?? dirName])) {
      if (!(await exists(join(folder, name)))) continue;
      const aside = join(folder, `${STAGING_PREFIX}old-${process.pid}-${randomBytes(4).toString('hex')}`);
      await rename(join(folder, name), aside);
      moved.push({ from: join(folder, name), to: aside });
    }
    await rename(staging, join(folder, dirName));
  } catch (error) {
    for (const { from, to } of moved.reverse()) await rename(to, from).catch(() => undefined);
    throw error;
  }
  await Promise.all(moved.map(({ to }) => rm(to, { recursive: true, force: true })));
}

/** Removes what an interrupted extraction left in the dossier folder. */
async function clearStaging(folder: string): Promise<void> {
  const leftovers = (await stagingIn(folder)).filter((staging) => !staging.elsewhere);
  await Promise.all(leftovers.map(({ name }) => rm(join(folder, name), { recursive: true, force: true })));
}

/** Staging folders in `folder`, each with whether another live process is using it. */
async function stagingIn(folder: string): Promise<{ name: string; elsewhere: boolean }[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(STAGING_PREFIX) || name.includes('.extracting-'))
    .map((name) => {
      const owner = Number(STAGING_OWNER.exec(name)?.[1] ?? Number.NaN);
      return { name, elsewhere: Number.isInteger(owner) && owner !== process.pid && isAlive(owner) };
    });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
