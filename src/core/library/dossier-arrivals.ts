/**
 * How a dossier enters the library: a folder prepared for a portal download and then the verified
 * archive added to it, or an archive imported from anywhere (copied into a folder of its own). Either
 * way its extraction is queued; a first import whose extraction fails leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DossierSummary } from '../../shared/library';
import type { DossierPasswords, DossierPasswordStore } from '../dossier-passwords';
import { mkdirPrivate } from '../fs/private-dir';
import { localizedArchiveError } from './archive-messages';
import { copyAndHash } from './copy-and-hash';
import type { DossierExtraction } from './dossier-extraction';
import { DOSSIER_FILE, writeDossierRecord, type DossierRecord } from './dossier-record';
import { FolderClaims } from './folder-claims';
import type { JobQueue } from './job-queue';
import { summaryOf, type LibraryEntries, type LibraryEntry } from './library-entries';
import { exists } from './path-exists';
import { safeArchiveFileName, splitExtension } from './safe-name';

export interface DossierArrivalsOptions {
  entries: LibraryEntries;
  jobs: JobQueue;
  extraction: DossierExtraction;
  passwords: DossierPasswordStore;
  /** The current managed folder (absolute); created when missing. */
  folder: () => string;
}

export interface DownloadedArchive {
  id: string;
  caseName: string;
  unit: string | null;
  archivePath: string;
  sha256: string;
  size: number;
}

export interface ImportRequest {
  archivePath: string;
  password?: string;
  caseName?: string;
  unit?: string | null;
  passwords?: DossierPasswords;
}

function now(): string {
  return new Date().toISOString();
}

function checkId(id: string): void {
  if (id.length === 0 || id.length > 100) throw new AppError('VALIDATION', '卷宗编号无效');
}

function caseNameOf(name: string): string {
  const trimmed = name.trim().slice(0, 200);
  return trimmed === '' ? '卷宗' : trimmed;
}

export class DossierArrivals {
  private readonly folders: FolderClaims;

  constructor(private readonly options: DossierArrivalsOptions) {
    this.folders = new FolderClaims(options.entries, options.folder);
  }

  /** The folder a portal download of dossier `id` goes to: its own if known, else a new one (status downloading). */
  async prepareDownloadFolder(input: { id: string; caseName: string; unit: string | null }): Promise<string> {
    const { entries } = this.options;
    checkId(input.id);
    return this.folders.claim(async () => {
      const known = entries.get(input.id);
      if (known) {
        await mkdirPrivate(known.folder);
        if (!(await exists(join(known.folder, DOSSIER_FILE)))) await entries.persist(known);
        return known.folder;
      }
      const folder = await this.folders.newFolder(input.caseName);
      const record: DossierRecord = {
        version: 1,
        id: input.id,
        caseName: caseNameOf(input.caseName),
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
        entries.add(folder, record, stamp);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      entries.scheduleIndexWrite();
      return folder;
    });
  }

  /** A verified download in its prepared folder: the dossier becomes ready and its extraction is queued. */
  async addDownloaded(input: DownloadedArchive): Promise<DossierSummary> {
    const { entries, jobs } = this.options;
    const entry = entries.get(input.id);
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
    await jobs.stop(input.id);
    const { record } = entry;
    const previous = record.archive;
    record.caseName = caseNameOf(input.caseName);
    record.unit = input.unit;
    record.status = 'ready';
    record.addedAt = now();
    record.archive = { fileName, size: input.size, sha256: input.sha256 };
    // The files extracted from an earlier copy stay listed and in place until the new extraction succeeds.
    record.extraction = { state: 'pending', error: null };
    await entries.persist(entry);
    if (previous && previous.fileName !== fileName) await rm(join(entry.folder, previous.fileName), { force: true });
    await entries.refreshHeld(entry);
    entries.changed(input.id);
    jobs.enqueue(input.id, 'extract', undefined, false);
    return summaryOf(entry);
  }

  /** 导入卷宗: copies the archive into a new folder and waits for its first extraction. */
  async importArchive(input: ImportRequest): Promise<DossierSummary> {
    const { entries, jobs, passwords } = this.options;
    const source = resolve(input.archivePath);
    const stats = await stat(source).catch(() => null);
    if (!stats) throw new AppError('NOT_FOUND', `找不到要导入的文件：${basename(source)}`);
    if (!stats.isFile()) throw new AppError('VALIDATION', `不是文件：${basename(source)}`);
    // List first: a file that is not a usable archive, or one too big to unpack, is refused before anything is copied.
    await this.options.extraction.checkImportable(source, input.password);

    const originalName = basename(source);
    const caseName = caseNameOf(input.caseName?.trim() || splitExtension(originalName).stem);
    const fileName = safeArchiveFileName(originalName);
    const id = `imp-${randomBytes(8).toString('hex')}`;
    await this.folders.claim(async () => {
      const folder = await this.folders.newFolder(caseName);
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
        entries.add(folder, record, stamp);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw localizedArchiveError(error);
      }
    });
    if (input.passwords) {
      await passwords.store(id, input.passwords);
      await entries.refreshHeld(entries.require(id));
    }
    entries.scheduleIndexWrite();
    entries.changed(id);
    const job = jobs.enqueue(id, 'extract', input.password || undefined, false);
    await job.done;
    const entry = entries.require(id);
    const { state, error } = entry.record.extraction;
    // A failed first extraction leaves nothing behind: the archive is still where it came from. One that
    // waits for its password stays (state needs-password), so the password can be given later.
    if (state === 'failed') {
      await this.discard(id, entry);
      throw new AppError(error?.code ?? 'INTERNAL', error?.message ?? '解压失败');
    }
    return summaryOf(entry);
  }

  /** Drops a dossier that never became one (a failed import): its folder, its passwords, its index entry. */
  private async discard(id: string, entry: LibraryEntry): Promise<void> {
    const { entries } = this.options;
    await this.options.jobs.stop(id);
    entries.delete(id);
    await rm(entry.folder, { recursive: true, force: true });
    await this.options.passwords.forget(id).catch(() => undefined);
    entries.scheduleIndexWrite();
    entries.changed(id);
  }
}
