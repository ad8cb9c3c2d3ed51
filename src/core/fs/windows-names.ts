/** What Windows refuses in a file name, in one place: every name core saves is checked against it. */

/** Device names Windows reserves whatever the extension (CON, aux.txt, COM¹, CONIN$ …). */
const DEVICE_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Whether `name` (one path segment) is a device name on Windows: its part before the first dot is one. */
export function isWindowsDeviceName(name: string): boolean {
  const dot = name.indexOf('.');
  return DEVICE_STEM.test(dot < 0 ? name : name.slice(0, dot));
}

/** Characters no Windows file name may hold (besides control characters). */
export const WINDOWS_FORBIDDEN_CHARS = '\\/:*?"<>|';
