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
import type { WorkerMessage } from './worker-protocol';
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
  pagesAtStart: number;
  watchdog: NodeJS.Timeout | undefined;
  stopped: boolean;
}

export class OcrService {
  private readonly queue: string[] = [];
  private readonly statuses = new Map<string, OcrStatus>();
  private paused = new Set<string>();
  private running: Running | null = null;
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
    if (this.running?.id === id) return;
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
    if (this.running) {
      const worker = this.running.worker;
      this.stopRunning();
      await worker.terminate().catch(() => undefined);
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

  private next(): void {
    if (this.running || this.closed) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    void this.run(id).catch((error: unknown) => {
      const status = this.statuses.get(id);
      if (status) this.publish({ ...status, state: 'failed', error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
      this.running = null;
      this.next();
    });
  }

  private async run(id: string): Promise<void> {
    const target = await this.options.target(id);
    if (!target) return this.next();
    const text = await this.options.texts.textOf({ id, folder: target.folder, files: target.files });
    const job: ReadJob = { folder: target.documentsFolder, files: target.files.map((file) => file.path), passwords: target.passwords, done: doneOf(target, text) };
    const script = await ocrWorkerScript();
    if (this.closed || this.paused.has(id)) return;
    const worker = new Worker(script, {
      workerData: { job, threads: this.options.threads ?? 2 },
      // The JS heap only (ONNX Runtime's memory is native): a runaway document stops here.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: false,
      stderr: false,
    });
    const running: Running = { id, worker, startedAt: Date.now(), pagesAtStart: text.counts().pages, watchdog: undefined, stopped: false };
    this.running = running;
    this.publish({ ...this.statusOf(id, target, text, 'running') });
    const armWatchdog = () => {
      clearTimeout(running.watchdog);
      running.watchdog = setTimeout(() => void this.giveUpPage(running, target, text), this.options.pageTimeoutMs ?? 180_000);
    };
    armWatchdog();
    worker.on('message', (message: WorkerMessage) => {
      if (running.stopped) return;
      if (message.type === 'records') {
        armWatchdog();
        void text.append(message.records).catch(() => undefined);
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
    const read = status.pagesDone - running.pagesAtStart;
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
    this.next();
  }

  /** The page being read hung or crashed the worker: it is recorded unreadable, and reading goes on. */
  private async giveUpPage(running: Running, target: OcrTarget, text: DossierText): Promise<void> {
    if (running.stopped) return;
    this.stopRunning();
    const stuck = firstUnread(target, text);
    if (stuck) await text.append([stuck]).catch(() => undefined);
    if (!this.closed && !this.paused.has(running.id) && !this.queue.includes(running.id)) this.queue.unshift(running.id);
    this.next();
  }

  private stopRunning(): void {
    const running = this.running;
    if (!running) return;
    running.stopped = true;
    clearTimeout(running.watchdog);
    void running.worker.terminate().catch(() => undefined);
    this.running = null;
  }
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
