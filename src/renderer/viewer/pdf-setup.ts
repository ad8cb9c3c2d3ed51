/**
 * pdf.js as the viewer uses it: the legacy build (it carries the few newest-JavaScript helpers the
 * modern build expects from the engine, so it runs in every Chromium the app meets), its worker
 * from the app's own assets, and cMaps, standard fonts, wasm decoders and ICC profiles from the
 * `pdfjs/` folder the build ships beside index.html — never from the network.
 */
import { GlobalWorkerOptions, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function resourceFolder(folder: 'cmaps' | 'standard_fonts' | 'wasm' | 'iccs'): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href;
}

/** The getDocument options every document opens with (besides its range transport). */
export function pdfOptions() {
  return {
    cMapUrl: resourceFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: resourceFolder('standard_fonts'),
    wasmUrl: resourceFolder('wasm'),
    iccUrl: resourceFolder('iccs'),
    // Only the ranges the shown pages need: no prefetching, no streaming of the whole file.
    disableAutoFetch: true,
    disableStream: true,
    rangeChunkSize: 1024 * 1024,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  };
}
