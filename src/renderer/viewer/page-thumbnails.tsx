import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { cachedThumbnail, keepThumbnail, markShown, paintInTurn, thumbnailKey } from './thumbnail-cache';
import { layoutRows, rowOf, scrollToShow, thumbnailRows, visibleRows, type ThumbRow } from './thumbnail-rows';
import { PageBoundary } from './page-boundary';
import { titleWhenCut } from './title-when-cut';
import { useViewerStore, viewerDocuments } from './viewer-store';
import type { ViewerDocuments } from './viewer-documents';

/** The box a thumbnail is fitted in (CSS px): small, to keep 200 of them cheap. */
const BOX = { width: 96, height: 136 };
const HEIGHTS = { title: 30, page: BOX.height + 36 };
const PADDING = 6;
/** Rows mounted beyond those in view. */
const AROUND = 3;

/** Draws one page into a new canvas fitted in BOX. */
async function paint(docs: ViewerDocuments, document: string, page: number, cancelled: () => boolean): Promise<HTMLCanvasElement | null> {
  const opened = await docs.open(document);
  if (cancelled()) return null;
  const ratio = window.devicePixelRatio || 1;
  const canvas = window.document.createElement('canvas');
  if (opened.kind === 'other') return null;
  if (opened.kind === 'tiff') {
    // The TIFF's worker scales the page to the thumbnail's pixels.
    const size = opened.pageSizes[page] ?? opened.size;
    const scale = Math.min(BOX.width / size.width, BOX.height / size.height);
    const width = Math.max(1, Math.floor(size.width * scale));
    const height = Math.max(1, Math.floor(size.height * scale));
    const bitmap = await opened.tiff.render(page, width * ratio, height * ratio);
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return canvas;
  }
  if (opened.kind === 'image') {
    const image = new Image();
    image.src = opened.url;
    await image.decode();
    const scale = Math.min(BOX.width / image.naturalWidth, BOX.height / image.naturalHeight);
    const width = Math.max(1, Math.floor(image.naturalWidth * scale));
    const height = Math.max(1, Math.floor(image.naturalHeight * scale));
    canvas.width = Math.floor(width * ratio);
    canvas.height = Math.floor(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  }
  const pdfPage = await opened.pdf.getPage(page);
  try {
    if (cancelled()) return null;
    const natural = pdfPage.getViewport({ scale: 1 });
    const viewport = pdfPage.getViewport({ scale: Math.min(BOX.width / natural.width, BOX.height / natural.height) });
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    await pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
    return canvas;
  } finally {
    pdfPage.cleanup();
  }
}

function Thumbnail({ document: path, page, top, active }: { document: string; page: number; top: number; active: boolean }) {
  const { t } = useTranslation();
  const goTo = useViewerStore((s) => s.goTo);
  const failure = useViewerStore((s) => s.failures[path]);
  const sheet = useRef<HTMLSpanElement>(null);
  const [painted, setPainted] = useState(false);

  useEffect(() => {
    const docs = viewerDocuments();
    const holder = sheet.current;
    if (!docs || !holder || failure) return;
    const key = thumbnailKey(path, page);
    markShown(key, true);
    let cancelled = false;
    const cached = cachedThumbnail(docs, key);
    if (cached) {
      holder.replaceChildren(cached);
      setPainted(true);
    } else {
      void paintInTurn(async () => {
        if (cancelled) return;
        // Opening through the store records the document's pages, so its rows appear.
        await useViewerStore.getState().ensureDocument(path);
        const canvas = await paint(docs, path, page, () => cancelled);
        if (!canvas) return;
        keepThumbnail(docs, key, canvas);
        if (cancelled) return;
        holder.replaceChildren(canvas);
        setPainted(true);
      }).catch(() => {
        // A thumbnail that cannot be drawn stays a blank sheet; the page itself says why.
      });
    }
    return () => {
      cancelled = true;
      markShown(key, false);
      // The canvas stays in the cache for the next time this row mounts.
      holder.replaceChildren();
    };
  }, [path, page, failure]);

  return (
    <button
      type="button"
      className={active ? 'viewer-thumb active' : 'viewer-thumb'}
      style={{ top, height: HEIGHTS.page }}
      aria-current={active ? 'page' : undefined}
      aria-label={t('viewer.pageLabel', { title: useViewerStore.getState().documentTitle(path), page })}
      data-testid="thumbnail"
      data-document={path}
      data-page={page}
      data-painted={painted ? 'true' : 'false'}
      onClick={() => goTo(path, page)}
    >
      <span className="viewer-thumb-box" style={BOX}>
        <span ref={sheet} className="viewer-thumb-sheet" />
        {failure ? (
          <span className="viewer-thumb-status">{failure === 'password' ? <LockOutlined aria-hidden="true" /> : <WarningOutlined aria-hidden="true" />}</span>
        ) : null}
      </span>
      <span className="viewer-thumb-number">{page}</span>
    </button>
  );
}

function TitleRow({ title, top }: { title: string; top: number }) {
  return (
    <div className="viewer-thumbs-title" style={{ top, height: HEIGHTS.title }} onMouseEnter={titleWhenCut}>
      {title}
    </div>
  );
}

/**
 * Thumbnails of every page of the volume shown, document after document, in a virtualised strip:
 * only the rows in view are mounted and painted; the current page is marked and kept in view.
 */
export function PageThumbnails() {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const pageCounts = useViewerStore((s) => s.pageCounts);
  const current = useViewerStore((s) => s.current);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  /** The current page last brought into view (key), so the lawyer's own scrolling is left alone. */
  const kept = useRef<string | null>(null);

  const rows = useMemo<ThumbRow[]>(
    () => thumbnailRows((volumes[volume]?.documents ?? []).map((entry) => ({ path: entry.path, pages: pageCounts[entry.path] ?? entry.pages }))),
    [volumes, volume, pageCounts],
  );
  const layout = useMemo(() => layoutRows(rows, HEIGHTS, PADDING), [rows]);
  const range = visibleRows(layout, scrollTop, height, AROUND);

  // The strip fills the tab's scrolling area, whose height antd's tabs leave to their content.
  useEffect(() => {
    const element = scroller.current;
    const area = element?.closest<HTMLElement>('.ant-tabs-body-holder, .ant-tabs-content-holder');
    if (!element || !area) return;
    const measure = () => setHeight(area.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  // The current page in view: when it changes, and when the strip first gets its height.
  const currentKey = current ? thumbnailKey(current.document, current.page) : null;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !current || height === 0 || kept.current === currentKey) return;
    const index = rowOf(rows, current.document, current.page);
    if (index === -1) return;
    kept.current = currentKey;
    const next = scrollToShow(layout, index, element.scrollTop, height);
    if (next !== null) {
      element.scrollTop = next;
      setScrollTop(element.scrollTop);
    }
  }, [currentKey, current, rows, layout, height]);

  if (rows.length === 0) return null;
  const mounted = range ? rows.slice(range.first, range.last + 1).map((row, i) => ({ row, index: range.first + i })) : [];

  return (
    <div
      ref={scroller}
      className="viewer-thumbs-scroll"
      style={{ height }}
      role="navigation"
      aria-label={t('readingProgress.thumbnails')}
      data-testid="thumbnails"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="viewer-thumbs-content" style={{ height: layout.total }}>
        {mounted.map(({ row, index }) =>
          row.kind === 'title' ? (
            <TitleRow key={`title:${row.document}`} title={documentTitle(row.document)} top={layout.tops[index] ?? 0} />
          ) : (
            // One thumbnail that fails to render leaves a blank sheet, not a blank viewer.
            <PageBoundary
              key={thumbnailKey(row.document, row.page)}
              resetKey={thumbnailKey(row.document, row.page)}
              fallback={() => <span className="viewer-thumb viewer-thumb-failed" style={{ top: layout.tops[index] ?? 0 }} aria-hidden="true" />}
            >
              <Thumbnail
                document={row.document}
                page={row.page}
                top={layout.tops[index] ?? 0}
                active={current?.document === row.document && current.page === row.page}
              />
            </PageBoundary>
          ),
        )}
      </div>
    </div>
  );
}
