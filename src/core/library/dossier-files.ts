/**
 * Volumes, documents and pages of an extracted dossier, from its file list. (Not the 卷内目录 reader:
 * that is core/dossier-contents.)
 */
import type { DossierFile } from '../../shared/library';
import type { DossierCounts } from './dossier-record';

const PDF = /\.pdf$/i;
const IMAGE = /\.(jpe?g|png)$/i;

export function isPdf(path: string): boolean {
  return PDF.test(path);
}

export function isImage(path: string): boolean {
  return IMAGE.test(path);
}

/**
 * Each file with its volume: the top-level folder after stripping one folder that wraps everything
 * (archives often put the whole dossier in a folder named after the case). A wrapper is stripped only
 * when it holds folders itself: an archive of one flat folder is one volume named after that folder.
 */
export function describeFiles(files: { path: string; size: number }[]): DossierFile[] {
  const split = files.map((file) => file.path.split('/'));
  const first = split[0]?.[0];
  const wrapped =
    first !== undefined && split.every((parts) => parts.length >= 2 && parts[0] === first) && split.some((parts) => parts.length >= 3);
  return files.map((file, i) => {
    const parts = (split[i] as string[]).slice(wrapped ? 1 : 0);
    return { path: file.path, size: file.size, volume: parts.length >= 2 ? (parts[0] as string) : null, pages: null };
  });
}

/**
 * The dossier's counts. Volumes: distinct top-level folders (a dossier whose files all sit at the top
 * counts as one). Pages: counted PDF pages plus one per image, null until counted or when no PDF
 * could be opened.
 */
export function countContents(files: DossierFile[], pagesCounted: boolean): DossierCounts {
  const volumes = new Set(files.map((file) => file.volume).filter((volume) => volume !== null)).size;
  const pdfs = files.filter((file) => isPdf(file.path));
  const images = files.filter((file) => isImage(file.path)).length;
  const counted = pdfs.filter((file) => file.pages !== null);
  const pages = !pagesCounted || (pdfs.length > 0 && counted.length === 0) ? null : counted.reduce((sum, file) => sum + (file.pages ?? 0), 0) + images;
  return {
    volumes: volumes === 0 && files.length > 0 ? 1 : volumes,
    documents: pdfs.length + images,
    pages,
    extractedSize: files.reduce((sum, file) => sum + file.size, 0),
    pagesCounted,
  };
}
