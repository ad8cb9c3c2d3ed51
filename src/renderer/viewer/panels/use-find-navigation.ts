import { useMemo } from 'react';
import type { TreeVolume } from '../dossier-tree';
import { useViewerStore } from '../viewer-store';
import { filterRuns, occurrenceOnPage, stepFrom } from './hit-list';
import { useFindStore } from './find-store';

/** A document's volume, as the index of the tree's volume that holds it (-1: none). */
export function volumeIndexer(volumes: readonly TreeVolume[]): (document: string) => number {
  const index = new Map<string, number>();
  volumes.forEach((volume, i) => volume.documents.forEach((entry) => index.set(entry.path, i)));
  return (document) => index.get(document) ?? -1;
}

export interface FindNavigation {
  /** Goes to hit `index`: its page, that occurrence marked (the page's other hits faintly). */
  show(index: number): void;
  /** The next (1) or previous (-1) hit the filter keeps, wrapping around. */
  step(direction: 1 | -1): void;
  volumeOf(document: string): number;
}

/** Walking the hits of 搜索, for the panel and for F3 anywhere in the viewer. */
export function useFindNavigation(): FindNavigation {
  const goTo = useViewerStore((s) => s.goTo);
  const volumes = useViewerStore((s) => s.volumes);
  const dossierId = useViewerStore((s) => s.dossierId);
  return useMemo(() => {
    const volumeOf = volumeIndexer(volumes);
    function show(index: number) {
      const find = useFindStore.getState();
      const hit = find.list.hits[index];
      // Hits of a dossier no longer shown (the panel was closed when another opened) lead nowhere.
      if (!hit || find.searched === null || find.dossierId !== dossierId) return;
      find.setActive(index);
      goTo(hit.document, hit.page, { highlight: find.searched, occurrence: occurrenceOnPage(find.list.hits, index) });
    }
    function step(direction: 1 | -1) {
      const find = useFindStore.getState();
      const next = stepFrom(filterRuns(find.list.runs, find.filter, volumeOf), find.active, direction);
      if (next !== -1) show(next);
    }
    return { show, step, volumeOf };
  }, [goTo, volumes, dossierId]);
}
