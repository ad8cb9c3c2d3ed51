/** Dossier documents as the viewer reads them: kind and size, and byte ranges as on disk. */
export { DocumentReader } from './document-reader';
export { documentSegments, resolveDocumentPath } from './document-path';
export { sniffDocumentType, type DocumentType } from './document-type';
