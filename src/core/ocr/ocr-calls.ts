/** 文字识别's progress, paused and resumed per dossier: the contract's ocr calls. */
import type { CallsUnder } from '../calls/call-group';
import type { OcrService } from './ocr-service';

export function ocrCalls(ocr: OcrService): CallsUnder<'ocr'> {
  return {
    'ocr.status': async ({ dossierId }) => ocr.status(dossierId),
    'ocr.pause': async ({ dossierId }) => ocr.pause(dossierId),
    'ocr.resume': async ({ dossierId }) => ocr.resume(dossierId),
  };
}
