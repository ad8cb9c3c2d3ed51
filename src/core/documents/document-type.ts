/** What a document file is, decided by its first bytes (names can lie). */
import type { DocumentKind } from '../../shared/viewer';
import { hasPdfHeader, PDF_HEADER_WINDOW } from '../pdf/pdf-header';

export interface DocumentType {
  kind: DocumentKind;
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
}

/** How many leading bytes sniffDocumentType needs. */
export const SNIFF_BYTES = PDF_HEADER_WINDOW;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** A PDF, JPEG or PNG by its signature; null for anything else. */
export function sniffDocumentType(header: Uint8Array): DocumentType | null {
  if (startsWith(header, [0xff, 0xd8, 0xff])) return { kind: 'image', mimeType: 'image/jpeg' };
  if (startsWith(header, PNG_SIGNATURE)) return { kind: 'image', mimeType: 'image/png' };
  if (hasPdfHeader(header)) return { kind: 'pdf', mimeType: 'application/pdf' };
  return null;
}
