/** Where the OCR worker's script is (see ../worker-script.ts): ocr-worker.mjs beside a bundle, or bundled from its source. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerScript } from '../worker-script';

export function ocrWorkerScript(): Promise<URL> {
  return workerScript('ocr-worker', join(dirname(fileURLToPath(import.meta.url)), 'ocr-worker.ts'));
}
