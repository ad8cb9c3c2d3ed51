/**
 * Whether a file name (an archive as the browser saved it) or a dossier's name is about a case an
 * SMS named. Names are compared as people type them (full-width forms, spaces and case do not
 * matter), and real files and SMS differ at the edges: the browser adds " (1)" to a second copy,
 * and the manual's own SMS reads 【陈颖康危险驾驶案称】 for the archive 陈颖康危险驾驶案.zip.
 */

/** The shortest name worth matching on: one or two characters would match nearly anything. */
const MIN_NAME_LENGTH = 3;

export function comparableName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** A file name without its archive extension(s) and the copy number a browser adds. */
export function archiveStem(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base
    .replace(/\.(zip|7z|rar)$/i, '')
    .replace(/\s*[(（]\d{1,3}[)）]$/, '')
    .replace(/[-_ ]\d{1,3}$/, '');
}

/** How many characters an SMS may carry beyond the case's name (the manual's 案称 carries one). */
const MAX_TRAILING_TYPO = 2;

/** True when `name` carries the SMS's `caseName`, or the SMS's name is it plus a stray character or two. */
export function namesSameCase(name: string, caseName: string): boolean {
  const file = comparableName(archiveStem(name));
  const sms = comparableName(caseName);
  if (file.length < MIN_NAME_LENGTH || sms.length < MIN_NAME_LENGTH) return false;
  return file.includes(sms) || (sms.startsWith(file) && sms.length - file.length <= MAX_TRAILING_TYPO);
}
