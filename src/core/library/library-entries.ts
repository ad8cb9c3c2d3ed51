/**
 * The library's dossiers in memory: one entry per dossier folder, each saved to its `dossier.json`
 * and, as a cache, to the index in the data folder (written in the background, one write at a time).
 * Rebuilt from the index and the dossier folders on disk, where a changed dossier.json wins.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError, type ErrorPayload } from '../../shared/errors';
import type { DossierSummary } from '../../shared/library';
import type { DossierPasswordStore } from '../dossier-passwords';
import type { EventHub } from '../events/event-hub';
import { PRIVATE_DIR_MODE } from '../fs/private-dir';
import { DOSSIER_FILE, readDossierRecord, stampOf, writeDossierRecord, type DossierRecord, type FileStamp } from './dossier-record';
import { readLibraryIndex, writeLibraryIndex, type IndexedDossier } from './library-index';
import { searchFields, type SearchFields } from './library-search';
import { exists } from './path-exists';

export interface LibraryEntry {
  folder: string;
  record: DossierRecord;
  stamp: FileStamp | null;
  held: { download: boolean; open: boolean };
  /** Live extraction progress; never persisted. */
  percent: number | null;
  lastProgressEvent: number;
  search: SearchFields;
}

export interface LibraryEntriesOptions {
  /** The index lives at <dataDir>/library-index.json (a cache). */
  dataDir: string;
  passwords: DossierPasswordStore;
  /** Told `library.changed` through changed(). */
  events: EventHub;
}

export function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `卷宗库中没有这个卷宗（${id}）`);
}

export class LibraryEntries {
  private byId = new Map<string, LibraryEntry>();
  private indexDirty = false;
  private indexWriting: Promise<void> | null = null;

  constructor(private readonly options: LibraryEntriesOptions) {}

  get(id: string): LibraryEntry | undefined {
    return this.byId.get(id);
  }

  require(id: string): LibraryEntry {
    const entry = this.byId.get(id);
    if (!entry) throw notFound(id);
    return entry;
  }

  all(): IterableIterator<LibraryEntry> {
    return this.byId.values();
  }

  /** Adds a dossier found or made in `folder` (not saved: the caller has written its dossier.json). */
  add(folder: string, record: DossierRecord, stamp: FileStamp | null): void {
    addEntry(this.byId, folder, record, stamp);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /**
   * Reads the index and checks it against the disk, then adds any dossier folder of `root` the index
   * does not know. An entry for which `keepLive` holds keeps its live state when found in the same folder.
   */
  async rebuild(root: string, keepLive: (id: string) => boolean): Promise<void> {
    const found = new Map<string, LibraryEntry>();
    const indexed = (await readLibraryIndex(this.options.dataDir)) ?? [];
    const seen = new Set<string>();
    for (const cached of indexed) {
      const folder = resolve(cached.folder);
      if (seen.has(folder)) continue;
      seen.add(folder);
      const checked = await checkCached(cached);
      if (checked) addEntry(found, folder, checked.record, checked.stamp);
    }

    for (const item of await scanRoot(root)) {
      if (!item.isDirectory() || item.name.startsWith('.')) continue;
      const folder = join(root, item.name);
      if (seen.has(folder)) continue;
      seen.add(folder);
      const read = await readDossierRecord(folder);
      if (read) addEntry(found, folder, read.record, read.stamp);
    }

    for (const [id, entry] of this.byId) {
      if (keepLive(id) && found.get(id)?.folder === entry.folder) found.set(id, entry);
    }
    this.byId = found;
    await Promise.all([...found.values()].map((entry) => this.refreshHeld(entry)));
  }

  /** Which passwords the keychain holds for the dossier (shown in its summary). */
  async refreshHeld(entry: LibraryEntry): Promise<void> {
    entry.held = await this.options.passwords.held(entry.record.id);
  }

  async persist(entry: LibraryEntry): Promise<void> {
    entry.stamp = await writeDossierRecord(entry.folder, entry.record);
    this.scheduleIndexWrite();
  }

  /** Persists unless the dossier was removed meanwhile (its folder must not come back). */
  async persistIfKnown(entry: LibraryEntry): Promise<void> {
    if (this.byId.get(entry.record.id) === entry && (await exists(entry.folder))) await this.persist(entry);
  }

  changed(id: string): void {
    this.options.events.emit('library.changed', { id });
  }

  scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexWriting) return;
    this.indexWriting = (async () => {
      while (this.indexDirty) {
        this.indexDirty = false;
        const dossiers = [...this.byId.values()].map(({ folder, stamp, record }) => ({ folder, stamp, record }));
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

  /** Resolves once no index write is under way or scheduled. */
  async indexWritten(): Promise<void> {
    while (this.indexWriting) await this.indexWriting;
  }
}

/** What library.list and library.get tell about a dossier; `matchedFiles` from a search. */
export function summaryOf(entry: LibraryEntry, matchedFiles: string[] = []): DossierSummary {
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

function addEntry(into: Map<string, LibraryEntry>, folder: string, record: DossierRecord, stamp: FileStamp | null): void {
  // Two folders claiming one id (a copied folder): the first one found keeps it.
  if (into.has(record.id)) return;
  const entry: LibraryEntry = {
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

/** The cached record if its dossier.json is unchanged, the disk's if it changed, nothing if it is gone. */
async function checkCached(cached: IndexedDossier): Promise<{ record: DossierRecord; stamp: FileStamp | null } | null> {
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
async function scanRoot(root: string) {
  try {
    await mkdir(root, { recursive: true, mode: PRIVATE_DIR_MODE });
    return await readdir(root, { withFileTypes: true });
  } catch (error) {
    console.warn('managed folder not readable:', error instanceof Error ? error.message : String(error));
    return [];
  }
}
