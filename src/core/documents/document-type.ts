/** What a document file is, decided by its first bytes (names can lie); its name only labels the rest. */
import type { DocumentKind } from '../../shared/viewer';
import { hasPdfHeader, PDF_HEADER_WINDOW } from '../pdf/pdf-header';

export interface DocumentType {
  kind: DocumentKind;
  /** application/pdf, image/jpeg, image/png, image/tiff; for other files a type by the name's extension. */
  mimeType: string;
}

/** How many leading bytes sniffDocumentType needs. */
export const SNIFF_BYTES = PDF_HEADER_WINDOW;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Classic TIFF, little-endian (II*\0) and big-endian (MM\0*). BigTIFF (43) is not read. */
const TIFF_LITTLE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BIG = [0x4d, 0x4d, 0x00, 0x2a];

/** Types of files the viewer does not show itself, by extension (for the page that says what they are). */
const OTHER_TYPES: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  wps: 'application/vnd.ms-works',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ofd: 'application/ofd',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  amr: 'audio/amr',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  wmv: 'video/x-ms-wmv',
  mkv: 'video/x-matroska',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
};

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** The type a file's name suggests, for files the viewer does not open. */
export function otherMimeType(path: string): string {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return (extension && OTHER_TYPES[extension]) || 'application/octet-stream';
}

/** A PDF, JPEG, PNG or TIFF by its signature; null for anything else. */
export function sniffDocumentType(header: Uint8Array): DocumentType | null {
  if (startsWith(header, [0xff, 0xd8, 0xff])) return { kind: 'image', mimeType: 'image/jpeg' };
  if (startsWith(header, PNG_SIGNATURE)) return { kind: 'image', mimeType: 'image/png' };
  if (startsWith(header, TIFF_LITTLE) || startsWith(header, TIFF_BIG)) return { kind: 'tiff', mimeType: 'image/tiff' };
  if (hasPdfHeader(header)) return { kind: 'pdf', mimeType: 'application/pdf' };
  return null;
}
