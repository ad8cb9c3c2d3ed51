/**
 * A PDF page as OCR reads it, decrypted and decoded in memory only. Where the page is one image
 * (most scanners make one JPEG per page), that image's own pixels are taken as pdf.js decoded them;
 * otherwise the page is rendered (pdf.js on @napi-rs/canvas). Either way the caller gets grey pixels
 * and a mapping from pixel boxes to page boxes (fractions of the page as shown, its /Rotate applied).
 */
import { createCanvas } from '@napi-rs/canvas';
import { OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageBox } from '../../shared/ocr';
import { toGray } from './gray-image';
import type { Box, GrayImage } from './ocr-types';
import type { PageMakeup } from './page-selection';

/** Rendered pages: about 150 dpi, the resolution office scanners use. */
const RENDER_DPI = 150;
/** Pixels past this on the longer side are not needed to read print, only memory. */
export const MAX_IMAGE_SIDE = 2400;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface PlacedImage {
  objId: string;
  /** Maps the image's unit square to the page's user space. */
  matrix: Matrix;
  /** Its share of the page's area (0…1). */
  area: number;
}

export interface PageAnalysis {
  makeup: PageMakeup;
  /** The page's text layer, items in content order, a line break where pdf.js sees one. */
  text: string;
  items: { str: string; transform: number[]; width: number; height: number }[];
  /** The page if it is one image (largest image ≥ 85 % of the page). */
  soleImage: PlacedImage | null;
}

/** What the page holds: its text layer and the images it paints, with the share of the page each covers. */
export async function analysePage(page: PDFPageProxy): Promise<PageAnalysis> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const pageArea = Math.max(1, (x1 - x0) * (y1 - y0));
  const content = await page.getTextContent({ disableNormalization: true });
  let text = '';
  let textCharacters = 0;
  let textArea = 0;
  const items: PageAnalysis['items'] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    items.push(item);
    text += item.str;
    if (item.hasEOL) text += '\n';
    textCharacters += item.str.replace(/\s/g, '').length;
    textArea += Math.abs(item.width * item.height);
  }
  const images = placedImages(await page.getOperatorList(), pageArea);
  const largest = images.reduce<PlacedImage | null>((best, image) => (best && best.area >= image.area ? best : image), null);
  return {
    makeup: { textCharacters, textArea: Math.min(1, textArea / pageArea), largestImage: Math.min(1, largest?.area ?? 0) },
    text,
    items,
    soleImage: largest && largest.area >= 0.85 ? largest : null,
  };
}

function placedImages(list: { fnArray: number[]; argsArray: unknown[][] }, pageArea: number): PlacedImage[] {
  const images: PlacedImage[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (const [i, fn] of list.fnArray.entries()) {
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintImageXObject && typeof args[0] === 'string') {
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      const area = ((Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys))) / pageArea;
      images.push({ objId: args[0], matrix: ctm, area });
    }
  }
  return images;
}

export interface PageImage {
  image: GrayImage;
  /** A box in the image's pixels as a box on the page (fractions of the page as shown). */
  toPage(box: Box): PageBox;
  /** How the pixels were had: the page's own image, or rendered. */
  via: 'image' | 'render';
}

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

function objectOf(page: PDFPageProxy, objId: string): Promise<DecodedImage | null> {
  const objects = objId.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    (objects as unknown as { get(id: string, callback: (data: unknown) => void): void }).get(objId, (data) => resolve((data as DecodedImage | null) ?? null));
  });
}

/** Grey pixels of a decoded pdf.js image; null for a form it does not hand over as pixels. */
export function grayOfDecoded(decoded: DecodedImage): GrayImage | null {
  const { width, height, data, kind } = decoded;
  if (!data || width <= 0 || height <= 0) return null;
  if (kind === RGBA_32BPP) return toGray(width, height, data, 4);
  if (kind === RGB_24BPP) return toGray(width, height, data, 3);
  if (kind === GRAYSCALE_1BPP) {
    // One bit per pixel, rows padded to whole bytes, 1 = white.
    const out = new Uint8Array(width * height);
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = ((data[y * rowBytes + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { width, height, data: out };
  }
  return null;
}

/** Halves the image until its longer side fits (box filter: cheap and keeps strokes). */
export function fitImage(image: GrayImage, maxSide = MAX_IMAGE_SIDE): { image: GrayImage; factor: number } {
  let current = image;
  let factor = 1;
  while (Math.max(current.width, current.height) > maxSide) {
    const width = current.width >> 1;
    const height = current.height >> 1;
    const out = new Uint8Array(width * height);
    const d = current.data;
    const w = current.width;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 2 * y * w + 2 * x;
        out[y * width + x] = ((d[i] as number) + (d[i + 1] as number) + (d[i + w] as number) + (d[i + w + 1] as number)) >> 2;
      }
    }
    current = { width, height, data: out };
    factor *= 2;
  }
  return { image: current, factor };
}

/** The page as grey pixels for OCR. */
export async function pageImage(page: PDFPageProxy, analysis: PageAnalysis): Promise<PageImage> {
  const viewport = page.getViewport({ scale: 1 });
  const fraction = (x: number, y: number): [number, number] => {
    const [vx, vy] = viewport.convertToViewportPoint(x, y) as [number, number];
    return [vx / viewport.width, vy / viewport.height];
  };
  if (analysis.soleImage) {
    const decoded = await objectOf(page, analysis.soleImage.objId);
    const gray = decoded ? grayOfDecoded(decoded) : null;
    if (gray) {
      const { image, factor } = fitImage(gray);
      const matrix = analysis.soleImage.matrix;
      return {
        image,
        via: 'image',
        toPage([bx0, by0, bx1, by1]) {
          // Image rows run top to bottom; its unit square runs bottom to top.
          const corners = [
            [bx0, by0],
            [bx1, by1],
          ].map(([x, y]) => {
            const [ux, uy] = apply(matrix, ((x as number) * factor) / gray.width, 1 - ((y as number) * factor) / gray.height);
            return fraction(ux, uy);
          });
          return boxOf(corners as [number, number][]);
        },
      };
    }
  }
  const scale = Math.min(RENDER_DPI / 72, MAX_IMAGE_SIDE / Math.max(viewport.width, viewport.height));
  const view = page.getViewport({ scale });
  const width = Math.max(1, Math.round(view.width));
  const height = Math.max(1, Math.round(view.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport: view }).promise;
  const image = toGray(width, height, context.getImageData(0, 0, width, height).data, 4);
  return {
    image,
    via: 'render',
    toPage: ([bx0, by0, bx1, by1]) => [bx0 / width, by0 / height, bx1 / width, by1 / height].map(clamp01) as PageBox,
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function boxOf(points: [number, number][]): PageBox {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [clamp01(Math.min(...xs)), clamp01(Math.min(...ys)), clamp01(Math.max(...xs)), clamp01(Math.max(...ys))];
}
