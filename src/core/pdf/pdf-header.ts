/** The PDF file signature: `%PDF-` within the first 1024 bytes (as readers accept it). */
const SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];
export const PDF_HEADER_WINDOW = 1024;

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - SIGNATURE.length;
  for (let i = 0; i <= end; i++) {
    if (SIGNATURE.every((byte, k) => bytes[i + k] === byte)) return true;
  }
  return false;
}
