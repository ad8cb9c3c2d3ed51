/**
 * The OCR worker thread's entry: reads one dossier (workerData: a ReadJob) and posts its records
 * page by page. It runs at low priority so the lawyer's machine stays responsive. Asked to stop, it
 * finishes the page it is reading and ends by itself: ONNX Runtime aborts the whole process if its
 * thread is torn down in the middle of a run.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readDossier, type ReadJob } from './dossier-reader';
import { createOcrEngine, type OcrEngine } from './ocr-engine';
import type { ParentMessage, WorkerMessage } from './worker-protocol';

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
let stopping = false;
const post = (message: WorkerMessage) => port.postMessage(message);
port.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') stopping = true;
});

readDossier(job, () => (engine ??= createOcrEngine({ threads })), (records) => post({ type: 'records', records }), () => stopping)
  .then(async () => {
    if (engine) await (await engine).close();
    post({ type: 'finished' });
  })
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
  // Nothing keeps the thread once the port is closed: it ends.
  .finally(() => port.close());
