/** What the OCR worker tells its parent. */
import type { TextRecord } from '../dossier-text/text-records';

export type WorkerMessage = { type: 'records'; records: TextRecord[] } | { type: 'finished' } | { type: 'failed'; message: string };
