/**
 * The OCR worker thread's entry: reads one dossier (workerData: a ReadJob) and posts its records
 * page by page. It runs at low priority so the lawyer's machine stays responsive; pausing is the
 * parent terminating it (a page half read is read again next time).
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readDossier, type ReadJob } from './dossier-reader';
import { createOcrEngine, type OcrEngine } from './ocr-engine';
import type { WorkerMessage } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('ocr-worker runs as a worker thread');

try {
  // On Linux this thread's nice value, inherited by the ONNX Runtime threads it starts.
  setPriority(19);
} catch {
  // Not allowed here: it runs at normal priority.
}

const { job, threads } = workerData as { job: ReadJob; threads: number };
let engine: Promise<OcrEngine> | undefined;
const post = (message: WorkerMessage) => port.postMessage(message);

readDossier(job, () => (engine ??= createOcrEngine({ threads })), (records) => post({ type: 'records', records }))
  .then(async () => {
    if (engine) await (await engine).close();
    post({ type: 'finished' });
  })
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
