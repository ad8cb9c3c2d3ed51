/**
 * The CJK font embedded (as a subset) in every text page: resources/fonts/dossier-sans-sc.ttf,
 * a GB 2312 + ASCII + Kangxi-radical subset of Noto Sans CJK SC (see resources/fonts/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

export const DOSSIER_FONT_FILE = 'dossier-sans-sc.ttf';
/** Drawn for characters the subset lacks, so the text layer never carries .notdef glyphs. */
export const MISSING_GLYPH = '□';

/** Candidate folders: beside the sources (src/…), the bundles (out/cli, out/main) and a packaged app. */
function fontCandidates(): string[] {
  const candidates: string[] = [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 7; depth++) {
    candidates.push(join(dir, 'resources', 'fonts', DOSSIER_FONT_FILE));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts', DOSSIER_FONT_FILE));
  return candidates;
}

let cachedBytes: Buffer | undefined;

export function dossierFontBytes(): Buffer {
  if (cachedBytes) return cachedBytes;
  const candidates = fontCandidates();
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`dossier font ${DOSSIER_FONT_FILE} not found (looked in ${candidates.join(', ')})`);
  cachedBytes = readFileSync(found);
  return cachedBytes;
}

/** Advance widths in em and the set of code points with glyphs, read once. */
export interface FontMetrics {
  has(codePoint: number): boolean;
  /** Width of `text` at 1 pt. */
  width(text: string): number;
}

let cachedMetrics: FontMetrics | undefined;

export function dossierFontMetrics(): FontMetrics {
  if (cachedMetrics) return cachedMetrics;
  const font = fontkit.create(dossierFontBytes());
  const available = new Set(font.characterSet);
  const widths = new Map<number, number>();
  const advance = (codePoint: number): number => {
    let value = widths.get(codePoint);
    if (value === undefined) {
      value = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      widths.set(codePoint, value);
    }
    return value;
  };
  cachedMetrics = {
    has: (codePoint) => available.has(codePoint),
    width(text) {
      let total = 0;
      for (const char of text) total += advance(char.codePointAt(0) ?? 0x25a1);
      return total;
    },
  };
  return cachedMetrics;
}

/** Replaces characters the subset cannot draw (rare names, emoji) and control characters. */
export function drawableText(text: string): string {
  const metrics = dossierFontMetrics();
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += codePoint < 0x20 ? '' : metrics.has(codePoint) ? char : MISSING_GLYPH;
  }
  return out;
}

/** The parsed font, shared by every PDF: parsing 2 MB per document was a good share of the time. */
let parsedFont: fontkit.Font | undefined;

/**
 * @pdf-lib/fontkit with a subset the PDF library can serialise: the fork calls `subset.encode()`
 * with no stream when it exists, which @pdf-lib/fontkit's `encode(stream)` cannot take, so the
 * subset is offered through `encodeStream()` only. Fonts are only read, so our font is parsed once.
 */
export const dossierFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const shared = buffer === cachedBytes && postscriptName === undefined;
    const font = shared ? (parsedFont ??= fontkit.create(buffer)) : fontkit.create(buffer, postscriptName);
    const createSubset = () => {
      const subset = font.createSubset();
      return {
        includeGlyph: (glyph: number | fontkit.Glyph) => subset.includeGlyph(glyph),
        encodeStream: () => subset.encodeStream(),
      };
    };
    return new Proxy(font, {
      get: (target, key) => (key === 'createSubset' ? createSubset : Reflect.get(target, key, target)),
    }) as unknown as ReturnType<Fontkit['create']>;
  },
};
