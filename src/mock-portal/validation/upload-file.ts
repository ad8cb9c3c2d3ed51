/**
 * What an uploaded file really is, and a name safe to keep and show. The declared type and the
 * extension are the sender's claims; the first bytes decide.
 */
import type { UploadMimeType } from '../../shared/portal-wire';

const signatures: { mimeType: UploadMimeType; bytes: number[] }[] = [
  { mimeType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mimeType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mimeType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The supported type the bytes start with, or null. */
export function sniffMimeType(bytes: Uint8Array): UploadMimeType | null {
  for (const { mimeType, bytes: magic } of signatures) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return mimeType;
  }
  return null;
}

export const extensionsOf: Record<UploadMimeType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** Declared types that name each supported type (browsers and tools differ). */
const declaredAliases: Record<UploadMimeType, string[]> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/png': ['image/png', 'image/x-png'],
};
/** Declared types that claim nothing (busboy reports text/plain for a part without a type). */
const noClaim = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'text/plain']);

/** True when the part's declared Content-Type contradicts the detected type. */
export function declaredTypeContradicts(declared: string | undefined, actual: UploadMimeType): boolean {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return !noClaim.has(type) && !declaredAliases[actual].includes(type);
}

const MAX_NAME_CHARS = 120;
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** The extension of a name (lowercase, with the dot) when it looks like one: 1–5 ASCII letters/digits. */
export function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return match ? `.${match[1]!.toLowerCase()}` : null;
}

export type FileNameVerdict = { ok: true; fileName: string } | { ok: false; extension: string };

/**
 * A name safe on every desktop: the last path segment, NFC, no control or bidi characters, no
 * characters Windows forbids, trimmed, at most 120 characters, with the extension of its content.
 * A missing extension is added; an extension naming another type is refused.
 */
export function safeFileName(raw: string | undefined, actual: UploadMimeType, fallback: string): FileNameVerdict {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/[\s.]+$/g, '')
    .trimStart();
  const allowed = extensionsOf[actual];
  const extension = extensionOf(name);
  let stem = name;
  // The sender's spelling of a good extension is kept (.PNG stays .PNG).
  let suffix = allowed[0]!;
  if (extension !== null) {
    if (!allowed.includes(extension)) return { ok: false, extension };
    suffix = name.slice(-extension.length);
    stem = name.slice(0, -extension.length);
  }
  // No hidden files, no names ending in a dot or space (Windows drops them).
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem === '' || windowsReserved.test(stem)) stem = stem === '' ? fallback : `_${stem}`;
  const chars = [...stem];
  if (chars.length + suffix.length > MAX_NAME_CHARS) stem = chars.slice(0, MAX_NAME_CHARS - suffix.length).join('');
  return { ok: true, fileName: `${stem}${suffix}` };
}
