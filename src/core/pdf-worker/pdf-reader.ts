/**
 * Core's one way to read a PDF file (pages, text, inspection): in a worker thread with limits on
 * memory, time, size and pages, so one hostile document cannot freeze or exhaust the app. A document
 * over a limit fails with LIMIT_EXCEEDED naming it and the limit.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_LIMITS, type PdfFileReading, type PdfInspection, type PdfLimits, type ReadPdfFileOptions } from '../pdf';
import { LimitedWorkerPool, type WorkerLimits } from './limited-worker-pool';
import type { CountInput, InspectInput, ReadInput } from './pdf-tasks';
import { workerScript } from '../worker-script';

export interface PdfReader {
  /** Pages of a PDF file (read by ranges), checked: never a count below 1 or over the page limit. */
  countPages(path: string, password?: string): Promise<number>;
  /** Each page's text and corner stamp, trying the passwords as openPdf does. */
  readPages(path: string, passwords: readonly string[], options?: ReadPdfFileOptions): Promise<PdfFileReading>;
  /** What `dossier inspect` prints. */
  inspect(path: string, password: string | undefined, options?: { text?: boolean }): Promise<PdfInspection>;
  close(): Promise<void>;
}

export interface PdfTimeouts {
  /** Counting one document's pages. */
  countMs: number;
  /** Reading one document's text (or inspecting it). */
  readMs: number;
}

export const PDF_TIMEOUTS: Readonly<PdfTimeouts> = { countMs: 30_000, readMs: 180_000 };

export interface PdfReaderOptions {
  /** Reading threads at most. Default 1 (documents are read one at a time anyway). */
  workers?: number;
  limits?: Partial<PdfLimits>;
  worker?: Partial<WorkerLimits>;
  timeouts?: Partial<PdfTimeouts>;
}

function pdfWorkerScript(): Promise<URL> {
  return workerScript('pdf-worker', join(dirname(fileURLToPath(import.meta.url)), 'pdf-worker.ts'));
}

export function createPdfReader(options: PdfReaderOptions = {}): PdfReader {
  const limits: PdfLimits = { ...PDF_LIMITS, ...options.limits };
  const timeouts: PdfTimeouts = { ...PDF_TIMEOUTS, ...options.timeouts };
  const pool = new LimitedWorkerPool({ script: pdfWorkerScript, workerData: limits, size: options.workers ?? 1, ...(options.worker ? { limits: options.worker } : {}) });
  return {
    countPages: (path, password) => pool.run<number>('count', { path, password } satisfies CountInput, { timeoutMs: timeouts.countMs }),
    readPages: (path, passwords, readOptions = {}) =>
      pool.run<PdfFileReading>('read', { path, passwords, options: readOptions } satisfies ReadInput, { timeoutMs: timeouts.readMs }),
    inspect: (path, password, inspectOptions = {}) =>
      pool.run<PdfInspection>('inspect', { path, password, text: inspectOptions.text === true } satisfies InspectInput, { timeoutMs: timeouts.readMs }),
    close: () => pool.close(),
  };
}

let shared: PdfReader | undefined;

/** The process's reader with the default limits, made on first use (its idle thread keeps no process alive). */
export function sharedPdfReader(): PdfReader {
  shared ??= createPdfReader();
  return shared;
}
