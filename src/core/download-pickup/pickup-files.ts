/** Which files in a download folder the pickup looks at, and the limits it keeps to. */

/** A file must be seen with the same size and mtime on two scans this far apart before it is read. */
export const SETTLE_MS = 2_000;
/** The rescan behind fs.watch, which misses events on some platforms and network drives. */
export const POLL_MS = 5_000;
/** Dossiers run to a few GB of scans; beyond this a file is not one the app would import. */
export const MAX_ARCHIVE_BYTES = 4 * 1024 ** 3;
/**
 * Only archives modified in the last 14 days: browsers write a download as it arrives, so mtime is when
 * it was saved, and an older archive in Downloads is one the lawyer has already dealt with (or not a
 * dossier): offering the whole history of the folder on first start would bury the new one.
 */
export const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
/** Listing an untrusted archive: give up after this long. */
export const LIST_TIMEOUT_MS = 30_000;

/**
 * Names browsers give a download while it is in progress: Chrome, Edge and 360 `.crdownload`, Firefox
 * `.part`, Safari a `.download` bundle, others `.tmp` / `.partial`. Hidden files are never downloads.
 */
const IN_PROGRESS = /\.(crdownload|part|download|tmp|partial)$/i;
const ARCHIVE = /\.(zip|7z)$/i;

/** A settled name worth a stat: a zip or 7z that is not hidden and not a browser's in-progress file. */
export function isArchiveName(name: string): boolean {
  return !name.startsWith('.') && !IN_PROGRESS.test(name) && ARCHIVE.test(name);
}

/**
 * Firefox creates the final name as an empty placeholder while it writes `<name>.part` beside it:
 * such a file is still in progress.
 */
export function isFirefoxPlaceholder(name: string, namesInFolder: ReadonlySet<string>): boolean {
  return namesInFolder.has(`${name}.part`);
}
