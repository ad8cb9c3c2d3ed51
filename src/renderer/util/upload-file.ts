import { MAX_UPLOAD_BYTES } from '../../shared/portal-wire';

/** What the binding form accepts, by extension and by the MIME type the browser reports. */
const accepted: Record<string, readonly string[]> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
};

/** For the file picker's `accept`: the same list, so the dialog offers only these. */
export const uploadAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export type UploadProblem = 'type' | 'empty' | 'tooLarge';

/**
 * Checks a picked file before anything is read or sent: PDF, JPG or PNG by extension, a MIME type
 * that agrees with it (an empty one is allowed: some systems report none), at most 10 MB. The
 * portal checks the bytes again.
 */
export function checkUploadFile(file: { name: string; type: string; size: number }): UploadProblem | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name.trim())?.[1]?.toLowerCase() ?? '';
  const types = accepted[extension];
  if (!types) return 'type';
  const mime = file.type.trim().toLowerCase();
  if (mime !== '' && !types.includes(mime)) return 'type';
  if (file.size <= 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

/** Bytes as base64, in slices: String.fromCharCode over megabytes at once overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const slice = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += slice) {
    binary += String.fromCharCode(...bytes.subarray(start, start + slice));
  }
  return btoa(binary);
}
