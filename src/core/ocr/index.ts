/** 文字识别: PaddleOCR on ONNX Runtime, run in a worker over a dossier's scanned pages. */
export { OcrService, type OcrServiceOptions, type OcrTarget } from './ocr-service';
export { createOcrEngine, type OcrEngine, type OcrEngineOptions } from './ocr-engine';
export { MAX_DOCUMENT_BYTES, readDossier, readableFile, type ReadJob } from './dossier-reader';
export { decodeImagePage, ImageFileError, imageFormatOf, imagePageCount } from './image-files';
export { knownNames } from './known-names';
export type { GrayImage, OcrLine, OcrPageText, Box } from './ocr-types';
