/**
 * Test scans: lines of Chinese text drawn in the dossier font onto a page of pixels as an office
 * scanner gives it (paper tone, uneven light, a little blur and grain, a slight skew), for the OCR
 * tests and benchmark, with where each line was drawn (the ground truth). Also a scanned PDF made
 * of such pages: each JPEG laid over a whole A4 page, as scanners write them.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { PDFDocument } from '@cantoo/pdf-lib';
import { seededRandom } from '../shared/seeded-random';
import { dossierFontBytes, dossierFontkit } from '../mock-portal/dossier/dossier-font';

export const SCAN_FONT_FAMILY = 'Dossier Sans SC';
/** A4 in PDF points. */
export const A4_POINTS: readonly [number, number] = [595.28, 841.89];

export interface ScanLine {
  text: string;
  /** Left edge and baseline, in pixels from the page's top-left corner. */
  x: number;
  y: number;
  /** Font size in pixels. */
  size: number;
}

export interface ScanOptions {
  width: number;
  height: number;
  lines: readonly ScanLine[];
  /** Standard deviation of the grain (grey levels); 0 for clean paper. Default 0. */
  noise?: number;
  /** How much of a 3×3 blur is mixed in (0…1), as a scanner's optics soften strokes. Default 0. */
  blur?: number;
  /** Rotation of the sheet on the glass, degrees. Default 0. */
  skewDegrees?: number;
  /** Seeds the grain and the light, so a scan is the same every run. Default 1. */
  seed?: number;
}

export interface DrawnScan {
  canvas: Canvas;
  width: number;
  height: number;
  /** Each line as drawn, the box of its ink [x0, y0, x1, y1] in pixels (before any skew). */
  lines: { text: string; box: [number, number, number, number] }[];
}

let fontRegistered = false;

function registerFont(): void {
  if (fontRegistered) return;
  if (!GlobalFonts.register(dossierFontBytes(), SCAN_FONT_FAMILY)) throw new Error('the dossier font could not be registered with the canvas');
  fontRegistered = true;
}

export function drawScan(options: ScanOptions): DrawnScan {
  registerFont();
  const { width, height } = options;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.save();
  if (options.skewDegrees) {
    context.translate(width / 2, height / 2);
    context.rotate((options.skewDegrees * Math.PI) / 180);
    context.translate(-width / 2, -height / 2);
  }
  context.fillStyle = '#1e1c22';
  context.textBaseline = 'alphabetic';
  const lines: DrawnScan['lines'] = [];
  for (const line of options.lines) {
    context.font = `${line.size}px "${SCAN_FONT_FAMILY}"`;
    context.fillText(line.text, line.x, line.y);
    const metrics = context.measureText(line.text);
    lines.push({
      text: line.text,
      box: [line.x - metrics.actualBoundingBoxLeft, line.y - metrics.actualBoundingBoxAscent, line.x + metrics.actualBoundingBoxRight, line.y + metrics.actualBoundingBoxDescent],
    });
  }
  context.restore();
  const noise = options.noise ?? 0;
  const blur = options.blur ?? 0;
  if (noise > 0 || blur > 0) {
    const image = context.getImageData(0, 0, width, height);
    degrade(image.data, width, height, noise, blur, seededRandom(options.seed ?? 1));
    context.putImageData(image, 0, 0);
  }
  return { canvas, width, height, lines };
}

/** Blur, paper tone with light falling off to one side, and grain, in place on RGBA pixels. */
function degrade(data: Uint8ClampedArray, width: number, height: number, noise: number, blur: number, random: () => number): void {
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i * 4] as number;
  const out = new Float32Array(gray.length);
  const lightX = random() < 0.5 ? 0 : width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let value = gray[i] as number;
      if (blur > 0 && x > 0 && y > 0 && x < width - 1 && y < height - 1) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += gray[i + dy * width + dx] as number;
        value = value * (1 - blur) + (sum / 9) * blur;
      }
      // Ink multiplies the paper: white goes to the paper's tone, black stays near black.
      const paper = 238 - (14 * Math.abs(x - lightX)) / width;
      value = (value / 255) * paper;
      // Roughly normal grain: the sum of three uniforms.
      const grain = (random() + random() + random() - 1.5) * 2 * noise;
      out[i] = value + grain;
    }
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v - 3;
  }
}

/** Lines of text laid top to bottom from (left, top), `size` pixels high, `leading` apart. */
export function textBlock(texts: readonly string[], at: { left: number; top: number; size: number; leading: number }): ScanLine[] {
  return texts.map((text, i) => ({ text, x: at.left, y: at.top + at.size + i * at.leading, size: at.size }));
}

/** Pixels of an A4 sheet scanned at `dpi`. */
export function a4Pixels(dpi: number): { width: number; height: number } {
  return { width: Math.round((A4_POINTS[0] / 72) * dpi), height: Math.round((A4_POINTS[1] / 72) * dpi) };
}

/** A page of a test PDF: a scan (a JPEG over the whole page, no text layer) or typed lines (a real text layer). */
export type TestPdfPage = { jpeg: Uint8Array } | { typed: readonly string[] };

/** An A4 PDF of scanned and typed pages, as dossiers mix them. */
export async function scannedPdf(pages: readonly TestPdfPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(dossierFontkit);
  const font = pages.some((page) => 'typed' in page) ? await doc.embedFont(dossierFontBytes(), { subset: true }) : null;
  for (const content of pages) {
    const page = doc.addPage([A4_POINTS[0], A4_POINTS[1]]);
    if ('jpeg' in content) {
      const image = await doc.embedJpg(content.jpeg);
      page.drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
    } else if (font) {
      content.typed.forEach((line, i) => page.drawText(line, { x: 72, y: A4_POINTS[1] - 100 - i * 22, size: 12, font }));
    }
  }
  return doc.save({ useObjectStreams: false });
}
