/** What the OCR worker and its parent tell each other. */
import type { TextRecord } from '../dossier-text/text-records';

/** Worker to parent: records as pages are read; `finished` once it has read all or stopped when asked. */
export type WorkerMessage = { type: 'records'; records: TextRecord[] } | { type: 'finished' } | { type: 'failed'; message: string };

/** Parent to worker: finish the page being read, then stop (a pause, the app closing). */
export type ParentMessage = { type: 'stop' };
