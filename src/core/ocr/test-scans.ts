/**
 * Test scans: Chinese text drawn with the dossier font onto off-white paper with grain, as an
 * office scanner at 150 dpi sees a typed page; as grey pixels, as a JPEG, and as a PDF whose page
 * is that one JPEG (as scanners make them) or a page with a real text layer.
 */
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { toGray } from './gray-image';
import type { GrayImage } from './ocr-types';

const FONT = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts', 'dossier-sans-sc.ttf');
const FAMILY = 'DossierScanTest';
let registered = false;

/** A4 at 150 dpi. */
export const SCAN_WIDTH = 1240;
export const SCAN_HEIGHT = 1754;

export interface ScanOptions {
  /** Pixels from the top of the first line's baseline; default 200. */
  top?: number;
  /** A number drawn alone in the top right corner (卷宗页码). */
  stamp?: number;
}

/** The lines drawn on a scanned page, 12 pt at 150 dpi, with paper grain. */
export function scanCanvas(lines: readonly string[], options: ScanOptions = {}) {
  if (!registered) {
    GlobalFonts.registerFromPath(FONT, FAMILY);
    registered = true;
  }
  const canvas = createCanvas(SCAN_WIDTH, SCAN_HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f2efe6';
  context.fillRect(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
  context.fillStyle = '#26242a';
  context.font = `25px ${FAMILY}`;
  let y = options.top ?? 200;
  for (const line of lines) {
    context.fillText(line, 120, y);
    y += 48;
  }
  if (options.stamp !== undefined) context.fillText(String(options.stamp), SCAN_WIDTH - 140, 70);
  // Grain, seeded so a page is the same every run.
  const image = context.getImageData(0, 0, SCAN_WIDTH, SCAN_HEIGHT);
  let seed = 12345;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const grain = ((seed >> 16) % 25) - 12;
    for (let c = 0; c < 3; c++) image.data[i + c] = Math.max(0, Math.min(255, (image.data[i + c] as number) + grain));
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

export function scanGray(lines: readonly string[], options: ScanOptions = {}): GrayImage {
  const canvas = scanCanvas(lines, options);
  return toGray(SCAN_WIDTH, SCAN_HEIGHT, canvas.getContext('2d').getImageData(0, 0, SCAN_WIDTH, SCAN_HEIGHT).data, 4);
}

export function scanJpeg(lines: readonly string[], options: ScanOptions = {}): Buffer {
  return scanCanvas(lines, options).encodeSync('jpeg', 80);
}

export type TestPage = { scan: readonly string[]; stamp?: number } | { text: readonly string[] };

/** A PDF of A4 pages: scans (one full-page JPEG each, no text layer) or typeset text pages. */
export async function testPdf(pages: readonly TestPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  // Whole (fontkit's subsetter fails on this font's tables); a test PDF's size does not matter.
  const font = await doc.embedFont(readFileSync(FONT), { subset: false });
  for (const spec of pages) {
    const page = doc.addPage([595.28, 841.89]);
    if ('scan' in spec) {
      const image = await doc.embedJpg(scanJpeg(spec.scan, spec.stamp === undefined ? {} : { stamp: spec.stamp }));
      page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    } else {
      spec.text.forEach((line, i) => page.drawText(line, { x: 57, y: 740 - i * 24, size: 12, font }));
    }
  }
  return doc.save({ useObjectStreams: false });
}
