import { MAX_PAGE_ROTATIONS } from '../../shared/viewer';
import { rotateBy, type Rotation } from './zoom';

/** How the lawyer turned pages of a dossier, by pageKey; pages standing as printed are absent. */
export type PageRotations = Readonly<Record<string, Exclude<Rotation, 0>>>;

/** One page of one document: `第一卷/03_讯问笔录.pdf#2`. */
export function pageKey(document: string, page: number): string {
  return `${document}#${page}`;
}

/**
 * Turns one page by a quarter. A page turned back upright leaves the map, so it stays small; past the
 * limit the oldest turned pages are forgotten (the map keeps insertion order).
 */
export function rotatePage(rotations: PageRotations, document: string, page: number, degrees: 90 | -90): PageRotations {
  const key = pageKey(document, page);
  const next: Record<string, Exclude<Rotation, 0>> = { ...rotations };
  const turned = rotateBy(next[key] ?? 0, degrees);
  delete next[key];
  if (turned !== 0) next[key] = turned;
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGE_ROTATIONS))) delete next[old];
  return next;
}
