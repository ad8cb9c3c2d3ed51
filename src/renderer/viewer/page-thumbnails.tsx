import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewerPane, useViewerStore } from './viewer-store';

/** Thumbnail width in CSS px. */
const THUMB_WIDTH = 84;

function Thumbnail({ document: path, page, active }: { document: string; page: number; active: boolean }) {
  const { t } = useTranslation();
  const goTo = useViewerStore((s) => s.goTo);
  const holder = useRef<HTMLButtonElement>(null);
  const [visible, setVisible] = useState(false);
  const [painted, setPainted] = useState(false);
  const pane = useViewerPane();

  // Painted only once scrolled into the panel.
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((entry) => entry.isIntersecting)), { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || painted) return;
    const docs = pane.getState().documents();
    if (!docs) return;
    let cancelled = false;
    void (async () => {
      try {
        const opened = await docs.open(path);
        if (cancelled || opened.kind !== 'pdf') return;
        const pdfPage = await opened.pdf.getPage(page);
        const natural = pdfPage.getViewport({ scale: 1 });
        const viewport = pdfPage.getViewport({ scale: THUMB_WIDTH / natural.width });
        const ratio = window.devicePixelRatio || 1;
        const canvas = window.document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        await pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
        pdfPage.cleanup();
        if (cancelled || !holder.current) return;
        holder.current.querySelector('.viewer-thumb-sheet')?.replaceChildren(canvas);
        setPainted(true);
      } catch {
        // A thumbnail that cannot be drawn stays a blank sheet; the page itself says why.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [visible, painted, path, page, pane]);

  return (
    <button
      ref={holder}
      type="button"
      className={active ? 'viewer-thumb active' : 'viewer-thumb'}
      aria-current={active ? 'page' : undefined}
      aria-label={t('viewer.pageNumber', { page })}
      onClick={() => goTo(path, page)}
    >
      <span className="viewer-thumb-sheet" style={{ width: THUMB_WIDTH, minHeight: Math.round(THUMB_WIDTH * 1.41) }} />
      <span className="viewer-thumb-number">{page}</span>
    </button>
  );
}

/** The pages of the open document as small pictures (drawn lazily as they scroll into view). */
export function PageThumbnails({ document: path }: { document: string }) {
  const pages = useViewerStore((s) => s.pageCounts[path]);
  const current = useViewerStore((s) => s.current);
  const image = useViewerStore((s) => s.volumes.some((volume) => volume.documents.some((entry) => entry.path === path && entry.kind === 'image')));
  if (!pages || image) return null;
  return (
    <div className="viewer-thumbs">
      {Array.from({ length: pages }, (_, i) => (
        <Thumbnail key={i + 1} document={path} page={i + 1} active={current?.document === path && current.page === i + 1} />
      ))}
    </div>
  );
}
