/**
 * The name 7-Zip for Windows gives a file on disk when the archive's name is not allowed there
 * (7-Zip 16.02, ExtractingFilePath.cpp): `< > : " | ? *` and control characters become `_`, trailing
 * dots and spaces become `_`, and a device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9) gets a `_` in
 * front. Used to find such a file after extraction; written from 7-Zip's source, not run on Windows here.
 */
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

function windowsSegment(segment: string): string {
  let name = [...segment].map((char) => ('<>:"|?*'.includes(char) || char.charCodeAt(0) < 0x20 ? '_' : char)).join('');
  name = name.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
  return DEVICE.test(name) ? `_${name}` : name;
}

export function windowsSevenZipName(path: string): string {
  return path.split('/').map(windowsSegment).join('/');
}
