/**
 * Painted thumbnails of the dossier open, least recently used first out past a limit, so paging
 * through a long volume keeps memory flat; thumbnails on screen are never let go. A canvas is
 * emptied (width 0) when it goes, releasing its pixels at once rather than at GC.
 */
import { Lru } from './lru';
import type { ViewerDocuments } from './viewer-documents';

export const THUMBNAIL_LIMIT = 200;

const caches = new WeakMap<ViewerDocuments, Lru<string, HTMLCanvasElement>>();
/** Thumbnails mounted now (by key): kept whatever their age. */
const shown = new Set<string>();

export const thumbnailKey = (document: string, page: number) => `${page}#${document}`;

function cacheOf(docs: ViewerDocuments): Lru<string, HTMLCanvasElement> {
  let cache = caches.get(docs);
  if (!cache) {
    cache = new Lru(THUMBNAIL_LIMIT, (_, canvas) => {
      canvas.width = 0;
      canvas.height = 0;
    });
    caches.set(docs, cache);
  }
  return cache;
}

export function cachedThumbnail(docs: ViewerDocuments, key: string): HTMLCanvasElement | undefined {
  return cacheOf(docs).get(key);
}

export function keepThumbnail(docs: ViewerDocuments, key: string, canvas: HTMLCanvasElement): void {
  cacheOf(docs).set(key, canvas, (other) => shown.has(other));
}

/** A thumbnail mounts (true) or unmounts (false). */
export function markShown(key: string, on: boolean): void {
  if (on) shown.add(key);
  else shown.delete(key);
}

/** Painting one at a time: scrolling fast past rows skips them rather than piling up renders. */
let queue: Promise<unknown> = Promise.resolve();
export function paintInTurn<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job);
  queue = run.catch(() => undefined);
  return run;
}
