/** PDF files read off core's event loop, in a worker thread with limits (memory, time, size, pages). */
export { createPdfReader, PDF_TIMEOUTS, sharedPdfReader, type PdfReader, type PdfReaderOptions, type PdfTimeouts } from './pdf-reader';
export { DEFAULT_WORKER_LIMITS, LimitedWorkerPool, type LimitedWorkerPoolOptions, type TaskOptions, type WorkerLimits } from './limited-worker-pool';
export { workerScript } from '../worker-script';
