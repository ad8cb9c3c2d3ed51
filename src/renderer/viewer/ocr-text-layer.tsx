import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { RecognisedPage } from '../../shared/ocr';
import { layerFrame, lineSpan, type FontMeasure } from './ocr-span-geometry';
import type { Rotation } from './zoom';

/** The spans' font (CSS and canvas alike): the system's, as pdf.js's text layer falls back to. */
const FONT_FAMILY = 'sans-serif';
/** Measured at this size, then scaled: widths grow linearly with the size. */
const MEASURE_PX = 100;

let measurer: CanvasRenderingContext2D | null | undefined;

/** Widths of the lines at 1 px and the font's box height, measured once per page's text. */
function measureLines(lines: readonly { text: string }[]): { widths: number[]; boxPerPx: number } {
  if (measurer === undefined) {
    measurer = document.createElement('canvas').getContext('2d');
    if (measurer) measurer.font = `${MEASURE_PX}px ${FONT_FAMILY}`;
  }
  const context = measurer;
  if (!context) return { widths: lines.map((line) => [...line.text].length), boxPerPx: 1.2 };
  const sample = context.measureText('国');
  const box = (sample.fontBoundingBoxAscent + sample.fontBoundingBoxDescent) / MEASURE_PX;
  return { widths: lines.map((line) => context.measureText(line.text).width / MEASURE_PX), boxPerPx: Number.isFinite(box) && box > 0 ? box : 1.2 };
}

/**
 * The recognised text of a scanned page as an invisible, selectable layer over the image (as in a
 * 双层 PDF): one transparent span per line at its box, so a selection there is quoted, highlighted
 * and copied as on a page with its own text layer.
 */
export function OcrTextLayer({ text, width, height, rotation }: { text: RecognisedPage; width: number; height: number; rotation: Rotation }) {
  const layer = useRef<HTMLDivElement>(null);
  const measured = useMemo(() => measureLines(text.lines), [text]);
  const frame = layerFrame(rotation, { width, height });

  // While the mouse selects, the layer's blank ground takes the pointer (not the sheet under it),
  // so dragging between lines does not lose the selection.
  useEffect(() => {
    const element = layer.current;
    if (!element) return;
    const start = () => element.classList.add('selecting');
    const stop = () => element.classList.remove('selecting');
    element.addEventListener('mousedown', start);
    document.addEventListener('pointerup', stop);
    window.addEventListener('blur', stop);
    return () => {
      element.removeEventListener('mousedown', start);
      document.removeEventListener('pointerup', stop);
      window.removeEventListener('blur', stop);
    };
  }, []);

  const font = (index: number): FontMeasure => ({ width: () => measured.widths[index] ?? 0, boxPerPx: measured.boxPerPx });
  return (
    <div
      ref={layer}
      className="ocr-text-layer"
      data-testid="ocr-text-layer"
      style={{ width: frame.width, height: frame.height, transform: `matrix(${frame.matrix.join(', ')})` }}
    >
      {text.lines.map((line, index) => {
        const span = lineSpan(line.box, line.text, { width: frame.width, height: frame.height }, font(index));
        if (!span) return null;
        return (
          <Fragment key={index}>
            <span
              role="presentation"
              style={{
                left: `${span.left}%`,
                top: `${span.top}%`,
                fontSize: `${span.fontSize}px`,
                lineHeight: `${span.lineHeight}px`,
                transform: `scaleX(${span.scaleX})`,
              }}
            >
              {line.text}
            </span>
            <br role="presentation" />
          </Fragment>
        );
      })}
      <div className="endOfContent" />
    </div>
  );
}
