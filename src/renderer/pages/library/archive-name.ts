/** What 导入卷宗 accepts: the portal's dossier archives (.zip) and 7-Zip archives (.7z). */
export const archiveAccept = '.zip,.7z';

export function isDossierArchiveName(name: string): boolean {
  return /\.(zip|7z)$/i.test(name.trim());
}

/** The first file of a drop, when the drop carries files at all (not text or a link). */
export function firstDroppedFile(files: ArrayLike<File> | null | undefined): File | null {
  return files && files.length > 0 ? (files[0] ?? null) : null;
}

/** A drag carries files (the page then shows its drop hint; text and links are left alone). */
export function dragHasFiles(types: readonly string[] | null | undefined): boolean {
  return Boolean(types?.includes('Files'));
}
