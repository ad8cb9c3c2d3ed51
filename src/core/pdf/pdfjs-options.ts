/**
 * The options every pdf.js document in Node is opened with: its own CMaps and standard fonts from
 * the installed pdfjs-dist (CJK text needs the CMaps), and no eval of document-supplied code.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PdfjsAssetOptions {
  cMapUrl: string;
  cMapPacked: true;
  standardFontDataUrl: string;
  wasmUrl: string;
  /** pdf.js 6 compiles nothing from documents and ignores it; explicit should an older build run. */
  isEvalSupported: false;
  useSystemFonts: false;
  verbosity: 0;
}

let cached: PdfjsAssetOptions | undefined;

/** Folder paths with the trailing slash pdf.js requires; in Node it reads them with fs. */
export function pdfjsAssetOptions(): PdfjsAssetOptions {
  if (cached) return cached;
  // Resolved from wherever this code runs (sources, the bundled CLI, the app): pdfjs-dist stays external.
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => `${join(root, name)}/`;
  cached = {
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  };
  return cached;
}
