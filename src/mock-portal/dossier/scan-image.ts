/**
 * A page as an office scanner sees it: a page plan (scan-layout) drawn with @napi-rs/canvas in
 * real Chinese type (the dossier font), on off-white paper with mottling, fine grain, uneven
 * light and a shadow at the bound edge; the toner a little spread and darkened at the glyphs'
 * edges, the sheet a little skewed (at most 0.35°); red seals; the archive's page number stamped
 * in the top right corner. Everything stays readable to OCR (the plan is its ground truth:
 * scan-layout's scanPageText).
 * Standard scans are 150 dpi A4 (1240×1754), JPEG quality 65, drawn for each page (~50 ms).
 * Heavy scans (about 200 dpi, a few hundred KB each) are drawn once per distinct plan and reused:
 * only the stamped corner is encoded per page, as a small patch laid over it.
 * Output is reproducible on one platform (the canvas's rasteriser and JPEG encoder are native
 * code); the text a page carries is the same everywhere.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as CanvasModule from '@napi-rs/canvas';
import { dossierFontBytes } from './dossier-font';
import { SCAN_HEIGHT, SCAN_WIDTH, SEAL_RADIUS, STAMP_DOT, STAMP_TOP, stampLeft, type ScanPagePlan } from './scan-layout';
import { SeededRandom } from './seeded-random';

type Canvas = CanvasModule.Canvas;
type Context = CanvasModule.SKRSContext2D;

/** Standard scans: 150 dpi over A4. */
export const STANDARD_WIDTH = 1240;
export const STANDARD_HEIGHT = 1754;
const STANDARD_SCALE = STANDARD_WIDTH / SCAN_WIDTH;
const QUALITY = 65;

/** Heavy scans: pixels per layout unit (1632×2309, about 197 dpi on A4) and JPEG quality. */
export const HEAVY_SCALE = 2.4;
const HEAVY_QUALITY = 90;
const HEAVY_WIDTH = Math.round(SCAN_WIDTH * HEAVY_SCALE);
const HEAVY_HEIGHT = Math.round(SCAN_HEIGHT * HEAVY_SCALE);

const FONT_FAMILY = 'Dossier Scan Sans SC';
const SEAL = 'rgb(200, 36, 44)';

let canvasModule: typeof CanvasModule | undefined;

/** The native canvas, loaded on the first scan (not when the portal starts) with the dossier font registered. */
function canvasApi(): typeof CanvasModule {
  if (!canvasModule) {
    const loaded = createRequire(import.meta.url)('@napi-rs/canvas') as typeof CanvasModule;
    if (!loaded.GlobalFonts.has(FONT_FAMILY) && !loaded.GlobalFonts.register(dossierFontBytes(), FONT_FAMILY)) {
      throw new Error('the dossier font could not be registered for drawing scans');
    }
    canvasModule = loaded;
  }
  return canvasModule;
}

/** One canvas per size, reused: drawing and encoding are synchronous, so no two pages share it at once. */
const surfaces = new Map<number, Canvas>();

function surface(width: number, height: number): Canvas {
  let found = surfaces.get(width);
  if (!found) {
    found = canvasApi().createCanvas(width, height);
    surfaces.set(width, found);
  }
  return found;
}

/** How far a sheet's grain is shifted from page to page. */
const SHEET_MARGIN = 96;
const sheets = new Map<number, Canvas>();

/**
 * Blank paper with its grain (fine noise, and a coarser mottling a few millimetres wide), a little
 * larger than the page: made once per size from a fixed seed, then laid at a random offset.
 */
function sheet(width: number, height: number, scale: number): Canvas {
  let found = sheets.get(width);
  if (found) return found;
  const { createCanvas } = canvasApi();
  const random = new SeededRandom('scan-paper-grain');
  const tile = (size: number, amplitude: number): Canvas => {
    const canvas = createCanvas(size, size);
    const context = canvas.getContext('2d');
    const image = context.createImageData(size, size);
    for (let i = 0; i < image.data.length; i += 4) {
      const v = 128 + Math.round((random.next() - 0.5) * 2 * amplitude);
      image.data.fill(v, i, i + 3);
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    return canvas;
  };
  found = createCanvas(width + SHEET_MARGIN, height + SHEET_MARGIN);
  const context = found.getContext('2d');
  context.fillStyle = 'rgb(255, 255, 255)';
  context.fillRect(0, 0, found.width, found.height);
  context.globalCompositeOperation = 'overlay';
  context.imageSmoothingEnabled = true;
  const mottle = tile(37, 40);
  const patch = 37 * 14 * scale;
  context.globalAlpha = 0.22;
  for (let y = 0; y < found.height; y += patch) for (let x = 0; x < found.width; x += patch) context.drawImage(mottle, x, y, patch, patch);
  const fine = tile(251, 20);
  context.globalAlpha = 0.14;
  for (let y = 0; y < found.height; y += 251) for (let x = 0; x < found.width; x += 251) context.drawImage(fine, x, y);
  sheets.set(width, found);
  return found;
}

/** Off-white paper: the grain at a random offset, tinted, lit a little unevenly, the bound edge in shadow. */
function paper(context: Context, width: number, height: number, scale: number, random: SeededRandom): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'copy';
  context.globalAlpha = 1;
  context.drawImage(sheet(width, height, scale), -random.int(0, SHEET_MARGIN), -random.int(0, SHEET_MARGIN));
  context.globalCompositeOperation = 'multiply';
  const r = random.int(232, 244);
  const [g, b] = [r - random.int(1, 6), r - random.int(8, 20)];
  const dim = 1 - random.next() * 0.07;
  const light = context.createLinearGradient(0, 0, width * 0.2, height);
  light.addColorStop(0, `rgb(${r}, ${g}, ${b})`);
  light.addColorStop(1, `rgb(${Math.round(r * dim)}, ${Math.round(g * dim)}, ${Math.round(b * dim)})`);
  context.fillStyle = light;
  context.fillRect(0, 0, width, height);
  const edge = context.createLinearGradient(0, 0, 12 * scale, 0);
  edge.addColorStop(0, 'rgba(40, 36, 30, 0.3)');
  edge.addColorStop(1, 'rgba(40, 36, 30, 0)');
  context.globalCompositeOperation = 'source-over';
  context.fillStyle = edge;
  context.fillRect(0, 0, 12 * scale, height);
}

function photo(context: Context, x: number, y: number, width: number, height: number, random: SeededRandom): void {
  context.save();
  context.globalCompositeOperation = 'source-over';
  const tone = random.int(70, 150);
  const sky = context.createLinearGradient(x, y, x, y + height);
  sky.addColorStop(0, `rgb(${tone + 60}, ${tone + 62}, ${tone + 66})`);
  sky.addColorStop(0.55, `rgb(${tone}, ${tone - 4}, ${tone - 10})`);
  sky.addColorStop(1, `rgb(${tone - 40}, ${tone - 44}, ${tone - 50})`);
  context.fillStyle = sky;
  context.fillRect(x, y, width, height);
  // Walls, doors, a car: blocks of grey in the frame.
  for (let i = 0; i < random.int(5, 11); i++) {
    const v = random.int(30, 200);
    context.fillStyle = `rgba(${v}, ${v - 3}, ${v - 8}, 0.85)`;
    const w = random.int(20, 160);
    const h = random.int(20, 180);
    context.fillRect(x + random.int(0, width - w), y + random.int(Math.round(height * 0.25), height - h), w, h);
  }
  context.fillStyle = 'rgba(30, 30, 34, 0.9)';
  context.fillRect(x, y, width, 2);
  context.fillRect(x, y + height, width, 2);
  context.restore();
}

function seal(context: Context, x: number, y: number, name: string, random: SeededRandom): void {
  const radius = SEAL_RADIUS;
  context.save();
  context.globalAlpha = 0.55 + random.next() * 0.25;
  context.translate(x, y);
  context.rotate((random.next() - 0.5) * 0.5);
  context.strokeStyle = SEAL;
  context.fillStyle = SEAL;
  context.lineWidth = 4.5;
  context.beginPath();
  context.arc(0, 0, radius - 2.5, 0, Math.PI * 2);
  context.stroke();
  context.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 16 : 6.5;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    context.lineTo(Math.cos(angle) * r, Math.sin(angle) * r);
  }
  context.closePath();
  context.fill();
  // The unit's name around the inside of the ring, as seals carry it.
  const chars = Array.from(name);
  const size = Math.min(15, 300 / Math.max(1, chars.length));
  context.font = `${size}px "${FONT_FAMILY}"`;
  const sweep = Math.min(Math.PI * 1.45, chars.length * 0.3);
  chars.forEach((char, i) => {
    const angle = -Math.PI / 2 - sweep / 2 + (sweep * (i + 0.5)) / chars.length;
    context.save();
    context.rotate(angle + Math.PI / 2);
    context.fillText(char, -size / 2, -radius + 8 + size * 0.88);
    context.restore();
  });
  context.restore();
}

/** Text as toner lays it: the glyphs, and a faint copy a fraction of a pixel off that spreads and darkens their edges. */
function text(context: Context, plan: ScanPagePlan, spread: number): void {
  context.textBaseline = 'alphabetic';
  for (const pass of [0, 1]) {
    context.globalAlpha = pass === 0 ? 1 : 0.4;
    let font = '';
    for (const t of plan.texts) {
      const next = `${t.size.toFixed(2)}px "${FONT_FAMILY}"`;
      if (next !== font) context.font = font = next;
      context.fillText(t.text, t.x + pass * spread, t.baseline + pass * spread);
    }
  }
  context.globalAlpha = 1;
}

/** The plan's ink multiplied into the paper: skewed about the page's centre, in layout units. */
function ink(context: Context, plan: ScanPagePlan, scale: number, random: SeededRandom): void {
  const { width, height } = context.canvas;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'multiply';
  context.globalAlpha = 1;
  context.translate(width / 2, height / 2);
  context.rotate(((random.next() - 0.5) * 0.7 * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  context.scale(scale, scale);
  for (const p of plan.photos) photo(context, p.x, p.y, p.width, p.height, random);
  const tone = random.int(16, 36);
  context.fillStyle = `rgb(${tone}, ${tone - 2}, ${tone + 4})`;
  for (const r of plan.rules) context.fillRect(r.x, r.y, r.width, r.height);
  text(context, plan, 0.45 / scale);
  for (const s of plan.seals) seal(context, s.x, s.y, s.name, random);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'source-over';
}

/** 5×7 digits for the archive's page number stamp. */
const DIGITS = ['01110100011001110101110011000101110', '00100011000010000100001000010001110', '01110100010000100010001000100011111', '11111000100010000010000011000101110', '00010001100101010010111110001000010', '11111100001111000001000011000101110', '00110010001000011110100011000101110', '11111000010001000100010000100001000', '01110100011000101110100011000101110', '01110100011000101111000010001001100'];

/** The stamp in page pixels at `scale`, drawn on a context whose origin is the page's (`left`, `top`). */
function stamp(context: Context, page: number, scale: number, left = 0, top = 0): void {
  context.setTransform(1, 0, 0, 1, -left, -top);
  context.globalCompositeOperation = 'multiply';
  context.globalAlpha = 0.92;
  context.fillStyle = 'rgb(48, 46, 56)';
  let x = stampLeft(page);
  for (const char of String(page)) {
    const bits = DIGITS[Number(char)] ?? '';
    for (let i = 0; i < 35; i++) {
      if (bits[i] === '1') context.fillRect((x + (i % 5) * STAMP_DOT) * scale, (STAMP_TOP + Math.floor(i / 5) * STAMP_DOT) * scale, STAMP_DOT * scale, STAMP_DOT * scale);
    }
    x += 6 * STAMP_DOT;
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'source-over';
  context.globalAlpha = 1;
}

/** Paper, then the plan's ink (no page number). */
function drawPage(page: Canvas, scale: number, plan: ScanPagePlan, random: SeededRandom): void {
  const context = page.getContext('2d');
  paper(context, page.width, page.height, scale, random.fork('paper'));
  ink(context, plan, scale, random.fork('ink'));
}

/** A standard scan of the page, stamped with its 页次 (none: null). */
export function scanPageJpeg(plan: ScanPagePlan, random: SeededRandom, stampedPage: number | null): Buffer {
  const page = surface(STANDARD_WIDTH, STANDARD_HEIGHT);
  drawPage(page, STANDARD_SCALE, plan, random);
  if (stampedPage !== null) stamp(page.getContext('2d'), stampedPage, STANDARD_SCALE);
  return page.encodeSync('jpeg', QUALITY);
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
  /** The unstamped pixels of the stamp corner, to draw a page number on. */
  corner: CanvasModule.ImageData;
}

/** The stamp corner in pixels, on the JPEG's 16-pixel blocks so the patch meets the page without a seam. */
const CORNER = (() => {
  const block = (units: number, round: (n: number) => number) => round((units * HEAVY_SCALE) / 16) * 16;
  const left = block(SCAN_WIDTH - 144, Math.floor);
  const top = block(STAMP_TOP - 10, Math.floor);
  return { left, top, width: Math.min(HEAVY_WIDTH, block(SCAN_WIDTH - 24, Math.ceil)) - left, height: block(STAMP_TOP + 30, Math.ceil) - top };
})();

/** Images by their plan's digest, the most recent few: a heavy dossier uses about twenty. */
const heavyImages = new Map<string, HeavyImage>();
const HEAVY_CACHE = 24;

function heavyImage(plan: ScanPagePlan): HeavyImage {
  const key = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
  let image = heavyImages.get(key);
  if (image) {
    heavyImages.delete(key);
  } else {
    const page = surface(HEAVY_WIDTH, HEAVY_HEIGHT);
    // Seeded by the plan alone: the same plan gives the same image in every dossier.
    drawPage(page, HEAVY_SCALE, plan, new SeededRandom(`heavy-scan\n${key}`));
    const corner = page.getContext('2d').getImageData(CORNER.left, CORNER.top, CORNER.width, CORNER.height);
    image = { jpeg: page.encodeSync('jpeg', HEAVY_QUALITY), corner };
    if (heavyImages.size >= HEAVY_CACHE) heavyImages.delete(heavyImages.keys().next().value as string);
  }
  heavyImages.set(key, image);
  return image;
}

let patchCanvas: Canvas | undefined;

/** A heavy scan: the plan's image (drawn once), stamped by a patch over its corner. */
export function heavyScanPage(plan: ScanPagePlan, stampedPage: number | null): HeavyScan {
  const image = heavyImage(plan);
  const page = { jpeg: image.jpeg, left: 0, top: 0, width: 1, height: 1 };
  if (stampedPage === null) return { page, stamp: null };
  patchCanvas ??= canvasApi().createCanvas(CORNER.width, CORNER.height);
  const context = patchCanvas.getContext('2d');
  context.putImageData(image.corner, 0, 0);
  stamp(context, stampedPage, HEAVY_SCALE, CORNER.left, CORNER.top);
  return {
    page,
    stamp: {
      jpeg: patchCanvas.encodeSync('jpeg', HEAVY_QUALITY),
      left: CORNER.left / HEAVY_WIDTH,
      top: CORNER.top / HEAVY_HEIGHT,
      width: CORNER.width / HEAVY_WIDTH,
      height: CORNER.height / HEAVY_HEIGHT,
    },
  };
}
