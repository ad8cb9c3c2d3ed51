/**
 * The offline library (卷宗库): every downloaded or imported dossier in the managed folder, each in
 * its own folder with a `dossier.json`, its archive and the extracted files. Extractions run one at a
 * time in the background; the index in the data folder is only a cache of what the folders say.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError, type ErrorPayload } from '../../shared/errors';
import type { DossierDetail, DossierSummary, DownloadedDossier, ExtractionState } from '../../shared/library';
import { extractArchive, GIB, listArchive, type ArchiveLimits } from '../archives';
import type { DossierPasswords, DossierPasswordStore } from '../dossier-passwords';
import type { EventHub } from '../events/event-hub';
import { sharedPdfReader } from '../pdf-worker';
import { localizedArchiveError } from './archive-messages';
import { copyAndHash } from './copy-and-hash';
import { countContents, describeFiles, isPdf } from './dossier-contents';
import { DOSSIER_FILE, readDossierRecord, stampOf, writeDossierRecord, type DossierRecord, type FileStamp } from './dossier-record';
import { moveToTrash, revealInFileManager } from './file-manager';
import { readLibraryIndex, writeLibraryIndex, type IndexedDossier } from './library-index';
import { extractedDirName, safeArchiveFileName, safeName, splitExtension, withSuffix } from './safe-name';
import { foldForSearch } from './search-text';
import { mkdirPrivate, PRIVATE_DIR_MODE } from '../fs/private-dir';

export interface LibraryOptions {
  /** The index lives at <dataDir>/library-index.json (a cache). */
  dataDir: string;
  /** The current managed folder (absolute); created when missing. */
  folder: () => string;
  passwords: DossierPasswordStore;
  /** Told `library.changed` on every add, extraction state change and removal. */
  events: EventHub;
  /** Default: the `trash` package. */
  trashItem?: (path: string) => Promise<void>;
  /** Default: the OS file manager opened on the folder. */
  revealItem?: (path: string) => Promise<void>;
  /** The largest unpacked size of one archive in GB (settings' `maxUnpackedGb`); default 20. */
  maxUnpackedGb?: () => number;
}

export interface PendingDownloadFolder {
  id: string;
  caseName: string;
  unit: string | null;
  folder: string;
}

interface Entry {
  folder: string;
  record: DossierRecord;
  stamp: FileStamp | null;
  held: { download: boolean; open: boolean };
  /** Live extraction progress; never persisted. */
  percent: number | null;
  lastProgressEvent: number;
  search: { caseName: string; unit: string; paths: string[] };
}

interface JobOutcome {
  /** Set when an explicitly given password was wrong: the caller of extract() gets it thrown. */
  error: AppError | null;
}

interface Job {
  id: string;
  kind: 'extract' | 'count';
  password: string | undefined;
  /** extract(id, password): a wrong password is thrown and the state kept. Import: it becomes needs-password. */
  rejectWrongPassword: boolean;
  controller: AbortController;
  started: boolean;
  done: Promise<JobOutcome>;
  settle: (outcome: JobOutcome) => void;
}

/** library.changed for progress at most this often per dossier. */
const PROGRESS_EVENT_MS = 250;
/** A search lists at most this many matching files per dossier. */
const MAX_MATCHED_FILES = 50;
/** Temporary folders the library makes inside a dossier folder (cleared before each extraction). */
const STAGING_PREFIX = '.library-';
/** Staging names carry the pid of the process extracting, so another process (the CLI) leaves them be. */
const STAGING_OWNER = /\.library-(?:new|old)-(\d+)-/;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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

async function extractingElsewhere(folder: string): Promise<boolean> {
  return (await stagingIn(folder)).some((staging) => staging.elsewhere);
}

function now(): string {
  return new Date().toISOString();
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `卷宗库中没有这个卷宗（${id}）`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function searchFields(record: DossierRecord): Entry['search'] {
  return {
    caseName: foldForSearch(record.caseName),
    unit: foldForSearch(record.unit ?? ''),
    paths: record.files.map((file) => foldForSearch(file.path)),
  };
}

export class LibraryService {
  private entries = new Map<string, Entry>();
  private readonly jobs: Job[] = [];
  private running: Job | null = null;
  private closed = false;
  /** Serialises folder claims so two calls never pick the same name or the same id twice. */
  private claims: Promise<unknown> = Promise.resolve();
  private indexDirty = false;
  private indexWriting: Promise<void> | null = null;
  private readonly trashItem: (path: string) => Promise<void>;
  private readonly revealItem: (path: string) => Promise<void>;

  constructor(private readonly options: LibraryOptions) {
    this.trashItem = options.trashItem ?? moveToTrash;
    this.revealItem = options.revealItem ?? revealInFileManager;
  }

  // ---- loading ---------------------------------------------------------------------------------

  /**
   * Reads the index and checks it against the disk (a changed or missing dossier.json wins), adds any
   * dossier folder of the current managed folder the index does not know, and re-queues extractions
   * a stopped run left unfinished. May be called again (e.g. after the managed folder changed): dossiers
   * with an extraction under way keep their live state.
   */
  async load(): Promise<void> {
    const found = new Map<string, Entry>();
    const indexed = (await readLibraryIndex(this.options.dataDir)) ?? [];
    const seen = new Set<string>();
    for (const cached of indexed) {
      const folder = resolve(cached.folder);
      if (seen.has(folder)) continue;
      seen.add(folder);
      const checked = await this.checkCached(cached);
      if (checked) this.addEntry(found, folder, checked.record, checked.stamp);
    }

    const root = resolve(this.options.folder());
    for (const item of await this.scanRoot(root)) {
      if (!item.isDirectory() || item.name.startsWith('.')) continue;
      const folder = join(root, item.name);
      if (seen.has(folder)) continue;
      seen.add(folder);
      const read = await readDossierRecord(folder);
      if (read) this.addEntry(found, folder, read.record, read.stamp);
    }

    for (const [id, entry] of this.entries) {
      if (this.hasJob(id) && found.get(id)?.folder === entry.folder) found.set(id, entry);
    }
    this.entries = found;
    await Promise.all([...found.values()].map((entry) => this.refreshHeld(entry)));
    for (const entry of found.values()) {
      const { record } = entry;
      if (record.status !== 'ready' || this.hasJob(record.id)) continue;
      if (record.extraction.state === 'extracting') {
        // Another process (the app, or the CLI) is extracting it right now: leave it to that one.
        if (await extractingElsewhere(entry.folder)) continue;
        // A run stopped in the middle: nothing half-done is in place (extraction is staged), so start over.
        record.extraction = { state: 'pending', error: null };
        await this.persist(entry).catch((error: unknown) => console.warn('dossier.json not updated:', String(error)));
      }
      if (record.extraction.state === 'pending') this.enqueue(record.id, 'extract', undefined, false);
      else if (record.extraction.state === 'extracted' && record.counts && !record.counts.pagesCounted) this.enqueue(record.id, 'count', undefined, false);
    }
    this.scheduleIndexWrite();
  }

  /** The cached record if its dossier.json is unchanged, the disk's if it changed, nothing if it is gone. */
  private async checkCached(cached: IndexedDossier): Promise<{ record: DossierRecord; stamp: FileStamp | null } | null> {
    const path = join(cached.folder, DOSSIER_FILE);
    let stamp: FileStamp;
    try {
      stamp = await stampOf(path);
    } catch (error) {
      // Gone from disk: forget it. Unreadable for another reason (a drive not answering): keep the cache.
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : { record: cached.record, stamp: cached.stamp };
    }
    if (cached.stamp && cached.stamp.mtimeMs === stamp.mtimeMs && cached.stamp.size === stamp.size) return { record: cached.record, stamp };
    const found = await readDossierRecord(cached.folder);
    if (found) return found;
    // dossier.json was damaged: the cached copy repairs it (when the folder can be written).
    const repaired = await writeDossierRecord(cached.folder, cached.record).catch(() => null);
    return { record: cached.record, stamp: repaired };
  }

  /** The managed folder's entries, created when missing; none when it cannot be read (said in the log). */
  private async scanRoot(root: string) {
    try {
      await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE });
      return await readdir(root, { withFileTypes: true });
    } catch (error) {
      console.warn('managed folder not readable:', error instanceof Error ? error.message : String(error));
      return [];
    }
  }

  private addEntry(into: Map<string, Entry>, folder: string, record: DossierRecord, stamp: FileStamp | null): void {
    // Two folders claiming one id (a copied folder): the first one found keeps it.
    if (into.has(record.id)) return;
    const entry: Entry = {
      folder,
      record,
      stamp,
      held: { download: false, open: false },
      percent: null,
      lastProgressEvent: 0,
      search: searchFields(record),
    };
    into.set(record.id, entry);
  }

  private hasJob(id: string): boolean {
    return this.running?.id === id || this.jobs.some((job) => job.id === id);
  }

  // ---- portal downloads ------------------------------------------------------------------------

  async prepareDownloadFolder(input: { id: string; caseName: string; unit: string | null }): Promise<string> {
    this.checkId(input.id);
    return this.claim(async () => {
      const known = this.entries.get(input.id);
      if (known) {
        await mkdirPrivate(known.folder);
        if (!(await exists(join(known.folder, DOSSIER_FILE)))) await this.persist(known);
        return known.folder;
      }
      const folder = await this.newFolder(input.caseName);
      const record: DossierRecord = {
        version: 1,
        id: input.id,
        caseName: this.caseNameOf(input.caseName),
        unit: input.unit,
        source: 'portal',
        status: 'downloading',
        addedAt: now(),
        archive: null,
        extraction: { state: 'pending', error: null },
        extractedDir: null,
        files: [],
        counts: null,
      };
      try {
        const stamp = await writeDossierRecord(folder, record);
        this.addEntry(this.entries, folder, record, stamp);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      this.scheduleIndexWrite();
      return folder;
    });
  }

  pendingDownloads(): PendingDownloadFolder[] {
    return [...this.entries.values()]
      .filter((entry) => entry.record.status === 'downloading')
      .map(({ record, folder }) => ({ id: record.id, caseName: record.caseName, unit: record.unit, folder }));
  }

  async addDownloaded(input: { id: string; caseName: string; unit: string | null; archivePath: string; sha256: string; size: number }): Promise<DossierSummary> {
    const entry = this.entries.get(input.id);
    if (!entry) throw new AppError('NOT_FOUND', `没有为这个卷宗准备下载文件夹（${input.id}）`);
    const archivePath = resolve(input.archivePath);
    const fileName = basename(archivePath);
    if (dirname(archivePath) !== resolve(entry.folder)) throw new AppError('VALIDATION', '下载的卷宗文件不在为它准备的文件夹中');
    if (fileName === DOSSIER_FILE || fileName.startsWith('.')) throw new AppError('VALIDATION', `卷宗文件名不可用：${fileName}`);
    if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw new AppError('VALIDATION', 'SHA-256 摘要格式不正确');
    const stats = await stat(archivePath).catch(() => null);
    if (!stats?.isFile()) throw new AppError('NOT_FOUND', `找不到下载的卷宗文件：${fileName}`);
    if (stats.size !== input.size) throw new AppError('VALIDATION', `卷宗文件大小不符：应为 ${input.size} 字节，实际 ${stats.size} 字节`);

    // An extraction of the previous archive must not run on (or after) the new one.
    await this.stopJobs(input.id);
    const { record } = entry;
    const previous = record.archive;
    record.caseName = this.caseNameOf(input.caseName);
    record.unit = input.unit;
    record.status = 'ready';
    record.addedAt = now();
    record.archive = { fileName, size: input.size, sha256: input.sha256 };
    // The files extracted from an earlier copy stay listed and in place until the new extraction succeeds.
    record.extraction = { state: 'pending', error: null };
    await this.persist(entry);
    if (previous && previous.fileName !== fileName) await rm(join(entry.folder, previous.fileName), { force: true });
    await this.refreshHeld(entry);
    this.changed(input.id);
    this.enqueue(input.id, 'extract', undefined, false);
    return this.summaryOf(entry);
  }

  // ---- import ----------------------------------------------------------------------------------

  /**
   * 导入卷宗. `unit` and `passwords` come from an SMS kept for the case (【粘贴短信】 of a case handled on
   * the real portal): the passwords are the dossier's before its extraction runs, so it needs no asking.
   */
  async importArchive(input: {
    archivePath: string;
    password?: string;
    caseName?: string;
    unit?: string | null;
    passwords?: DossierPasswords;
  }): Promise<DossierSummary> {
    const source = resolve(input.archivePath);
    const stats = await stat(source).catch(() => null);
    if (!stats) throw new AppError('NOT_FOUND', `找不到要导入的文件：${basename(source)}`);
    if (!stats.isFile()) throw new AppError('VALIDATION', `不是文件：${basename(source)}`);
    try {
      // List first: a file that is not a usable archive, or one too big to unpack, is refused before anything is copied.
      await listArchive(source, { ...(input.password ? { password: input.password } : {}), limits: this.archiveLimits() });
    } catch (error) {
      const code = (error as AppError | null)?.code;
      // Encrypted names: it is an archive all the same; the extraction asks for the password.
      if (code !== 'PASSWORD_REQUIRED' && code !== 'WRONG_PASSWORD') throw localizedArchiveError(error);
    }

    const originalName = basename(source);
    const caseName = this.caseNameOf(input.caseName?.trim() || splitExtension(originalName).stem);
    const fileName = safeArchiveFileName(originalName);
    const id = `imp-${randomBytes(8).toString('hex')}`;
    await this.claim(async () => {
      const folder = await this.newFolder(caseName);
      try {
        const { sha256, size } = await copyAndHash(source, join(folder, fileName));
        const record: DossierRecord = {
          version: 1,
          id,
          caseName,
          unit: input.unit ?? null,
          source: 'import',
          status: 'ready',
          addedAt: now(),
          archive: { fileName, size, sha256 },
          extraction: { state: 'pending', error: null },
          extractedDir: null,
          files: [],
          counts: null,
        };
        const stamp = await writeDossierRecord(folder, record);
        this.addEntry(this.entries, folder, record, stamp);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw localizedArchiveError(error);
      }
    });
    if (input.passwords) {
      await this.options.passwords.store(id, input.passwords);
      await this.refreshHeld(this.require(id));
    }
    this.scheduleIndexWrite();
    this.changed(id);
    const job = this.enqueue(id, 'extract', input.password || undefined, false);
    await job.done;
    const entry = this.require(id);
    const { state, error } = entry.record.extraction;
    // A failed first extraction leaves nothing behind: the archive is still where it came from. One that
    // waits for its password stays (state needs-password), so the password can be given later.
    if (state === 'failed') {
      await this.discard(id, entry);
      throw new AppError(error?.code ?? 'INTERNAL', error?.message ?? '解压失败');
    }
    return this.summaryOf(entry);
  }

  /** Drops a dossier that never became one (a failed import): its folder, its passwords, its index entry. */
  private async discard(id: string, entry: Entry): Promise<void> {
    await this.stopJobs(id);
    this.entries.delete(id);
    await rm(entry.folder, { recursive: true, force: true });
    await this.options.passwords.forget(id).catch(() => undefined);
    this.scheduleIndexWrite();
    this.changed(id);
  }

  /** Bounds for archives (see archives/archive-limits); the unpacked size from the settings. */
  private archiveLimits(): Partial<ArchiveLimits> {
    const gb = this.options.maxUnpackedGb?.();
    return gb !== undefined && Number.isFinite(gb) && gb > 0 ? { maxUnpackedBytes: gb * GIB } : {};
  }

  // ---- extraction ------------------------------------------------------------------------------

  async extract(id: string, password?: string): Promise<DossierSummary> {
    const entry = this.require(id);
    if (entry.record.status !== 'ready') throw new AppError('CONFLICT', '卷宗还在下载，下载完成并校验后才能解压');
    const given = password || undefined;
    const job = this.enqueue(id, 'extract', given, given !== undefined);
    const outcome = await job.done;
    if (outcome.error) throw outcome.error;
    return this.summaryOf(this.require(id));
  }

  async whenIdle(id: string): Promise<DossierSummary> {
    this.require(id);
    for (;;) {
      const job = this.running?.id === id ? this.running : this.jobs.find((queued) => queued.id === id);
      if (!job) break;
      await job.done;
    }
    return this.summaryOf(this.require(id));
  }

  private enqueue(id: string, kind: Job['kind'], password: string | undefined, rejectWrongPassword: boolean): Job {
    if (kind === 'extract') {
      // A queued extraction of the same dossier without a password is the same work: share it.
      if (password === undefined) {
        const same = this.jobs.find((job) => job.id === id && job.kind === 'extract' && job.password === undefined);
        if (same) return same;
      }
      // Counting pages of files about to be replaced is wasted work.
      for (const job of this.jobs.filter((queued) => queued.id === id && queued.kind === 'count')) this.drop(job);
    }
    let settle: (outcome: JobOutcome) => void = () => undefined;
    const done = new Promise<JobOutcome>((resolveDone) => {
      settle = resolveDone;
    });
    const job: Job = { id, kind, password, rejectWrongPassword, controller: new AbortController(), started: false, done, settle };
    if (this.closed) {
      job.settle({ error: new AppError('CONFLICT', '卷宗库已关闭') });
      return job;
    }
    this.jobs.push(job);
    this.pump();
    return job;
  }

  private drop(job: Job): void {
    const at = this.jobs.indexOf(job);
    if (at >= 0) this.jobs.splice(at, 1);
    job.settle({ error: null });
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.jobs.shift();
    if (!job) return;
    this.running = job;
    job.started = true;
    const work = job.kind === 'extract' ? this.runExtraction(job) : this.runCount(job);
    work
      .catch((error: unknown): JobOutcome => {
        // Writing dossier.json failed (disk full, folder gone): report it on the dossier when it still exists.
        console.error('library job failed:', error instanceof Error ? error.message : String(error));
        return { error: null };
      })
      .then((outcome) => {
        this.running = null;
        job.settle(outcome);
        this.pump();
      });
  }

  /** Aborts and waits out every job of `id` (before replacing or removing its files). */
  private async stopJobs(id: string): Promise<void> {
    for (const job of this.jobs.filter((queued) => queued.id === id)) this.drop(job);
    const running = this.running;
    if (running?.id === id) {
      running.controller.abort();
      await running.done;
    }
  }

  private async runExtraction(job: Job): Promise<JobOutcome> {
    const entry = this.entries.get(job.id);
    if (!entry || entry.record.status !== 'ready' || !entry.record.archive) return { error: null };
    const { record, folder } = entry;
    const archive = record.archive as NonNullable<DossierRecord['archive']>;
    const before = record.extraction;
    const signal = job.controller.signal;

    if (await extractingElsewhere(folder)) return { error: new AppError('CONFLICT', '另一个卷宗台进程正在解压这个卷宗，请稍后再试') };
    await this.clearStaging(folder);
    record.extraction = { state: 'extracting', error: null };
    entry.percent = 0;
    await this.persistIfKnown(entry);
    this.changed(job.id);

    if (!(await exists(join(folder, archive.fileName)))) {
      entry.percent = null;
      record.extraction = { state: 'failed', error: { code: 'NOT_FOUND', message: `卷宗压缩包已不在文件夹中：${archive.fileName}` } };
      await this.persistIfKnown(entry);
      this.changed(job.id);
      return { error: null };
    }
    const stored = job.password === undefined ? (await this.options.passwords.get(job.id)).open : null;
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
        await this.persistIfKnown(entry);
        return { error: null };
      }
      const failure = localizedArchiveError(error);
      if (job.rejectWrongPassword && failure.code === 'WRONG_PASSWORD') {
        record.extraction = before.state === 'extracting' ? { state: 'pending', error: null } : before;
        await this.persistIfKnown(entry);
        this.changed(job.id);
        return { error: failure };
      }
      const state: ExtractionState = failure.code === 'WRONG_PASSWORD' || failure.code === 'PASSWORD_REQUIRED' ? 'needs-password' : 'failed';
      const message = failure.code === 'WRONG_PASSWORD' && job.password === undefined ? '已保存的卷宗文档打开密码打不开这个压缩包，请输入密码' : failure.message;
      record.extraction = { state, error: { code: failure.code, message } };
      await this.persistIfKnown(entry);
      this.changed(job.id);
      return { error: null };
    }

    const dirName = extractedDirName(archive.fileName);
    try {
      await this.swapIn(folder, staging, dirName, record.extractedDir);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      entry.percent = null;
      const reason = error instanceof Error ? error.message : String(error);
      record.extraction = { state: 'failed', error: { code: 'INTERNAL', message: `解压的文件无法放到卷宗文件夹中：${reason}` } };
      await this.persistIfKnown(entry);
      this.changed(job.id);
      return { error: null };
    }

    if (job.password !== undefined) {
      await this.options.passwords.store(job.id, { download: null, open: job.password });
      await this.refreshHeld(entry);
    }
    entry.percent = null;
    record.extractedDir = dirName;
    record.files = describeFiles(files);
    if (renamed && renamed.length > 0) record.renamed = renamed;
    else delete record.renamed;
    record.counts = countContents(record.files, false);
    record.extraction = { state: 'extracted', error: null };
    entry.search = searchFields(record);
    await this.persistIfKnown(entry);
    this.changed(job.id);
    await this.countPages(entry, signal);
    return { error: null };
  }

  /**
   * Moves the complete extraction into place as `dirName`, then drops the previous files (also when
   * they sat under another name); if the move fails the previous files are put back.
   */
  private async swapIn(folder: string, staging: string, dirName: string, previousDir: string | null): Promise<void> {
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

  private async runCount(job: Job): Promise<JobOutcome> {
    const entry = this.entries.get(job.id);
    if (entry?.record.extraction.state === 'extracted') await this.countPages(entry, job.controller.signal);
    return { error: null };
  }

  /** Pages of every PDF, one document at a time (an AES-256 password check costs ~150 ms). */
  private async countPages(entry: Entry, signal: AbortSignal): Promise<void> {
    const { record, folder } = entry;
    if (!record.extractedDir) return;
    const root = join(folder, record.extractedDir);
    const password = (await this.options.passwords.get(record.id)).open ?? undefined;
    for (const file of record.files) {
      if (signal.aborted) return;
      if (!isPdf(file.path)) continue;
      file.pages = await countDocumentPages(join(root, ...file.path.split('/')), file.size, password);
    }
    if (signal.aborted) return;
    record.counts = countContents(record.files, true);
    await this.persistIfKnown(entry);
    this.changed(record.id);
  }

  private progress(entry: Entry, percent: number): void {
    entry.percent = Math.max(0, Math.min(100, Math.round(percent)));
    const time = Date.now();
    if (time - entry.lastProgressEvent < PROGRESS_EVENT_MS) return;
    entry.lastProgressEvent = time;
    this.changed(entry.record.id);
  }

  /** Removes what an interrupted extraction left in the dossier folder. */
  private async clearStaging(folder: string): Promise<void> {
    const leftovers = (await stagingIn(folder)).filter((staging) => !staging.elsewhere);
    await Promise.all(leftovers.map(({ name }) => rm(join(folder, name), { recursive: true, force: true })));
  }

  // ---- listing ---------------------------------------------------------------------------------

  list(q?: string): DossierSummary[] {
    const query = foldForSearch(q ?? '');
    const out: DossierSummary[] = [];
    for (const entry of this.entries.values()) {
      if (entry.record.status !== 'ready') continue;
      if (query === '') {
        out.push(this.summaryOf(entry));
        continue;
      }
      const { search } = entry;
      if (search.caseName.includes(query) || search.unit.includes(query)) {
        out.push(this.summaryOf(entry));
        continue;
      }
      const matched: string[] = [];
      for (let i = 0; i < search.paths.length && matched.length < MAX_MATCHED_FILES; i++) {
        if ((search.paths[i] as string).includes(query)) matched.push((entry.record.files[i] as { path: string }).path);
      }
      if (matched.length > 0) out.push(this.summaryOf(entry, matched));
    }
    return out.sort((a, b) => (a.addedAt === b.addedAt ? a.id.localeCompare(b.id) : a.addedAt < b.addedAt ? 1 : -1));
  }

  /**
   * The dossier downloaded for an appointment (a portal download keeps the appointment's id), once it
   * is verified; readable once extracted. Imports are never matched: they carry ids of their own.
   */
  downloadedFor(appointmentId: string): DownloadedDossier | null {
    const entry = this.entries.get(appointmentId);
    if (!entry || entry.record.status !== 'ready' || entry.record.source !== 'portal') return null;
    return { dossierId: entry.record.id, readable: entry.record.extraction.state === 'extracted' };
  }

  async get(id: string): Promise<DossierDetail> {
    const entry = this.require(id);
    if (entry.record.status !== 'ready') throw notFound(id);
    await this.refreshHeld(entry);
    return { ...this.summaryOf(entry), files: entry.record.files.map((file) => ({ ...file })) };
  }

  private summaryOf(entry: Entry, matchedFiles: string[] = []): DossierSummary {
    const { record } = entry;
    const extracting = record.extraction.state === 'extracting';
    const error: ErrorPayload | null = record.extraction.error ? { ...record.extraction.error } : null;
    return {
      id: record.id,
      caseName: record.caseName,
      unit: record.unit,
      source: record.source,
      addedAt: record.addedAt,
      folder: entry.folder,
      archive: record.archive ? { ...record.archive } : { fileName: '', size: 0, sha256: '' },
      extraction: { state: record.extraction.state, percent: extracting ? entry.percent : null, error },
      volumes: record.counts?.volumes ?? null,
      documents: record.counts?.documents ?? null,
      pages: record.counts?.pages ?? null,
      extractedSize: record.counts?.extractedSize ?? null,
      passwords: { ...entry.held },
      matchedFiles,
    };
  }

  // ---- other actions ---------------------------------------------------------------------------

  async remove(id: string): Promise<void> {
    const entry = this.require(id);
    await this.stopJobs(id);
    if (await exists(entry.folder)) {
      try {
        await this.trashItem(entry.folder);
      } catch (error) {
        throw new AppError('INTERNAL', `无法将卷宗移到回收站：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await this.options.passwords.forget(id);
    this.entries.delete(id);
    this.scheduleIndexWrite();
    this.changed(id);
  }

  async reveal(id: string): Promise<void> {
    const entry = this.require(id);
    if (!(await exists(entry.folder))) throw new AppError('NOT_FOUND', `卷宗文件夹已不存在：${entry.folder}`);
    await this.revealItem(entry.folder);
  }

  async passwords(id: string): Promise<{ download: string | null; open: string | null }> {
    this.require(id);
    return this.options.passwords.get(id);
  }

  /**
   * Keeps the open password a document of the dossier opened with; pages that could not be counted
   * without it are counted now.
   */
  async rememberOpenPassword(id: string, password: string): Promise<void> {
    const entry = this.require(id);
    const before = await this.options.passwords.get(id);
    await this.options.passwords.store(id, { download: null, open: password });
    await this.refreshHeld(entry);
    const uncounted = entry.record.files.some((file) => isPdf(file.path) && file.pages == null);
    if (before.open !== password && uncounted && entry.record.extraction.state === 'extracted') {
      this.enqueue(id, 'count', undefined, false);
    }
    this.changed(id);
  }

  /**
   * Passwords of an SMS pasted after its dossier arrived: kept for the dossier, its unit filled in
   * when unknown, and an archive that waited for a password is extracted now.
   */
  async attachPasswords(id: string, passwords: DossierPasswords, unit: string | null): Promise<void> {
    const entry = this.require(id);
    await this.options.passwords.store(id, passwords);
    await this.refreshHeld(entry);
    if (unit && !entry.record.unit) {
      entry.record.unit = unit;
      entry.search = searchFields(entry.record);
      await this.persistIfKnown(entry);
    }
    if (passwords.open && entry.record.status === 'ready' && entry.record.extraction.state === 'needs-password') {
      this.enqueue(id, 'extract', undefined, false);
    }
    this.changed(id);
  }

  folderOf(id: string): string {
    return this.require(id).folder;
  }

  /** The absolute folder holding the dossier's extracted files; null until it is extracted. */
  extractedFolderOf(id: string): string | null {
    const { folder, record } = this.require(id);
    if (record.status !== 'ready' || record.extraction.state !== 'extracted' || !record.extractedDir) return null;
    return join(folder, record.extractedDir);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.jobs]) this.drop(job);
    const running = this.running;
    if (running) {
      running.controller.abort();
      await running.done;
    }
    while (this.indexWriting) await this.indexWriting;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notFound(id);
    return entry;
  }

  private checkId(id: string): void {
    if (id.length === 0 || id.length > 100) throw new AppError('VALIDATION', '卷宗编号无效');
  }

  private caseNameOf(name: string): string {
    const trimmed = name.trim().slice(0, 200);
    return trimmed === '' ? '卷宗' : trimmed;
  }

  private claim<T>(work: () => Promise<T>): Promise<T> {
    const next = this.claims.then(work, work);
    this.claims = next.catch(() => undefined);
    return next;
  }

  /** A new, empty folder in the managed folder named after the case; ` (2)`, ` (3)`… on a clash. */
  private async newFolder(caseName: string): Promise<string> {
    const root = resolve(this.options.folder());
    await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE });
    const base = safeName(caseName);
    const taken = new Set([...this.entries.values()].map((entry) => entry.folder.toLowerCase()));
    for (let n = 1; n < 10_000; n++) {
      const folder = join(root, withSuffix(base, n));
      // Case-insensitive: Windows and macOS file systems would treat the names as one folder.
      if (taken.has(folder.toLowerCase())) continue;
      try {
        await mkdir(folder, { mode: PRIVATE_DIR_MODE });
        return folder;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new AppError('CONFLICT', `卷宗文件夹名已用尽：${base}`);
  }

  private async refreshHeld(entry: Entry): Promise<void> {
    entry.held = await this.options.passwords.held(entry.record.id);
  }

  private async persist(entry: Entry): Promise<void> {
    entry.stamp = await writeDossierRecord(entry.folder, entry.record);
    this.scheduleIndexWrite();
  }

  /** Persists unless the dossier was removed meanwhile (its folder must not come back). */
  private async persistIfKnown(entry: Entry): Promise<void> {
    if (this.entries.get(entry.record.id) === entry && (await exists(entry.folder))) await this.persist(entry);
  }

  private changed(id: string): void {
    this.options.events.emit('library.changed', { id });
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexWriting) return;
    this.indexWriting = (async () => {
      while (this.indexDirty) {
        this.indexDirty = false;
        const dossiers = [...this.entries.values()].map(({ folder, stamp, record }) => ({ folder, stamp, record }));
        try {
          await writeLibraryIndex(this.options.dataDir, dossiers);
        } catch (error) {
          // Only a cache: the folders still describe themselves.
          console.warn('library index not written:', error instanceof Error ? error.message : String(error));
        }
      }
    })().finally(() => {
      this.indexWriting = null;
    });
  }
}

/** Documents whose pages could not be counted other than for a password (damaged, over a limit), by path and size. */
const uncountable = new Set<string>();

/**
 * Pages of one PDF of the library, counted in the PDF reading thread (limits on time, memory, size
 * and pages: a hostile file neither holds core nor is read whole). Null when not counted: a locked
 * document is counted again once its password is known; a damaged one, or one over a limit, is
 * reported once and not counted again.
 */
async function countDocumentPages(path: string, size: number, password: string | undefined): Promise<number | null> {
  const key = `${path}\0${size}`;
  if (uncountable.has(key)) return null;
  try {
    return await sharedPdfReader().countPages(path, password);
  } catch (error) {
    const code = (error as AppError | null)?.code;
    if (code !== 'PASSWORD_REQUIRED' && code !== 'WRONG_PASSWORD') {
      uncountable.add(key);
      console.warn(`pages not counted: ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}
