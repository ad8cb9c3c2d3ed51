// Draws the app icon (a dossier sheet with a red seal on a navy tile) and writes the files the
// installers use: resources/icon.png (1024×1024, Linux and the source of the rest),
// resources/icon.ico (Windows, 16–256 px) and resources/icon.icns (macOS, 16–1024 px).
// Every size is drawn from the shapes themselves, not scaled down from the large one.
// Run: node scripts/draw-icon.mjs
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';

const resources = resolve(import.meta.dirname, '..', 'resources');

// The drawing lives on a 1024-unit canvas; each shape answers "is this point inside me".
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => (x, y) => circle(cx, cy, r)(x, y) && !circle(cx, cy, r - width)(x, y);
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const star = (cx, cy, outer, inner) =>
  polygon(
    Array.from({ length: 10 }, (_, i) => {
      const radius = i % 2 === 0 ? outer : inner;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
    }),
  );

const tile = roundedRect(64, 64, 960, 960, 190);
const sheetBody = roundedRect(282, 200, 742, 832, 28);
const fold = 120;
const foldCut = polygon([[742 - fold, 200], [742 + 1, 200], [742 + 1, 200 + fold]]);
const sheet = (x, y) => sheetBody(x, y) && !foldCut(x, y);
const foldFlap = polygon([[742 - fold, 200], [742 - fold, 200 + fold], [742, 200 + fold]]);
const lines = [372, 440, 508, 576].map((y, i) => roundedRect(352, y, i === 3 ? 560 : 672, y + 22, 11));
const seal = ring(612, 700, 104, 20);
const sealStar = star(612, 700, 58, 24);

/** Layers bottom to top: shape and colour (the tile's colour is a vertical gradient). */
const layers = [
  { inside: tile, colour: (_x, y) => mix([46, 80, 130], [22, 42, 78], (y - 64) / 896) },
  { inside: sheet, colour: () => [247, 240, 222] },
  { inside: foldFlap, colour: () => [214, 203, 176] },
  ...lines.map((inside) => ({ inside, colour: () => [120, 138, 168] })),
  { inside: seal, colour: () => [200, 40, 36] },
  { inside: sealStar, colour: () => [200, 40, 36] },
];

function mix(a, b, t) {
  const k = Math.min(1, Math.max(0, t));
  return a.map((v, i) => v + (b[i] - v) * k);
}

/** One size, anti-aliased by sampling each pixel on a grid and averaging coverage. */
export function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  const samples = size <= 64 ? 6 : size <= 256 ? 4 : 2;
  const unit = 1024 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * unit;
          const y = (py + (sy + 0.5) / samples) * unit;
          let colour = null;
          for (const layer of layers) if (layer.inside(x, y)) colour = layer.colour(x, y);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a ? Math.round(r / a) : 0;
      png.data[offset + 1] = a ? Math.round(g / a) : 0;
      png.data[offset + 2] = a ? Math.round(b / a) : 0;
      png.data[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png);
}

/** ICO with PNG-compressed entries (Windows Vista and later read them). */
export function icoFile(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** ICNS with PNG entries, keyed by the OSType macOS reads for each pixel size. */
export function icnsFile(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, chunk) => n + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** OSType → pixel size (the @2x types reuse the larger drawings). */
export const icnsTypes = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

if (process.argv[1] === import.meta.filename) {
  const sizes = [...new Set([...icoSizes, ...Object.values(icnsTypes), 1024])];
  const drawn = new Map(sizes.map((size) => [size, drawIcon(size)]));
  writeFileSync(resolve(resources, 'icon.png'), drawn.get(1024));
  writeFileSync(resolve(resources, 'icon.ico'), icoFile(icoSizes.map((size) => ({ size, png: drawn.get(size) }))));
  writeFileSync(
    resolve(resources, 'icon.icns'),
    icnsFile(Object.entries(icnsTypes).map(([type, size]) => ({ type, png: drawn.get(size) }))),
  );
  console.warn(`icon.png, icon.ico, icon.icns written to ${resources}`);
}
