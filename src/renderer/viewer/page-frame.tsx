import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Button, Spin } from 'antd';
import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { TextLayer, type PDFPageProxy, type RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../shared/viewer';
import { applyHighlight, registerTextLayer } from './apply-highlight';
import { hitMarks, hitsOnPage } from './hit-boxes';
import { MarkLayer, pickMarkAt } from './mark-layer';
import { OcrTextLayer } from './ocr-text-layer';
import { OtherDocument } from './other-document';
import { usePageText } from './page-texts';
import { useFindStore } from './panels/find-store';
import { TiffFailed } from './tiff-document';
import { usePageNumbers } from './page-numbers-store';
import { titleWhenCut } from './title-when-cut';
import { useViewerPane, useViewerStore } from './viewer-store';
import { CSS_PER_POINT, type Rotation } from './zoom';

/** Largest canvas painted for one page (pixels): beyond it a page renders softer, not larger. */
const MAX_CANVAS_PIXELS = 16_000_000;

export interface PageFrameProps {
  document: string;
  page: number;
  title: string;
  /** Position in the scrolled content and the page's displayed size (CSS px). */
  top: number;
  width: number;
  height: number;
  scale: number;
  rotation: Rotation;
  /** Near enough to paint; otherwise a blank sheet of the right size. */
  paint: boolean;
  /** The watermark as a CSS image, or null when switched off. */
  watermark: string | null;
  /** Mark the occurrences of highlight.query on the page (the store's object: scrolled to once). */
  highlight: { query: string; occurrence: number } | null;
}

type Status = 'idle' | 'loading' | 'rendered' | 'failed';

/** The highlight last scrolled into view: a page painted again later does not pull the view back. */
let scrolledTo: object | null = null;

/** Puts a canvas in place of the one shown, releasing the old one's pixels at once (not at GC). */
function swapCanvas(holder: HTMLElement, canvas: HTMLCanvasElement | null): void {
  holder.querySelectorAll('canvas').forEach((old) => {
    if (old === canvas) return;
    old.width = 0;
    old.height = 0;
  });
  holder.replaceChildren(...(canvas ? [canvas] : []));
}

/**
 * One page of the continuous view: a label (document and page), then the sheet — canvas, text
 * layer for selection and find marks, watermark. It paints only while near the viewport, and lets
 * the canvas and pdf.js's page resources go when it scrolls away.
 */
export function PageFrame(props: PageFrameProps) {
  const { document: path, page, title, top, width, height, scale, rotation, paint, watermark, highlight } = props;
  const { t } = useTranslation();
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textHolder = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>('idle');
  const [image, setImage] = useState<string | null>(null);
  const [other, setOther] = useState<DocumentInfo | null>(null);
  /** Why this page (not its document) could not be shown, when known. */
  const [pageError, setPageError] = useState<string | null>(null);
  const imageElement = useRef<HTMLImageElement>(null);
  const [textReady, setTextReady] = useState(0);
  const failure = useViewerStore((s) => s.failures[path]);
  const pageSized = useViewerStore((s) => s.pageSized);
  const retryDocument = useViewerStore((s) => s.retryDocument);
  const pane = useViewerPane();
  // The 卷宗页码 stamped on this sheet, where known (the label then leads with it).
  const dossierPage = usePageNumbers((s) => s.byPath.get(path)?.numbers[page - 1] ?? null);
  const dossierId = useViewerStore((s) => s.dossierId);
  // A scan's recognised text (文字识别), as an invisible layer to select and quote from.
  const recognised = usePageText(dossierId, path, page, paint && !failure);
  // Find's hits on a page read by OCR come with their boxes: marked there.
  const findList = useFindStore((s) => (highlight && s.dossierId === dossierId ? s.list : null));
  const marks = useMemo(
    () => (highlight && findList ? hitMarks(hitsOnPage(findList, path, page), highlight.occurrence, rotation, { width, height }) : []),
    [highlight, findList, path, page, rotation, width, height],
  );
  const firstChosen = marks.findIndex((mark) => mark.chosen);
  const chosenMark = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!paint || failure) return;
    const docs = pane.getState().documents();
    if (!docs) return;
    let cancelled = false;
    let pdfPage: PDFPageProxy | null = null;
    let renderTask: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    let canvas: HTMLCanvasElement | null = null;

    void (async () => {
      try {
        const opened = await docs.open(path);
        if (cancelled) return;
        if (opened.kind === 'image') {
          // The <img> says when it is painted; already painted, a new zoom only resizes it.
          setImage(opened.url);
          if (imageElement.current?.complete && imageElement.current.naturalWidth > 0) setStatus('rendered');
          return;
        }
        if (opened.kind === 'other') {
          setOther(opened.info);
          setStatus('rendered');
          return;
        }
        setStatus('loading');
        setPageError(null);
        if (opened.kind === 'tiff') {
          // The worker scales the page to the pixels shown; here it is only turned and placed.
          const upright = rotation % 180 === 0 ? { width, height } : { width: height, height: width };
          const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, upright.width * upright.height)));
          const bitmap = await opened.tiff.render(page, upright.width * ratio, upright.height * ratio);
          if (cancelled) {
            bitmap.close();
            return;
          }
          canvas = window.document.createElement('canvas');
          canvas.width = Math.round(width * ratio);
          canvas.height = Math.round(height * ratio);
          canvas.style.width = `${width}px`;
          canvas.style.height = `${height}px`;
          canvas.dataset.testid = 'viewer-canvas';
          canvas.setAttribute('role', 'presentation');
          const context = canvas.getContext('2d');
          context?.translate(canvas.width / 2, canvas.height / 2);
          context?.rotate((rotation * Math.PI) / 180);
          context?.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
          bitmap.close();
          if (canvasHolder.current) swapCanvas(canvasHolder.current, canvas);
          setStatus('rendered');
          return;
        }
        pdfPage = await opened.pdf.getPage(page);
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        pageSized(path, page, { width: natural.width, height: natural.height });
        const viewport = pdfPage.getViewport({ scale: scale * CSS_PER_POINT, rotation: (pdfPage.rotate + rotation) % 360 });
        const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
        canvas = window.document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.dataset.testid = 'viewer-canvas';
        canvas.setAttribute('role', 'presentation');
        renderTask = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        await renderTask.promise;
        if (cancelled) return;
        // Swap in the finished canvas, so a zoom shows the old rendering until the new one is ready.
        if (canvasHolder.current) swapCanvas(canvasHolder.current, canvas);
        setStatus('rendered');

        const holder = textHolder.current;
        if (!holder) return;
        const layer = window.document.createElement('div');
        layer.className = 'textLayer';
        textLayer = new TextLayer({ textContentSource: pdfPage.streamTextContent(), container: layer, viewport });
        await textLayer.render();
        if (cancelled) return;
        registerTextLayer(layer, textLayer.textDivs, textLayer.textContentItemsStr);
        holder.replaceChildren(layer);
        setTextReady((n) => n + 1);
      } catch (error) {
        if (cancelled || (error as { name?: string } | null)?.name === 'RenderingCancelledException') return;
        // Document failures are shown from the store; anything else marks just this page.
        if (pane.getState().failures[path]) return;
        const pixels = error instanceof TiffFailed ? error.failure.pixels : undefined;
        setPageError(pixels ? t('viewer.pageTooLarge', { width: pixels.width, height: pixels.height }) : null);
        setStatus('failed');
      }
    })();

    return () => {
      cancelled = true;
      if (canvas && !canvas.isConnected) {
        canvas.width = 0;
        canvas.height = 0;
      }
      renderTask?.cancel();
      textLayer?.cancel();
      pdfPage?.cleanup();
    };
  }, [paint, failure, path, page, scale, rotation, width, height, pageSized, pane, t]);

  // Far away: release the canvas's memory and the text layer.
  useEffect(() => {
    if (paint) return;
    if (canvasHolder.current) swapCanvas(canvasHolder.current, null);
    textHolder.current?.replaceChildren();
    setImage(null);
    setOther(null);
    setStatus('idle');
  }, [paint]);

  useEffect(() => {
    const layer = textHolder.current?.querySelector<HTMLElement>('.textLayer');
    if (!layer) return;
    const first = applyHighlight(layer, highlight?.query ?? null, highlight?.occurrence ?? 0);
    if (first && highlight && scrolledTo !== highlight) {
      scrolledTo = highlight;
      first.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [highlight, textReady]);

  const rendered = status === 'rendered';
  useEffect(() => {
    const chosen = chosenMark.current;
    if (!chosen || !highlight || !rendered || scrolledTo === highlight) return;
    scrolledTo = highlight;
    chosen.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [highlight, marks, rendered]);

  const sheetStyle = {
    width,
    height,
    '--total-scale-factor': String(scale * CSS_PER_POINT),
    '--scale-round-x': '1px',
    '--scale-round-y': '1px',
  } as CSSProperties;
  const imageStyle: CSSProperties =
    rotation % 180 === 0
      ? { width, height, transform: `rotate(${rotation}deg)` }
      : { width: height, height: width, transform: `translate(-50%, -50%) rotate(${rotation}deg)`, position: 'absolute', left: '50%', top: '50%' };

  return (
    <section
      className="viewer-page"
      style={{ top, width }}
      data-testid="viewer-page"
      data-document={path}
      data-page={page}
      data-rotation={rotation}
      data-rendered={rendered ? 'true' : 'false'}
      data-failed={failure || status === 'failed' ? 'true' : undefined}
      aria-label={t('viewer.pageLabel', { title, page })}
    >
      <div className="viewer-page-label" aria-hidden="true">
        <span className="viewer-page-title" onMouseEnter={titleWhenCut}>
          {title}
        </span>
        <span>{dossierPage !== null ? t('viewer.sheetLabel', { number: dossierPage, page }) : t('viewer.pageNumber', { page })}</span>
      </div>
      <div className="viewer-sheet" style={sheetStyle} onClick={(event) => pickMarkAt(event, path, page, rotation)}>
        {other ? <OtherDocument info={other} /> : null}
        {image ? (
          <img
            ref={imageElement}
            className="viewer-image"
            src={image}
            alt={t('viewer.pageLabel', { title, page })}
            style={imageStyle}
            draggable={false}
            onLoad={() => setStatus('rendered')}
          />
        ) : null}
        <div ref={canvasHolder} className="viewer-canvas-holder" />
        {rendered && !other ? <MarkLayer document={path} page={page} width={width} height={height} rotation={rotation} /> : null}
        {rendered && !other && marks.length > 0 ? (
          <div className="viewer-hit-marks" aria-hidden="true">
            {marks.map((mark, index) => (
              <div
                key={index}
                ref={index === firstChosen ? chosenMark : undefined}
                className={mark.chosen ? 'viewer-hit-mark selected' : 'viewer-hit-mark'}
                data-testid="find-hit-box"
                data-chosen={mark.chosen ? 'true' : 'false'}
                style={{ left: mark.box.left, top: mark.box.top, width: mark.box.width, height: mark.box.height }}
              />
            ))}
          </div>
        ) : null}
        {watermark && rendered && !other ? <div className="viewer-watermark" style={{ backgroundImage: watermark }} aria-hidden="true" /> : null}
        <div ref={textHolder} className="viewer-text-holder" />
        {rendered && !other && recognised ? (
          <div className="viewer-ocr-holder">
            <OcrTextLayer text={recognised} width={width} height={height} rotation={rotation} />
          </div>
        ) : null}
        {failure === 'password' ? (
          <div className="viewer-page-status">
            <LockOutlined aria-hidden="true" />
            <span>{t('viewer.locked')}</span>
            <Button size="small" type="primary" onClick={() => retryDocument(path)}>
              {t('viewer.enterPassword')}
            </Button>
          </div>
        ) : failure || status === 'failed' ? (
          <div className="viewer-page-status">
            <WarningOutlined aria-hidden="true" />
            <span>
              {failure === 'missing'
                ? t('viewer.missing')
                : failure === 'too-large'
                  ? t('viewer.fileTooLarge')
                  : (pageError ?? t('viewer.damaged'))}
            </span>
            <Button size="small" onClick={() => retryDocument(path)}>
              {t('common.retry')}
            </Button>
          </div>
        ) : paint && !rendered ? (
          <div className="viewer-page-status">
            <Spin size="small" />
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** A page whose frame failed to render (caught by its PageBoundary): its place kept, the reason shown. */
export function FailedPageFrame({ document: path, page, title, top, width, height, error }: Pick<PageFrameProps, 'document' | 'page' | 'title' | 'top' | 'width' | 'height'> & { error: Error }) {
  const { t } = useTranslation();
  return (
    <section
      className="viewer-page"
      style={{ top, width }}
      data-testid="viewer-page"
      data-document={path}
      data-page={page}
      data-rendered="false"
      data-failed="true"
      aria-label={t('viewer.pageLabel', { title, page })}
    >
      <div className="viewer-page-label" aria-hidden="true">
        <span className="viewer-page-title">{title}</span>
        <span>{t('viewer.pageNumber', { page })}</span>
      </div>
      <div className="viewer-sheet" style={{ width, height }}>
        <div className="viewer-page-status" role="alert">
          <WarningOutlined aria-hidden="true" />
          <span>{t('viewer.pageFailed', { reason: error.message })}</span>
        </div>
      </div>
    </section>
  );
}
