/**
 * How a note cites its place in the dossier, as lawyers write it in a 阅卷笔录: 《第一卷·讯问笔录》第3页.
 */

/**
 * A leading ordinal such as `01_`, `01-`, `01 `, `01.` or `01、` that only orders files in a volume
 * (the viewer strips the same; `2024.12报告` keeps its date).
 */
const ORDINAL_PREFIX = /^\d{1,4}\s*[_\-、．.\s]\s*(?=\D)/u;

/** The last segment of a '/'-separated path, without its extension. */
function stemOf(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The document's title: its file name without the extension and without a leading ordinal. */
export function documentTitle(path: string): string {
  const stem = stemOf(path);
  const title = stem.replace(ORDINAL_PREFIX, '').trim();
  return title === '' ? stem : title;
}

/** The volume a path sits in when the dossier no longer lists it: its top-level folder, if any. */
export function volumeOfPath(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 1 && parts[0] !== '' ? (parts[0] as string) : null;
}

/** 《第一卷·讯问笔录》第3页; without a volume: 《讯问笔录》第3页. */
export function citation(volume: string | null, path: string, page: number): string {
  const title = documentTitle(path);
  return `《${volume ? `${volume}·${title}` : title}》第${page}页`;
}
