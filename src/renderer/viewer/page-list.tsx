import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageBoundary } from './page-boundary';
import { FailedPageFrame, PageFrame } from './page-frame';
import { layoutPages, mostVisible, pageWindow, inRange, slotAt, type PageLayout, type PageSlot } from './page-layout';
import { pageKey } from './page-rotations';
import { shownPage, type ShownPage } from './page-scale';
import { useViewerStore } from './viewer-store';
import { clampScale, scaleFor, type Size, type Zoom } from './zoom';
import { focusAt, scrollForFocus, type ZoomFocus } from './zoom-focus';

/** A4 in points: the size a page is given until its document has been opened. */
const A4: Size = { width: 595, height: 842 };
/** Height of the label above each page, gap between pages, padding around them (CSS px). */
const LABEL = 26;
const GAP = 18;
const PADDING = 20;
/** Pages painted beyond those in view, and pages kept in the DOM (as blank sheets) beyond those. */
const PAINT_AROUND = 1;
const MOUNT_AROUND = 4;

/** The slot at the top of the view and how far into it. */
function anchorAt(layout: PageLayout, slots: readonly PageSlot[], top: number): Anchor | null {
  const index = slotAt(layout, top);
  const slot = slots[index];
  const slotTop = layout.tops[index];
  const slotHeight = layout.heights[index];
  return slot && slotTop !== undefined && slotHeight ? { document: slot.document, page: slot.page, fraction: Math.max(0, (top - slotTop) / slotHeight) } : null;
}

/**
 * The page at the top of the view and how far into it. Kept by the page itself, not by its place in
 * the list: a document before it that opens may have more or fewer pages than the library counted.
 */
interface Anchor {
  document: string;
  page: number;
  fraction: number;
}

/**
 * The main area: every page of the volume shown, one after another, in a scroll of the full
 * height; only the pages in view and their neighbours are in the DOM and painted.
 */
export function PageList({ watermark }: { watermark: string | null }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<Size>({ width: 800, height: 600 });
  const [scrollTop, setScrollTop] = useState(0);
  /** The slot at the top of the view and how far into it, to keep in place when sizes change. */
  const anchor = useRef<Anchor | null>(null);
  const handledTarget = useRef(0);
  /** Ctrl + wheel: the point under the cursor, held still through the zoom it asks for. */
  const wheelFocus = useRef<{ x: number; y: number } | null>(null);
  /** The layout and zoom last shown, to find the focus of a zoom in. */
  const shown = useRef<{ layout: PageLayout; width: number; zoom: Zoom } | null>(null);

  const volumes = useViewerStore((s) => s.volumes);
  const volume = useViewerStore((s) => s.volume);
  const pageCounts = useViewerStore((s) => s.pageCounts);
  const sizes = useViewerStore((s) => s.sizes);
  const failures = useViewerStore((s) => s.failures);
  const zoom = useViewerStore((s) => s.zoom);
  const pageRotations = useViewerStore((s) => s.pageRotations);
  const current = useViewerStore((s) => s.current);
  const target = useViewerStore((s) => s.target);
  const highlight = useViewerStore((s) => s.highlight);
  const slotsOf = useViewerStore((s) => s.slots);
  const setCurrent = useViewerStore((s) => s.setCurrent);
  const setScale = useViewerStore((s) => s.setScale);
  const setZoom = useViewerStore((s) => s.setZoom);
  const setDocumentsInUse = useViewerStore((s) => s.setDocumentsInUse);
  const ensureDocument = useViewerStore((s) => s.ensureDocument);
  const documentTitle = useViewerStore((s) => s.documentTitle);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- slots derive from these
  const slots = useMemo(() => slotsOf(), [slotsOf, volumes, volume, pageCounts]);

  const sizeOf = (document: string, page: number): Size => sizes[document]?.pages[page] ?? sizes[document]?.base ?? A4;
  const rotationOf = (document: string, page: number) => pageRotations[pageKey(document, page)] ?? 0;
  const fitArea = { width: area.width - PADDING * 2, height: area.height - PADDING - LABEL - GAP };
  // Each page fits by its own size, as it is turned: the layout never depends on which page is
  // current, which depends on the layout (a wide photo after A4 pages made the two chase each other, #185).
  const displayed = slots.map((slot) => shownPage(zoom, sizeOf(slot.document, slot.page), rotationOf(slot.document, slot.page), fitArea));
  // The toolbar shows the current page's scale; the store's copy never feeds the layout.
  const scale = current ? scaleFor(zoom, sizeOf(current.document, current.page), rotationOf(current.document, current.page), fitArea) : scaleFor(zoom, A4, 0, fitArea);
  useEffect(() => setScale(scale), [scale, setScale]);
  const heightsKey = displayed.map((size) => size.height).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the heights themselves
  const layout = useMemo(() => layoutPages(displayed.map((size) => size.height + LABEL), GAP, PADDING), [heightsKey]);
  const contentWidth = Math.max(area.width, ...displayed.map((size) => size.width + PADDING * 2));

  const paint = pageWindow(layout, scrollTop, area.height, PAINT_AROUND);
  const mount = pageWindow(layout, scrollTop, area.height, MOUNT_AROUND);

  // The area's size decides fit-width and fit-page.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setArea({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Documents with painted pages are opened (lazily) and kept open; the rest may close.
  const inUseKey = paint ? [...new Set(slots.slice(paint.first, paint.last + 1).map((slot) => slot.document))].join('\n') : '';
  useEffect(() => {
    const inUse = new Set(inUseKey ? inUseKey.split('\n') : []);
    setDocumentsInUse(inUse);
    for (const document of inUse) void ensureDocument(document);
  }, [inUseKey, ensureDocument, setDocumentsInUse]);

  // A goTo: scroll its page to the top, once its document's pages are known.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !target || handledTarget.current === target.seq) return;
    let index = slots.findIndex((slot) => slot.document === target.document && slot.page === target.page);
    if (index === -1) {
      const known = pageCounts[target.document] !== undefined || failures[target.document] !== undefined;
      if (!known) {
        void ensureDocument(target.document);
        return;
      }
      // The page is past the document's end: its last page.
      index = slots.findLastIndex((slot) => slot.document === target.document);
      if (index === -1) return;
    }
    handledTarget.current = target.seq;
    const slot = slots[index];
    anchor.current = slot ? { document: slot.document, page: slot.page, fraction: 0 } : null;
    element.scrollTop = Math.max(0, (layout.tops[index] ?? 0) - GAP / 2);
    setScrollTop(element.scrollTop);
  }, [target, slots, layout, pageCounts, failures, ensureDocument]);

  // Sizes changed (zoom, rotation, a document opened): keep the page at the top where it was; a zoom
  // keeps the point under the cursor (Ctrl + wheel) or the view's centre still instead.
  useLayoutEffect(() => {
    const element = scroller.current;
    const before = shown.current;
    shown.current = { layout, width: contentWidth, zoom };
    const cursor = wheelFocus.current;
    wheelFocus.current = null;
    if (element && before && before.zoom !== zoom && (!target || handledTarget.current === target.seq)) {
      const focus: ZoomFocus = focusAt(before.layout, before.width, { top: element.scrollTop, left: element.scrollLeft }, cursor ?? { x: area.width / 2, y: area.height / 2 });
      const next = scrollForFocus(focus, layout, contentWidth);
      element.scrollTop = next.top;
      element.scrollLeft = next.left;
      setScrollTop(element.scrollTop);
      anchor.current = anchorAt(layout, slots, element.scrollTop);
      return;
    }
    const kept = anchor.current;
    if (!element || !kept || (target && handledTarget.current !== target.seq)) return;
    const index = slots.findIndex((slot) => slot.document === kept.document && slot.page === kept.page);
    const top = layout.tops[index];
    const height = layout.heights[index];
    if (top === undefined || height === undefined) return;
    const wanted = Math.round(top + kept.fraction * height);
    if (Math.abs(element.scrollTop - wanted) > 1) {
      element.scrollTop = wanted;
      setScrollTop(element.scrollTop);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the layout changes
  }, [layout]);

  // The page most in view is the current page.
  useEffect(() => {
    const index = mostVisible(layout, scrollTop, area.height);
    const slot = slots[index];
    if (slot && (!target || handledTarget.current === target.seq)) setCurrent(slot);
  }, [layout, scrollTop, area.height, slots, target, setCurrent]);

  // Ctrl + wheel zooms about the cursor (the browser's own page zoom is kept from it).
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    function onWheel(event: WheelEvent) {
      if (!(event.ctrlKey || event.metaKey) || !element) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      wheelFocus.current = { x: event.clientX - box.left, y: event.clientY - box.top };
      setZoom(clampScale(scale * Math.exp(-event.deltaY / 500)));
    }
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scale, setZoom]);

  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    const top = element.scrollTop;
    anchor.current = anchorAt(layout, slots, top) ?? anchor.current;
    setScrollTop(top);
  }

  const mounted = mount ? slots.slice(mount.first, mount.last + 1).map((slot, i) => ({ slot, index: mount.first + i })) : [];

  return (
    <div
      ref={scroller}
      className="viewer-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('viewer.pages')}
      onScroll={onScroll}
    >
      <div className="viewer-content" style={{ height: layout.total, width: contentWidth }}>
        {mounted.map(({ slot, index }) => {
          const size = displayed[index] as ShownPage;
          const title = documentTitle(slot.document);
          const top = layout.tops[index] ?? 0;
          const key = `${slot.document}#${slot.page}`;
          return (
            <PageBoundary
              key={key}
              resetKey={key}
              fallback={(error) => <FailedPageFrame document={slot.document} page={slot.page} title={title} top={top} width={size.width} height={size.height} error={error} />}
            >
              <PageFrame
                document={slot.document}
                page={slot.page}
                title={title}
                top={top}
                width={size.width}
                height={size.height}
                scale={size.scale}
                rotation={rotationOf(slot.document, slot.page)}
                paint={inRange(paint, index)}
                watermark={watermark}
                highlight={highlight && highlight.document === slot.document && highlight.page === slot.page ? highlight : null}
              />
            </PageBoundary>
          );
        })}
      </div>
    </div>
  );
}
