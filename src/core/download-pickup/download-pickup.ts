/**
 * 下载文件夹 pickup: watches the folders the lawyer's browsers save downloads into, and offers each
 * settled zip or 7z that looks like a dossier for 导入卷宗. The browser's file is only ever read: the
 * import copies it. One candidate is listed and hashed at a time, off the event loop (7za, streams).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError, toErrorPayload } from '../../shared/errors';
import type { PickupOffer } from '../../shared/pickup';
import { listArchive, type ArchiveListing } from '../archives';
import { archiveContents, caseNameOf, isDossier } from './dossier-recognition';
import { fileSha256 } from './file-sha256';
import { isArchiveName, isFirefoxPlaceholder, LIST_TIMEOUT_MS, MAX_AGE_MS, MAX_ARCHIVE_BYTES, POLL_MS, SETTLE_MS } from './pickup-files';
import { loadPickupState, savePickupState, type PickupStateData, type RememberedFile } from './pickup-state-file';

export interface DownloadPickupOptions {
  /** Holds download-pickup.json. */
  dataDir: string;
  /** Folders to watch: the discovered download folders and those the lawyer added in 设置. */
  folders(): Promise<string[]>;
  /** Case names the app knows (appointments, pasted SMS). */
  knownCaseNames(): Promise<string[]>;
  /** The 卷宗库 dossier already holding an archive with these bytes, or null. */
  inLibrary(sha256: string): Promise<{ dossierId: string } | null>;
  /** 导入卷宗 of the file at `path` (which it must only read: copy, never move). */
  importArchive(path: string, caseName: string | null): Promise<{ dossierId: string }>;
  /** Import new offers at once, without asking. Read at each new offer. */
  autoImport(): boolean;
  /** Called with a copy of an offer whenever it is added or changes. */
  emit(offer: PickupOffer): void;
  /** Lists an archive without a password; defaults to the 7za lister with a timeout. */
  listArchive?(path: string, signal: AbortSignal): Promise<ArchiveListing>;
  /** Milliseconds since the epoch; injectable so tests settle files without waiting. */
  now?(): number;
  pollMs?: number;
  settleMs?: number;
  /** fs.watch the folders between polls once started (default true). */
  watch?: boolean;
}

interface Tracked {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen. */
  since: number;
}

interface Candidate {
  folder: string;
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
}

interface OfferEntry {
  offer: PickupOffer;
  path: string;
  mtimeMs: number;
}

/** Fs events arrive in bursts while a browser writes; one scan per burst. */
const WATCH_DEBOUNCE_MS = 250;

function fileKey(path: string, size: number, mtimeMs: number): string {
  return `${path}\u0000${size}\u0000${mtimeMs}`;
}

/** One offer per content: the id is the hash's start. */
function offerIdOf(sha256: string): string {
  return sha256.slice(0, 24);
}

export class DownloadPickup {
  private readonly now: () => number;
  private readonly pollMs: number;
  private readonly settleMs: number;
  private readonly lister: (path: string, signal: AbortSignal) => Promise<ArchiveListing>;

  private loading: Promise<void> | null = null;
  private readonly files = new Map<string, RememberedFile>();
  private readonly ignored = new Map<string, number>();
  private readonly imported = new Map<string, { dossierId: string; at: number }>();
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  private readonly seen = new Map<string, Tracked>();
  private readonly offers = new Map<string, OfferEntry>();

  private scanChain: Promise<void> = Promise.resolve();
  private queuedScan: Promise<void> | null = null;
  private importChain: Promise<void> = Promise.resolve();

  private started = false;
  private closed = false;
  private readonly stop = new AbortController();
  private pollTimer: NodeJS.Timeout | null = null;
  private followUp: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(private readonly options: DownloadPickupOptions) {
    this.now = options.now ?? Date.now;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.settleMs = options.settleMs ?? SETTLE_MS;
    this.lister = options.listArchive ?? ((path, signal) => listArchive(path, { timeoutMs: LIST_TIMEOUT_MS, signal }));
  }

  /** Loads what was remembered, then watches and polls the folders. */
  async start(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    await this.ensureLoaded();
    if (this.closed) return;
    this.pollTimer = setInterval(() => void this.scanNow(), this.pollMs);
    this.pollTimer.unref();
    void this.scanNow();
  }

  /** Stops watching and polling; waits for a running scan and import, and for the state to be saved. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of [this.pollTimer, this.followUp, this.debounce]) if (timer) clearTimeout(timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.stop.abort(new Error('download pickup closed'));
    await this.scanChain;
    await this.importChain;
    await this.saveIfDirty();
    await this.saving;
  }

  /** Every offer, the newest file first. */
  list(): PickupOffer[] {
    return [...this.offers.values()]
      .map((entry) => ({ ...entry.offer }))
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.fileName.localeCompare(b.fileName));
  }

  /**
   * Scans the folders once, after any scan already running (scans never overlap; calls made while one
   * is waiting to run share it). Resolves when the scan, with its listing and hashing, is done.
   */
  scanNow(): Promise<void> {
    if (this.queuedScan) return this.queuedScan;
    const run = this.scanChain
      .then(() => {
        this.queuedScan = null;
        return this.scan();
      })
      .catch(() => undefined);
    this.queuedScan = run;
    this.scanChain = run;
    return run;
  }

  /**
   * 导入卷宗 of an offer (one import at a time). Resolves with the offer as it ends: imported, failed
   * (with the reason; it may be tried again) or in-library. Rejects only for an unknown id.
   */
  import(id: string): Promise<PickupOffer> {
    const entry = this.offers.get(id);
    if (!entry) return Promise.reject(new AppError('NOT_FOUND', '下载文件夹里没有这个文件'));
    const run = this.importChain.then(() => this.runImport(entry));
    this.importChain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The lawyer does not want this file: remembered by its SHA-256, so no copy of it is offered again. */
  async ignore(id: string): Promise<PickupOffer> {
    const entry = this.offers.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '下载文件夹里没有这个文件');
    const { offer } = entry;
    if (offer.state === 'offered' || offer.state === 'failed') {
      this.ignored.set(offer.sha256, this.now());
      this.dirty = true;
      this.change(entry, { state: 'ignored', error: null });
      await this.saveIfDirty();
    }
    return { ...offer };
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= loadPickupState(this.options.dataDir).then((state) => {
      for (const file of state.files) this.files.set(fileKey(file.path, file.size, file.mtimeMs), file);
      for (const { sha256, at } of state.ignored) this.ignored.set(sha256, at);
      for (const { sha256, dossierId, at } of state.imported) this.imported.set(sha256, { dossierId, at });
    });
    return this.loading;
  }

  private saveIfDirty(): Promise<void> {
    if (!this.dirty) return this.saving;
    this.dirty = false;
    const state: PickupStateData = {
      version: 1,
      ignored: [...this.ignored].map(([sha256, at]) => ({ sha256, at })),
      imported: [...this.imported].map(([sha256, { dossierId, at }]) => ({ sha256, dossierId, at })),
      files: [...this.files.values()].map((file) => ({ ...file })),
    };
    // Saves run one after another, each with the state as it was when asked; a failed save (disk full)
    // costs only the memory of what was seen, which the next change writes again.
    this.saving = this.saving.then(() =>
      savePickupState(this.options.dataDir, state).catch(() => {
        this.dirty = true;
      }),
    );
    return this.saving;
  }

  private change(entry: OfferEntry, change: Partial<PickupOffer>): void {
    Object.assign(entry.offer, change);
    try {
      this.options.emit({ ...entry.offer });
    } catch {
      // A listener's failure is not the pickup's.
    }
  }

  private async folderList(): Promise<string[]> {
    try {
      return [...new Set((await this.options.folders()).filter((folder) => folder).map((folder) => resolve(folder)))];
    } catch {
      return [];
    }
  }

  private async scan(): Promise<void> {
    if (this.closed) return;
    await this.ensureLoaded();
    const folders = await this.folderList();
    if (this.started && this.options.watch !== false) this.watchFolders(folders);

    const now = this.now();
    const present = new Set<string>();
    const settled: Candidate[] = [];
    let waiting = false;
    for (const folder of folders) {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        continue; // Missing or unreadable now; tried again on the next scan.
      }
      const inFolder = new Set(names);
      for (const name of names) {
        if (!isArchiveName(name) || isFirefoxPlaceholder(name, inFolder)) continue;
        const path = join(folder, name);
        let info;
        try {
          info = await stat(path);
        } catch {
          continue;
        }
        if (!info.isFile() || info.size === 0 || info.size > MAX_ARCHIVE_BYTES || now - info.mtimeMs > MAX_AGE_MS) continue;
        present.add(path);
        const known = this.seen.get(path);
        if (!known || known.size !== info.size || known.mtimeMs !== info.mtimeMs) {
          this.seen.set(path, { size: info.size, mtimeMs: info.mtimeMs, since: now });
          waiting = true;
        } else if (now - known.since < this.settleMs) {
          waiting = true;
        } else {
          settled.push({ folder, name, path, size: info.size, mtimeMs: info.mtimeMs });
        }
      }
    }
    for (const path of this.seen.keys()) if (!present.has(path)) this.seen.delete(path);

    if (settled.length > 0) {
      const caseNames = await this.options.knownCaseNames().catch(() => [] as string[]);
      for (const candidate of settled) {
        if (this.closed) break;
        try {
          await this.consider(candidate, caseNames, present);
        } catch {
          // The file went away or changed while it was read: the next scans see it afresh.
        }
      }
    }
    await this.recheckOffered();
    await this.saveIfDirty();
    if (waiting && this.started && !this.closed) this.scanAfter(this.settleMs);
  }

  /** A settled archive: list it (once), hash it (once) and offer it if it is a dossier not seen before. */
  private async consider(candidate: Candidate, caseNames: readonly string[], present: ReadonlySet<string>): Promise<void> {
    const { path, size, mtimeMs } = candidate;
    const key = fileKey(path, size, mtimeMs);
    const caseName = caseNameOf(candidate.name, caseNames);
    let file = this.files.get(key);
    // Known not to be a dossier: only a case name learnt since can change that, and the name is checked above.
    if (file && !isDossier(file.contents, caseName)) return;
    if (!file) {
      const contents = await archiveContents((archive) => this.lister(archive, this.stop.signal), path);
      if (this.closed) return;
      file = { path, size, mtimeMs, contents, sha256: null, at: this.now() };
      this.files.set(key, file);
      this.dirty = true;
      if (!isDossier(contents, caseName)) return;
    }
    if (!file.sha256) {
      const sha256 = await fileSha256(path, size, this.stop.signal);
      const after = await stat(path);
      if (after.size !== size || after.mtimeMs !== mtimeMs) return;
      file.sha256 = sha256;
      this.dirty = true;
    }
    const sha256 = file.sha256;
    const id = offerIdOf(sha256);
    const existing = this.offers.get(id);
    if (existing) {
      const open = existing.offer.state === 'offered' || existing.offer.state === 'failed';
      if (!open) return;
      if (existing.path !== path && !present.has(existing.path)) {
        // Another copy of the same bytes, and the offered file itself is gone: the offer moves to this one.
        existing.path = path;
        existing.mtimeMs = mtimeMs;
        this.change(existing, { fileName: candidate.name, folder: candidate.folder, modifiedAt: new Date(mtimeMs).toISOString(), caseName });
      } else if (existing.path === path && caseName !== null && existing.offer.caseName !== caseName) {
        // A case the app learnt of since (an appointment, a pasted SMS) names this file.
        this.change(existing, { caseName });
      }
      return;
    }
    if (this.ignored.has(sha256) || this.imported.has(sha256)) return;
    const held = await this.options.inLibrary(sha256);
    const entry: OfferEntry = {
      path,
      mtimeMs,
      offer: {
        id,
        fileName: candidate.name,
        folder: candidate.folder,
        size,
        modifiedAt: new Date(mtimeMs).toISOString(),
        sha256,
        caseName,
        state: held ? 'in-library' : 'offered',
        dossierId: held?.dossierId ?? null,
        error: null,
      },
    };
    this.offers.set(id, entry);
    this.change(entry, {});
    if (!held && this.options.autoImport()) this.import(id).catch(() => undefined);
  }

  /** An offered file the lawyer imported some other way (导入卷宗 by hand) is now in the library. */
  private async recheckOffered(): Promise<void> {
    for (const entry of this.offers.values()) {
      if (entry.offer.state !== 'offered') continue;
      const held = await this.options.inLibrary(entry.offer.sha256).catch(() => null);
      if (held && entry.offer.state === 'offered') this.change(entry, { state: 'in-library', dossierId: held.dossierId });
    }
  }

  private async runImport(entry: OfferEntry): Promise<PickupOffer> {
    const { offer } = entry;
    if (this.closed || offer.state === 'importing' || offer.state === 'imported' || offer.state === 'in-library') return { ...offer };
    let info;
    try {
      info = await stat(entry.path);
    } catch {
      this.change(entry, { state: 'failed', error: { code: 'NOT_FOUND', message: `下载文件夹里已找不到“${offer.fileName}”：它已被移动、改名或删除` } });
      return { ...offer };
    }
    if (info.size !== offer.size || info.mtimeMs !== entry.mtimeMs) {
      this.change(entry, { state: 'failed', error: { code: 'CONFLICT', message: `“${offer.fileName}”在提示之后又被改动过，请等它重新识别后再导入` } });
      return { ...offer };
    }
    const held = await this.options.inLibrary(offer.sha256).catch(() => null);
    if (held) {
      this.change(entry, { state: 'in-library', dossierId: held.dossierId, error: null });
      return { ...offer };
    }
    this.change(entry, { state: 'importing', error: null });
    try {
      const { dossierId } = await this.options.importArchive(entry.path, offer.caseName);
      this.imported.set(offer.sha256, { dossierId, at: this.now() });
      this.ignored.delete(offer.sha256);
      this.dirty = true;
      this.change(entry, { state: 'imported', dossierId, error: null });
      await this.saveIfDirty();
    } catch (error) {
      this.change(entry, { state: 'failed', error: toErrorPayload(error) });
    }
    return { ...offer };
  }

  private scanAfter(delayMs: number): void {
    if (this.followUp) return;
    this.followUp = setTimeout(() => {
      this.followUp = null;
      void this.scanNow();
    }, delayMs);
    this.followUp.unref();
  }

  private watchFolders(folders: string[]): void {
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.watchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of wanted) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, () => this.onFolderEvent());
        // A folder that vanishes (or a watcher the OS drops) is watched again on a later scan.
        watcher.on('error', () => {
          watcher.close();
          if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
        });
        this.watchers.set(folder, watcher);
      } catch {
        // Missing now: the poll covers it until it exists.
      }
    }
  }

  private onFolderEvent(): void {
    if (this.closed || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.scanNow();
    }, WATCH_DEBOUNCE_MS);
    this.debounce.unref();
  }
}
