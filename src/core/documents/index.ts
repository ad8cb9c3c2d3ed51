/** Dossier documents as the viewer reads them: kind and size, and byte ranges as on disk. */
export { DocumentReader } from './document-reader';
export { documentSegments, resolveDocumentPath } from './document-path';
export { otherMimeType, sniffDocumentType, type DocumentType } from './document-type';
export { checkOpenable } from './open-external';
