/**
 * The OCR engine: PaddleOCR detection and recognition on ONNX Runtime (CPU), in whatever thread
 * creates it (the OCR worker: never core's event loop). One engine reads one page at a time.
 */
import { readFile } from 'node:fs/promises';
import type { InferenceSession as Session } from 'onnxruntime-node';
import { ocrModelFiles, type OcrModelFiles } from './ocr-models';
import type { GrayImage, OcrLine, OcrPageText } from './ocr-types';
import { pageTextOf } from './reading-order';
import { DEFAULT_DETECTION, detectLines, type DetectionOptions } from './text-detection';
import { recogniseLines, recogniserAlphabet } from './text-recognition';

export interface OcrEngineOptions {
  /** ONNX Runtime's threads per model run. Default: 2 (this app's target machines have 2–8 cores). */
  threads?: number;
  detection?: Partial<DetectionOptions>;
  models?: OcrModelFiles;
}

export interface OcrEngine {
  /** Lines in reading order, boxes in the image's pixels. */
  recognise(image: GrayImage): Promise<OcrPageText>;
  close(): Promise<void>;
}

/** Lines the recogniser is unsure of are dropped: they are noise (a seal, a photo's edge). */
const MIN_CONFIDENCE = 0.5;

export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  // Loaded here, not at import: the native module is needed only where OCR runs.
  const ort = await import('onnxruntime-node');
  const files = options.models ?? ocrModelFiles();
  const sessionOptions: Session.SessionOptions = {
    executionProviders: ['cpu'],
    intraOpNumThreads: options.threads ?? 2,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  };
  const [detector, recogniser, dictionary] = await Promise.all([
    ort.InferenceSession.create(files.detection, sessionOptions),
    ort.InferenceSession.create(files.recognition, sessionOptions),
    readFile(files.dictionary, 'utf8'),
  ]);
  const alphabet = recogniserAlphabet(dictionary);
  const detection = { ...DEFAULT_DETECTION, ...options.detection };
  return {
    async recognise(image) {
      const boxes = await detectLines(detector, ort.Tensor, image, detection);
      const read = await recogniseLines(recogniser, ort.Tensor, image, boxes, alphabet);
      const lines: OcrLine[] = [];
      for (const [i, box] of boxes.entries()) {
        const line = read[i];
        if (line && line.text !== '' && line.confidence >= MIN_CONFIDENCE) lines.push({ text: line.text, box, confidence: line.confidence });
      }
      return pageTextOf(lines);
    },
    async close() {
      await Promise.all([detector.release(), recogniser.release()]);
    },
  };
}
