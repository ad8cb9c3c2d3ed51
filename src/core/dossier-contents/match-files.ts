/**
 * Which file of a volume folder each 目录 row is, for volumes handed out one document per file:
 * by title first (01_起诉意见书.pdf is row 起诉意见书), then, for files named only by a number
 * (001.pdf, 2.pdf), by order when there are as many of them as rows left.
 */
import { normalizeForSearch } from '../../shared/cjk-text';
import { documentTitle } from '../../shared/document-title';
const collator = new Intl.Collator('zh-CN', { numeric: true });


/** For each entry (same order), the path of its file, or null. */
export function matchFiles(titles: readonly string[], paths: readonly string[]): (string | null)[] {
  const matched: (string | null)[] = titles.map(() => null);
  const free = new Set(paths);
  const keys = new Map(paths.map((path) => [path, normalizeForSearch(documentTitle(path))]));
  titles.forEach((title, i) => {
    const wanted = normalizeForSearch(title);
    if (wanted === '') return;
    const exact = [...free].find((path) => keys.get(path) === wanted);
    // A name may shorten or lengthen the title (起诉意见书 / 起诉意见书（陈浩然）).
    const close = exact ?? [...free].find((path) => {
      const key = keys.get(path) ?? '';
      return key.length >= 2 && !/^\d+$/.test(key) && (key.includes(wanted) || wanted.includes(key));
    });
    if (close === undefined) return;
    matched[i] = close;
    free.delete(close);
  });
  const numbered = [...free].filter((path) => /^\d+$/.test(documentTitle(path))).sort(collator.compare);
  const open = matched.flatMap((path, i) => (path === null ? [i] : []));
  if (numbered.length > 0 && numbered.length === open.length) open.forEach((i, k) => (matched[i] = numbered[k] ?? null));
  return matched;
}
