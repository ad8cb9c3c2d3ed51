/**
 * A page as a scanner sees it: off-white paper with a little noise and uneven light, rows of
 * dark marks where text is, ruled forms, photos, a red seal, the archive's page number stamped
 * in the corner. Drawn into pixels and encoded as a small JPEG (jpeg-js), so thousands stay cheap.
 * Heavy scans (about 200 dpi, a few hundred KB each, as office scanners make them) would take a
 * second a page to draw and encode: a few distinct images are made once and reused, and only the
 * stamped corner is encoded per page, as a small patch laid over it.
 */
import jpeg from 'jpeg-js';
import type { ScanLayout } from './document-catalog';
import { SeededRandom } from './seeded-random';

/** The layout's coordinate space: every drawing below is in these units. */
export const SCAN_WIDTH = 680;
export const SCAN_HEIGHT = 962;
const QUALITY = 60;

/** Heavy scans: pixels per layout unit (1632×2309, about 197 dpi on A4), JPEG quality, distinct images per layout. */
export const HEAVY_SCALE = 2.4;
const HEAVY_QUALITY = 85;
export const HEAVY_VARIANTS = 4;

type Rgb = [number, number, number];
const INK: Rgb = [48, 46, 52];
const SEAL: Rgb = [196, 38, 44];

/** One reused pixel buffer (clamped, so ink and grain never wrap around): drawing and encoding are
 * synchronous, so no two pages share it at once. */
let pixels: Uint8ClampedArray | undefined;

/**
 * Pixels of a page (or of a window onto it, from `left`,`top` in pixels). Shapes are given in
 * layout units and drawn at `scale` pixels per unit.
 */
class Canvas {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
    readonly scale = 1,
    readonly left = 0,
    readonly top = 0,
  ) {}

  /** One pixel, in page pixels. */
  blend(x: number, y: number, [r, g, b]: Rgb, alpha: number): void {
    x -= this.left;
    y -= this.top;
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    // Ink multiplies the paper tone, as it does on a real scan.
    d[i] = (d[i] as number) * (1 - alpha) + ((r * (d[i] as number)) / 255) * alpha;
    d[i + 1] = (d[i + 1] as number) * (1 - alpha) + ((g * (d[i + 1] as number)) / 255) * alpha;
    d[i + 2] = (d[i + 2] as number) * (1 - alpha) + ((b * (d[i + 2] as number)) / 255) * alpha;
  }

  rect(x: number, y: number, w: number, h: number, color: Rgb, alpha = 1): void {
    const s = this.scale;
    const x0 = Math.max(this.left, Math.round(x * s));
    const y0 = Math.max(this.top, Math.round(y * s));
    const x1 = Math.min(this.left + this.width, Math.round((x + w) * s));
    const y1 = Math.min(this.top + this.height, Math.round((y + h) * s));
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.blend(xx, yy, color, alpha);
  }

  ring(centerX: number, centerY: number, ringRadius: number, ringThickness: number, color: Rgb, alpha: number): void {
    const [cx, cy, radius, thickness] = [centerX, centerY, ringRadius, ringThickness].map((v) => v * this.scale) as [number, number, number, number];
    const outer = radius * radius;
    const inner = (radius - thickness) * (radius - thickness);
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        const d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        if (d <= outer && d >= inner) this.blend(x, y, color, alpha);
      }
    }
  }
}

function paper(canvas: Canvas, random: SeededRandom): void {
  const base: Rgb = [random.int(228, 240), random.int(226, 236), random.int(214, 228)];
  const light = random.next() * 0.06;
  let noise = random.nextUint32() | 1;
  const { data, width, height, scale } = canvas;
  for (let y = 0; y < height; y++) {
    const shade = 1 - light * (y / height);
    for (let x = 0; x < width; x++) {
      // xorshift: cheap grain, seeded so the page is reproducible.
      noise ^= noise << 13;
      noise ^= noise >>> 17;
      noise ^= noise << 5;
      const grain = (noise & 7) - 3;
      const unitX = x / scale;
      const edge = unitX < 10 ? (10 - unitX) * 6 : 0;
      const i = (y * width + x) * 4;
      data[i] = base[0] * shade + grain - edge;
      data[i + 1] = base[1] * shade + grain - edge;
      data[i + 2] = base[2] * shade + grain - edge;
      data[i + 3] = 255;
    }
  }
}

/** A row of character-sized marks: a few strokes per character, gaps between words. */
function textRow(canvas: Canvas, random: SeededRandom, x: number, y: number, width: number, size: number, color: Rgb = INK): void {
  const step = size + Math.max(2, Math.round(size / 5));
  for (let cx = x; cx + size <= x + width; cx += step) {
    if (random.chance(0.06)) continue;
    const strokes = random.int(2, 4);
    for (let s = 0; s < strokes; s++) {
      if (random.chance(0.5)) canvas.rect(cx, y + random.int(0, size - 2), random.int(size / 2, size), 2, color, 0.85);
      else canvas.rect(cx + random.int(0, size - 2), y, 2, random.int(size / 2, size), color, 0.85);
    }
  }
}

function paragraph(canvas: Canvas, random: SeededRandom, top: number, rows: number, left = 70, right = SCAN_WIDTH - 60): number {
  let y = top;
  for (let r = 0; r < rows; r++) {
    const indent = r === 0 ? 34 : 0;
    const width = r === rows - 1 ? random.int(80, right - left) : right - left - indent;
    textRow(canvas, random, left + indent, y, width, 14);
    y += 26;
  }
  return y + 8;
}

function title(canvas: Canvas, random: SeededRandom, y: number, chars: number): void {
  const size = 24;
  const width = chars * (size + 6);
  textRow(canvas, random, (SCAN_WIDTH - width) / 2, y, width, size);
}

function seal(canvas: Canvas, random: SeededRandom, cx: number, cy: number): void {
  const alpha = 0.55 + random.next() * 0.25;
  canvas.ring(cx, cy, 62, 5, SEAL, alpha);
  // The star, and the unit's name around the inside of the ring.
  for (let r = 0; r < 14; r++) canvas.rect(cx - r, cy - 14 + r, 2 * r + 1, 1, SEAL, alpha);
  for (let a = 0; a < 16; a++) {
    const angle = Math.PI * (0.85 + (a / 15) * 1.3);
    canvas.rect(cx + Math.cos(angle) * 44 - 5, cy + Math.sin(angle) * 44 - 5, 10, 10, SEAL, alpha * 0.8);
  }
}

function grid(canvas: Canvas, random: SeededRandom, top: number, rows: number, columns: number[], rowHeight: number): number {
  const left = 60;
  const right = SCAN_WIDTH - 56;
  const width = right - left;
  for (let r = 0; r <= rows; r++) canvas.rect(left, top + r * rowHeight, width, 2, INK, 0.9);
  let x = left;
  const edges = [left, ...columns.map((c) => (x += c * width)), right];
  for (const edge of edges) canvas.rect(edge, top, 2, rows * rowHeight, INK, 0.9);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < edges.length - 1; c++) {
      const cellLeft = (edges[c] as number) + 8;
      const cellWidth = (edges[c + 1] as number) - cellLeft - 8;
      if (random.chance(0.85)) textRow(canvas, random, cellLeft, top + r * rowHeight + (rowHeight - 12) / 2, random.int(Math.min(24, cellWidth), Math.max(24, cellWidth)), 12);
    }
  }
  return top + rows * rowHeight;
}

function photo(canvas: Canvas, random: SeededRandom, top: number, height: number): void {
  const left = 90;
  const width = SCAN_WIDTH - 180;
  const tone = random.int(60, 150);
  const s = canvas.scale;
  const [pixelLeft, pixelTop] = [Math.round(left * s), Math.round(top * s)];
  for (let py = 0; py < Math.round(height * s); py++) {
    const y = Math.floor(py / s);
    for (let px = 0; px < Math.round(width * s); px++) {
      const v = tone + 60 * Math.sin((px / s + random.int(0, 3)) / (23 + (y % 7))) * Math.cos(y / 31);
      canvas.blend(pixelLeft + px, pixelTop + py, [v, v * 0.97, v * 0.92], 0.9);
    }
  }
  canvas.rect(left, top, width, 2, INK, 0.9);
  canvas.rect(left, top + height, width, 2, INK, 0.9);
}

/** 5×7 digits for the archive's page number stamp. */
const DIGITS = ['01110100011001110101110011000101110', '00100011000010000100001000010001110', '01110100010000100010001000100011111', '11111000100010000010000011000101110', '00010001100101010010111110001000010', '11111100001111000001000011000101110', '00110010001000011110100011000101110', '11111000010001000100010000100001000', '01110100011000101110100011000101110', '01110100011000101111000010001001100'];

function pageNumber(canvas: Canvas, n: number): void {
  const text = String(n);
  const scale = 3;
  let x = SCAN_WIDTH - 40 - text.length * 6 * scale;
  for (const char of text) {
    const bits = DIGITS[Number(char)] ?? '';
    for (let i = 0; i < 35; i++) if (bits[i] === '1') canvas.rect(x + (i % 5) * scale, 30 + Math.floor(i / 5) * scale, scale, scale, INK, 0.9);
    x += 6 * scale;
  }
}

/** Paper, then the layout's marks (no page number). */
function drawPage(canvas: Canvas, layout: ScanLayout, random: SeededRandom): void {
  paper(canvas, random);
  title(canvas, random, 80, random.int(4, 9));
  let y = 140;
  switch (layout) {
    case 'form':
      y = grid(canvas, random, y, random.int(8, 12), [0.2, 0.3, 0.2], 44);
      y = paragraph(canvas, random, y + 30, random.int(2, 4));
      seal(canvas, random, SCAN_WIDTH - 170, Math.min(SCAN_HEIGHT - 120, y + 60));
      break;
    case 'table':
      y = grid(canvas, random, y, random.int(12, 18), [0.08, 0.3, 0.14, 0.12, 0.16], 34);
      seal(canvas, random, SCAN_WIDTH - 160, Math.min(SCAN_HEIGHT - 110, y + 80));
      break;
    case 'statement':
      for (let r = 0; r < 30; r++, y += 24) {
        for (const [x, w] of [[60, 90], [170, 150], [340, 110], [470, 70], [560, 70]] as const) textRow(canvas, random, x, y, random.int(w / 2, w), 10);
      }
      break;
    case 'photo':
      photo(canvas, random, y, 300);
      y = paragraph(canvas, random, y + 320, 1);
      photo(canvas, random, y + 10, 300);
      paragraph(canvas, random, y + 330, 1);
      break;
    case 'letter':
      for (let p = 0; p < random.int(3, 5) && y < SCAN_HEIGHT - 260; p++) y = paragraph(canvas, random, y, random.int(2, 6));
      seal(canvas, random, SCAN_WIDTH - 170, Math.min(SCAN_HEIGHT - 120, y + 90));
      break;
  }
}

export function scanPageJpeg(layout: ScanLayout, random: SeededRandom, stampedPage: number | null): Buffer {
  pixels ??= new Uint8ClampedArray(SCAN_WIDTH * SCAN_HEIGHT * 4);
  const canvas = new Canvas(pixels, SCAN_WIDTH, SCAN_HEIGHT);
  drawPage(canvas, layout, random);
  if (stampedPage !== null) pageNumber(canvas, stampedPage);
  return Buffer.from(jpeg.encode({ data: pixels, width: SCAN_WIDTH, height: SCAN_HEIGHT }, QUALITY).data);
}

/** An encoded image and where it goes on the page, as fractions of the page from its top left. */
export interface PlacedJpeg {
  jpeg: Buffer;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface HeavyScan {
  page: PlacedJpeg;
  /** The corner with the page number, laid over `page`; null when the page has no stamp. */
  stamp: PlacedJpeg | null;
}

interface HeavyImage {
  jpeg: Buffer;
  /** The unstamped pixels of the stamp corner (a copy), to draw a page number on. */
  corner: Uint8ClampedArray;
}

const HEAVY_WIDTH = Math.round(SCAN_WIDTH * HEAVY_SCALE);
const HEAVY_HEIGHT = Math.round(SCAN_HEIGHT * HEAVY_SCALE);
/** The stamp corner in pixels, on JPEG block edges so the patch meets the page without a seam. */
const CORNER = (() => {
  const block = (units: number, round: (n: number) => number) => round((units * HEAVY_SCALE) / 8) * 8;
  const left = block(SCAN_WIDTH - 144, Math.floor);
  const top = block(22, Math.floor);
  return { left, top, width: Math.min(HEAVY_WIDTH, block(SCAN_WIDTH - 32, Math.ceil)) - left, height: block(58, Math.ceil) - top };
})();
const heavyImages = new Map<string, HeavyImage>();

function heavyImage(layout: ScanLayout, variant: number): HeavyImage {
  const key = `${layout}/${variant}`;
  let image = heavyImages.get(key);
  if (!image) {
    const data = new Uint8ClampedArray(HEAVY_WIDTH * HEAVY_HEIGHT * 4);
    // Seeded by layout and variant alone, so the cache serves every dossier and output stays reproducible.
    drawPage(new Canvas(data, HEAVY_WIDTH, HEAVY_HEIGHT, HEAVY_SCALE), layout, new SeededRandom(`heavy-scan\n${layout}\n${variant}`));
    const corner = new Uint8ClampedArray(CORNER.width * CORNER.height * 4);
    for (let y = 0; y < CORNER.height; y++) {
      const from = ((CORNER.top + y) * HEAVY_WIDTH + CORNER.left) * 4;
      corner.set(data.subarray(from, from + CORNER.width * 4), y * CORNER.width * 4);
    }
    image = { jpeg: Buffer.from(jpeg.encode({ data, width: HEAVY_WIDTH, height: HEAVY_HEIGHT }, HEAVY_QUALITY).data), corner };
    heavyImages.set(key, image);
  }
  return image;
}

/** A heavy scan: one of HEAVY_VARIANTS images of the layout (chosen by `random`), stamped by a patch. */
export function heavyScanPage(layout: ScanLayout, random: SeededRandom, stampedPage: number | null): HeavyScan {
  const image = heavyImage(layout, random.int(0, HEAVY_VARIANTS - 1));
  const page = { jpeg: image.jpeg, left: 0, top: 0, width: 1, height: 1 };
  if (stampedPage === null) return { page, stamp: null };
  const data = new Uint8ClampedArray(image.corner);
  pageNumber(new Canvas(data, CORNER.width, CORNER.height, HEAVY_SCALE, CORNER.left, CORNER.top), stampedPage);
  const patch = Buffer.from(jpeg.encode({ data, width: CORNER.width, height: CORNER.height }, HEAVY_QUALITY).data);
  return {
    page,
    stamp: { jpeg: patch, left: CORNER.left / HEAVY_WIDTH, top: CORNER.top / HEAVY_HEIGHT, width: CORNER.width / HEAVY_WIDTH, height: CORNER.height / HEAVY_HEIGHT },
  };
}
