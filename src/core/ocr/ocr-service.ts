/**
 * 文字识别 in the background: once a dossier is in 卷宗库 (downloaded or imported, extracted), every
 * page of it is read — text layer or OCR — into its encrypted text store, one dossier at a time, in
 * a worker thread at low priority. Progress goes out as `ocr.progress` events. Pausing stops the
 * worker (kept across restarts); anything not finished when the app stopped goes on at the next
 * start from the first page not yet read. A page that hangs or crashes the worker is recorded as
 * unreadable and the reading goes on after it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { OcrStatus } from '../../shared/ocr';
import type { DossierText, DossierTextStore, TextRecord } from '../dossier-text';
import { writeFileAtomic } from '../fs/atomic-write';
import { readableFile, type ReadJob } from './dossier-reader';
import { knownNames } from './known-names';
import type { ParentMessage, WorkerMessage } from './worker-protocol';
import { ocrWorkerScript } from './worker-script';

/** A dossier as the reader needs it. */
export interface OcrTarget {
  id: string;
  /** The dossier's own folder (its text store is kept there). */
  folder: string;
  /** Where its documents were extracted. */
  documentsFolder: string;
  files: readonly { path: string; size?: number; pages?: number | null }[];
  passwords: string[];
  /** Place names the dossier carries (from its unit and case name; see known-names.ts). */
  names?: string[];
}

export interface OcrServiceOptions {
  dataDir: string;
  texts: DossierTextStore;
  /** The dossier ready to be read, or null (not extracted, removed). */
  target(id: string): Promise<OcrTarget | null>;
  /** Every dossier of the library (read at start: unfinished ones go on). */
  dossierIds(): Promise<string[]>;
  emit(status: OcrStatus): void;
  /** ONNX Runtime threads in the worker. Default 2. */
  threads?: number;
  /** A page taking longer than this is given up (ms). Default 180 s. */
  pageTimeoutMs?: number;
}

const PAUSED_FILE = 'ocr-paused.json';

interface Running {
  id: string;
  worker: Worker;
  startedAt: number;
  recognisedAtStart: number;
  watchdog: NodeJS.Timeout | undefined;
  /** Asked to stop (pause, close) or given up: what it still sends is kept, nothing more is decided. */
  stopped: boolean;
  exited: Promise<void>;
  /** The pages it sent, written one after the other: close() waits for them, so none is lost. */
  written: Promise<void>;
}

/** How long a worker asked to stop may take to finish its page before it is ended anyway. */
const STOP_GRACE_MS = 30_000;

export class OcrService {
  private readonly queue: string[] = [];
  private readonly statuses = new Map<string, OcrStatus>();
  private paused = new Set<string>();
  /** Dossiers that changed while being read (an open password arrived): considered again after. */
  private readonly changedWhileRunning = new Set<string>();
  private running: Running | null = null;
  /** A dossier's worker is being set up (between taking it off the queue and `running`). */
  private starting = false;
  private closed = false;

  constructor(private readonly options: OcrServiceOptions) {}

  /** Loads which dossiers were paused and queues every unfinished one. */
  async start(): Promise<void> {
    try {
      const list = JSON.parse(await readFile(join(this.options.dataDir, PAUSED_FILE), 'utf8')) as unknown;
      if (Array.isArray(list)) this.paused = new Set(list.filter((id): id is string => typeof id === 'string'));
    } catch {
      // None paused.
    }
    for (const id of await this.options.dossierIds()) await this.consider(id);
  }

  /** A dossier entered the library or changed: read what of it is not read yet. */
  async consider(id: string): Promise<void> {
    if (this.closed) return;
    const target = await this.options.target(id).catch(() => null);
    if (!target) {
      if (!this.statuses.has(id)) return;
      this.dropQueued(id);
      if (this.running?.id === id) this.stopRunning();
      this.statuses.delete(id);
      return;
    }
    const text = await this.options.texts.textOf({ id, folder: target.folder, files: target.files });
    const status = this.statusOf(id, target, text, this.paused.has(id) ? 'paused' : 'waiting');
    if (this.running?.id === id) {
      this.changedWhileRunning.add(id);
      return;
    }
    if (this.paused.has(id)) return this.publish(status);
    if (unread(target, text).length === 0 && !retryPasswords(target, text)) return this.publish({ ...status, state: 'done', secondsLeft: 0 });
    if (!this.queue.includes(id)) this.queue.push(id);
    this.publish(status);
    this.next();
  }

  status(id?: string): OcrStatus[] {
    const all = [...this.statuses.values()];
    return id === undefined ? all : all.filter((status) => status.dossierId === id);
  }

  async pause(id: string): Promise<OcrStatus> {
    const status = this.require(id);
    this.paused.add(id);
    await this.savePaused();
    this.dropQueued(id);
    if (this.running?.id === id) this.stopRunning();
    if (status.state !== 'done') this.publish({ ...status, state: 'paused', pagesPerMinute: null, secondsLeft: null });
    this.next();
    return this.require(id);
  }

  async resume(id: string): Promise<OcrStatus> {
    this.require(id);
    this.paused.delete(id);
    await this.savePaused();
    await this.consider(id);
    return this.require(id);
  }

  /** The dossier left the library: stop reading it and forget its state. */
  async forget(id: string): Promise<void> {
    this.dropQueued(id);
    if (this.running?.id === id) this.stopRunning();
    this.statuses.delete(id);
    if (this.paused.delete(id)) await this.savePaused();
    this.next();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const running = this.running;
    if (running) {
      this.stopRunning();
      await running.exited;
      await running.written;
    }
  }

  private require(id: string): OcrStatus {
    const status = this.statuses.get(id);
    if (!status) throw new AppError('NOT_FOUND', '该卷宗没有文字识别任务（尚未解压或已移除）');
    return status;
  }

  private dropQueued(id: string): void {
    const at = this.queue.indexOf(id);
    if (at >= 0) this.queue.splice(at, 1);
  }

  private async savePaused(): Promise<void> {
    await writeFileAtomic(join(this.options.dataDir, PAUSED_FILE), JSON.stringify([...this.paused]));
  }

  private publish(status: OcrStatus): void {
    this.statuses.set(status.dossierId, status);
    this.options.emit(status);
  }

  private statusOf(id: string, target: OcrTarget, text: DossierText, state: OcrStatus['state']): OcrStatus {
    const { pages, recognised } = text.counts();
    let total = 0;
    for (const file of target.files) {
      if (!readableFile(file.path)) continue;
      const record = text.documents.get(file.path);
      total += record ? record.pageCount : (file.pages ?? 1);
    }
    return { dossierId: id, state, pagesDone: Math.min(pages, total), pagesTotal: Math.max(total, pages), pagesRecognised: recognised, pagesPerMinute: null, secondsLeft: null, error: null };
  }

  /** Starts the next dossier's worker unless one is running or being started (one at a time). */
  private next(): void {
    if (this.running || this.starting || this.closed) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    this.starting = true;
    this.run(id)
      .catch((error: unknown) => {
        const status = this.statuses.get(id);
        if (status) this.publish({ ...status, state: 'failed', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
      })
      .finally(() => {
        this.starting = false;
        this.next();
      });
  }

  /** Starts reading one dossier in a worker; resolves once the worker is running (or nothing is to be done). */
  private async run(id: string): Promise<void> {
    const target = await this.options.target(id);
    if (!target) return;
    const text = await this.options.texts.textOf({ id, folder: target.folder, files: target.files });
    const job: ReadJob = {
      folder: target.documentsFolder,
      files: target.files.map((file) => file.path),
      passwords: target.passwords,
      done: doneOf(target, text),
      // With the names the typed pages read before (a resumed reading skips them) carry.
      names: knownNames([...(target.names ?? []), ...typedTexts(target, text)]),
    };
    const script = await ocrWorkerScript();
    if (this.closed || this.paused.has(id)) return;
    const worker = new Worker(script, {
      workerData: { job, threads: this.options.threads ?? 2 },
      // The JS heap only (ONNX Runtime's memory is native): a runaway document stops here.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: false,
      stderr: false,
    });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const running: Running = {
      id,
      worker,
      startedAt: Date.now(),
      recognisedAtStart: text.counts().recognised,
      watchdog: undefined,
      stopped: false,
      exited,
      written: Promise.resolve(),
    };
    this.running = running;
    this.publish({ ...this.statusOf(id, target, text, 'running') });
    const armWatchdog = () => {
      clearTimeout(running.watchdog);
      running.watchdog = setTimeout(() => void this.giveUpPage(running, target, text), this.options.pageTimeoutMs ?? 180_000);
    };
    armWatchdog();
    worker.on('message', (message: WorkerMessage) => {
      // The page a stopping worker finishes is kept all the same.
      if (message.type === 'records') {
        const { records } = message;
        running.written = running.written.then(() => text.append(records)).catch(() => undefined);
      }
      if (running.stopped) return;
      if (message.type === 'records') {
        armWatchdog();
        this.progress(running, target, text);
      } else if (message.type === 'finished') {
        this.finish(running, target, text, null);
      } else {
        this.finish(running, target, text, message.message);
      }
    });
    worker.on('error', () => {
      // Out of memory or a crash in a page: that page is given up, the rest goes on.
      if (!running.stopped) void this.giveUpPage(running, target, text);
    });
    worker.on('exit', () => {
      if (!running.stopped) void this.giveUpPage(running, target, text);
    });
  }

  private progress(running: Running, target: OcrTarget, text: DossierText): void {
    const status = this.statusOf(running.id, target, text, 'running');
    const minutes = (Date.now() - running.startedAt) / 60_000;
    // The pace is that of OCR: text-layer pages are read at once and would promise far too much.
    // The time left assumes the pages still to read are scans (an upper bound).
    const read = status.pagesRecognised - running.recognisedAtStart;
    if (read >= 2 && minutes > 0) {
      const perMinute = read / minutes;
      status.pagesPerMinute = Math.round(perMinute * 10) / 10;
      status.secondsLeft = Math.round(((status.pagesTotal - status.pagesDone) / perMinute) * 60);
    }
    this.publish(status);
  }

  private finish(running: Running, target: OcrTarget, text: DossierText, failure: string | null): void {
    this.stopRunning();
    const status = this.statusOf(running.id, target, text, failure === null ? 'done' : 'failed');
    this.publish({ ...status, secondsLeft: failure === null ? 0 : null, error: failure === null ? null : { code: 'INTERNAL', message: failure } });
    if (this.changedWhileRunning.delete(running.id)) void this.consider(running.id).catch(() => undefined);
    this.next();
  }

  /** The page being read hung or crashed the worker: it is recorded unreadable, and reading goes on. */
  private async giveUpPage(running: Running, target: OcrTarget, text: DossierText): Promise<void> {
    if (running.stopped) return;
    this.stopRunning('end');
    const stuck = firstUnread(target, text);
    if (stuck) await text.append([stuck]).catch(() => undefined);
    if (!this.closed && !this.paused.has(running.id) && !this.queue.includes(running.id)) this.queue.unshift(running.id);
    this.next();
  }

  /**
   * Stops the running worker: asked to finish its page and end (it may not be torn down in the
   * middle of a run), ended at once only when it hangs; ended anyway if it does not stop in time.
   */
  private stopRunning(how: 'ask' | 'end' = 'ask'): void {
    const running = this.running;
    if (!running) return;
    running.stopped = true;
    clearTimeout(running.watchdog);
    this.running = null;
    const end = () => void running.worker.terminate().catch(() => undefined);
    if (how === 'end') return end();
    running.worker.postMessage({ type: 'stop' } satisfies ParentMessage);
    const deadline = setTimeout(end, STOP_GRACE_MS);
    void running.exited.then(() => clearTimeout(deadline));
  }
}

/** The text layers already read of the dossier's typed pages. */
function* typedTexts(target: OcrTarget, text: DossierText): Generator<string> {
  for (const file of target.files) for (const record of text.pagesOf(file.path).values()) if (record.source === 'text') yield record.text;
}

/** Documents with pages still to read. */
function unread(target: OcrTarget, text: DossierText): string[] {
  return target.files.map((file) => file.path).filter((path) => readableFile(path) && !text.isComplete(path));
}

/** A locked document is tried again once an open password is known. */
function retryPasswords(target: OcrTarget, text: DossierText): boolean {
  return target.passwords.length > 0 && [...text.documents.values()].some((record) => record.unreadable === 'password');
}

function doneOf(target: OcrTarget, text: DossierText): ReadJob['done'] {
  const done: ReadJob['done'] = {};
  for (const file of target.files) {
    const record = text.documents.get(file.path);
    const complete = text.isComplete(file.path) && !(record?.unreadable === 'password' && target.passwords.length > 0);
    done[file.path] = { pages: [...text.pagesOf(file.path).keys()], complete };
  }
  return done;
}

/** What the worker was reading when it stopped answering: the first page (or document) not read. */
function firstUnread(target: OcrTarget, text: DossierText): TextRecord | null {
  for (const path of unread(target, text)) {
    const record = text.documents.get(path);
    if (!record) return { kind: 'document', document: path, pageCount: 0, unreadable: 'too-large' };
    const pages = text.pagesOf(path);
    for (let page = 1; page <= record.pageCount; page++) {
      if (!pages.has(page)) return { kind: 'page', document: path, page, source: 'none', text: '', stamp: null };
    }
  }
  return null;
}
