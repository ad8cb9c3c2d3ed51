/**
 * The offline library (卷宗库): every downloaded or imported dossier in the managed folder, each in
 * its own folder with a `dossier.json`, its archive and the extracted files. Extractions run one at a
 * time in the background; the index in the data folder is only a cache of what the folders say.
 *
 * This class is the library's face for its callers; the parts it composes each have a file: the
 * dossiers in memory and their saving (library-entries), how a dossier arrives (dossier-arrivals, with
 * folder-claims), the serial queue of background jobs (job-queue), one extraction (dossier-extraction),
 * page counts (page-counting) and the search (library-search).
 */
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DossierDetail, DossierSummary, DownloadedDossier } from '../../shared/library';
import type { DossierPasswords, DossierPasswordStore } from '../dossier-passwords';
import type { EventHub } from '../events/event-hub';
import { DossierArrivals, type DownloadedArchive, type ImportRequest } from './dossier-arrivals';
import { DossierExtraction, extractingElsewhere } from './dossier-extraction';
import { isPdf } from './dossier-files';
import { moveToTrash, revealInFileManager } from './file-manager';
import { JobQueue } from './job-queue';
import { LibraryEntries, notFound, summaryOf } from './library-entries';
import { foldForSearch, matchDossier, searchFields } from './library-search';
import { PageCounting } from './page-counting';
import { exists } from './path-exists';

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

export class LibraryService {
  private readonly entries: LibraryEntries;
  private readonly jobs: JobQueue;
  private readonly arrivals: DossierArrivals;
  private readonly trashItem: (path: string) => Promise<void>;
  private readonly revealItem: (path: string) => Promise<void>;

  constructor(private readonly options: LibraryOptions) {
    this.trashItem = options.trashItem ?? moveToTrash;
    this.revealItem = options.revealItem ?? revealInFileManager;
    this.entries = new LibraryEntries(options);
    const pages = new PageCounting(this.entries, options.passwords);
    const { maxUnpackedGb } = options;
    const extraction = new DossierExtraction({ entries: this.entries, passwords: options.passwords, pages, ...(maxUnpackedGb ? { maxUnpackedGb } : {}) });
    this.jobs = new JobQueue((job) => (job.kind === 'extract' ? extraction.run(job) : pages.run(job)));
    this.arrivals = new DossierArrivals({ entries: this.entries, jobs: this.jobs, extraction, passwords: options.passwords, folder: options.folder });
  }

  // ---- loading ---------------------------------------------------------------------------------

  /**
   * Reads the index and checks it against the disk (a changed or missing dossier.json wins), adds any
   * dossier folder of the current managed folder the index does not know, and re-queues extractions
   * a stopped run left unfinished. May be called again (e.g. after the managed folder changed): dossiers
   * with an extraction under way keep their live state.
   */
  async load(): Promise<void> {
    await this.entries.rebuild(resolve(this.options.folder()), (id) => this.jobs.has(id));
    for (const entry of this.entries.all()) {
      const { record } = entry;
      if (record.status !== 'ready' || this.jobs.has(record.id)) continue;
      if (record.extraction.state === 'extracting') {
        // Another process (the app, or the CLI) is extracting it right now: leave it to that one.
        if (await extractingElsewhere(entry.folder)) continue;
        // A run stopped in the middle: nothing half-done is in place (extraction is staged), so start over.
        record.extraction = { state: 'pending', error: null };
        await this.entries.persist(entry).catch((error: unknown) => console.warn('dossier.json not updated:', String(error)));
      }
      if (record.extraction.state === 'pending') this.jobs.enqueue(record.id, 'extract', undefined, false);
      else if (record.extraction.state === 'extracted' && record.counts && !record.counts.pagesCounted) this.jobs.enqueue(record.id, 'count', undefined, false);
    }
    this.entries.scheduleIndexWrite();
  }

  // ---- arrivals (see dossier-arrivals) --------------------------------------------------------

  /** The folder a portal download of dossier `id` goes to; the same one each time. */
  prepareDownloadFolder(input: { id: string; caseName: string; unit: string | null }): Promise<string> {
    return this.arrivals.prepareDownloadFolder(input);
  }

  pendingDownloads(): PendingDownloadFolder[] {
    return [...this.entries.all()]
      .filter((entry) => entry.record.status === 'downloading')
      .map(({ record, folder }) => ({ id: record.id, caseName: record.caseName, unit: record.unit, folder }));
  }

  addDownloaded(input: DownloadedArchive): Promise<DossierSummary> {
    return this.arrivals.addDownloaded(input);
  }

  /**
   * 导入卷宗. `unit` and `passwords` come from an SMS kept for the case (【粘贴短信】 of a case handled on
   * the real portal): the passwords are the dossier's before its extraction runs, so it needs no asking.
   */
  importArchive(input: ImportRequest): Promise<DossierSummary> {
    return this.arrivals.importArchive(input);
  }

  // ---- extraction ------------------------------------------------------------------------------

  async extract(id: string, password?: string): Promise<DossierSummary> {
    const entry = this.entries.require(id);
    if (entry.record.status !== 'ready') throw new AppError('CONFLICT', '卷宗还在下载，下载完成并校验后才能解压');
    const given = password || undefined;
    const job = this.jobs.enqueue(id, 'extract', given, given !== undefined);
    const outcome = await job.done;
    if (outcome.error) throw outcome.error;
    return summaryOf(this.entries.require(id));
  }

  async whenIdle(id: string): Promise<DossierSummary> {
    this.entries.require(id);
    await this.jobs.whenIdle(id);
    return summaryOf(this.entries.require(id));
  }

  // ---- listing ---------------------------------------------------------------------------------

  list(q?: string): DossierSummary[] {
    const query = foldForSearch(q ?? '');
    const out: DossierSummary[] = [];
    for (const entry of this.entries.all()) {
      if (entry.record.status !== 'ready') continue;
      const matched = matchDossier(entry.search, entry.record, query);
      if (matched) out.push(summaryOf(entry, matched));
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
    const entry = this.entries.require(id);
    if (entry.record.status !== 'ready') throw notFound(id);
    await this.entries.refreshHeld(entry);
    return { ...summaryOf(entry), files: entry.record.files.map((file) => ({ ...file })) };
  }

  // ---- other actions ---------------------------------------------------------------------------

  async remove(id: string): Promise<void> {
    const entry = this.entries.require(id);
    await this.jobs.stop(id);
    if (await exists(entry.folder)) {
      try {
        await this.trashItem(entry.folder);
      } catch (error) {
        throw new AppError('INTERNAL', `无法将卷宗移到回收站：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await this.options.passwords.forget(id);
    this.entries.delete(id);
    this.entries.scheduleIndexWrite();
    this.entries.changed(id);
  }

  async reveal(id: string): Promise<void> {
    const entry = this.entries.require(id);
    if (!(await exists(entry.folder))) throw new AppError('NOT_FOUND', `卷宗文件夹已不存在：${entry.folder}`);
    await this.revealItem(entry.folder);
  }

  async passwords(id: string): Promise<{ download: string | null; open: string | null }> {
    this.entries.require(id);
    return this.options.passwords.get(id);
  }

  /**
   * Keeps the open password a document of the dossier opened with; pages that could not be counted
   * without it are counted now.
   */
  async rememberOpenPassword(id: string, password: string): Promise<void> {
    const entry = this.entries.require(id);
    const before = await this.options.passwords.get(id);
    await this.options.passwords.store(id, { download: null, open: password });
    await this.entries.refreshHeld(entry);
    const uncounted = entry.record.files.some((file) => isPdf(file.path) && file.pages == null);
    if (before.open !== password && uncounted && entry.record.extraction.state === 'extracted') {
      this.jobs.enqueue(id, 'count', undefined, false);
    }
    this.entries.changed(id);
  }

  /**
   * Passwords of an SMS pasted after its dossier arrived: kept for the dossier, its unit filled in
   * when unknown, and an archive that waited for a password is extracted now.
   */
  async attachPasswords(id: string, passwords: DossierPasswords, unit: string | null): Promise<void> {
    const entry = this.entries.require(id);
    await this.options.passwords.store(id, passwords);
    await this.entries.refreshHeld(entry);
    if (unit && !entry.record.unit) {
      entry.record.unit = unit;
      entry.search = searchFields(entry.record);
      await this.entries.persistIfKnown(entry);
    }
    if (passwords.open && entry.record.status === 'ready' && entry.record.extraction.state === 'needs-password') {
      this.jobs.enqueue(id, 'extract', undefined, false);
    }
    this.entries.changed(id);
  }

  folderOf(id: string): string {
    return this.entries.require(id).folder;
  }

  /** The absolute folder holding the dossier's extracted files; null until it is extracted. */
  extractedFolderOf(id: string): string | null {
    const { folder, record } = this.entries.require(id);
    if (record.status !== 'ready' || record.extraction.state !== 'extracted' || !record.extractedDir) return null;
    return join(folder, record.extractedDir);
  }

  async close(): Promise<void> {
    await this.jobs.close();
    await this.entries.indexWritten();
  }
}
