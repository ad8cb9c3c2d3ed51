import { useEffect, useState } from 'react';
import { on } from '../transport';
import { createDwellTimer, useReadingProgress } from './reading-progress-store';
import { useViewerStore } from './viewer-store';

/**
 * Follows the viewer's current page and tells the progress store which pages were read: a page
 * counts once it stayed current for a moment in a document that opened (not behind its password).
 */
export function useReadingProgressTracking(): void {
  const dossierId = useViewerStore((s) => s.dossierId);
  const document = useViewerStore((s) => s.current?.document ?? null);
  const page = useViewerStore((s) => s.current?.page ?? null);
  const readable = useViewerStore((s) => (document ? s.pageCounts[document] !== undefined && !s.failures[document] : false));
  const [timer] = useState(createDwellTimer);

  useEffect(() => {
    if (!dossierId) return;
    void useReadingProgress.getState().load(dossierId);
    // Pages counted by the library (once the open password is known) make the % right.
    const off = on('library.changed', ({ id }) => {
      if (id === dossierId) void useReadingProgress.getState().load(dossierId);
    });
    return () => {
      off();
      timer.stop();
      useReadingProgress.getState().close(dossierId);
    };
  }, [dossierId, timer]);

  useEffect(() => {
    timer.current(dossierId && document && page && readable ? { document, page } : null);
  }, [dossierId, document, page, readable, timer]);
}
