/**
 * The PDF reading thread's entry: counts pages, reads text and inspects files for core, within the
 * limits its parent gives (workerData: PdfLimits). Plain JS (pdf.js): it may be terminated at any
 * moment, which is how a file over the time or memory limit is stopped.
 */
import { workerData } from 'node:worker_threads';
import { countPdfFilePages, inspectPdfFile, readPdfFile, type PdfLimits } from '../pdf';
import type { CountInput, InspectInput, ReadInput } from './pdf-tasks';
import { serveTasks } from './serve-tasks';

const limits = workerData as PdfLimits;

serveTasks({
  count: ({ path, password }: CountInput) => countPdfFilePages(path, password, limits),
  read: ({ path, passwords, options }: ReadInput) => readPdfFile(path, passwords, options, limits),
  inspect: ({ path, password, text }: InspectInput) => inspectPdfFile(path, password, { text }, limits),
});
