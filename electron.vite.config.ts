import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { mimeTypeFor } from './src/shared/renderer-assets';

/**
 * pdf.js resources the viewer loads from the app itself, never the network: CJK character maps,
 * the standard fonts, the wasm decoders (JBIG2, JPEG 2000, colour management) and ICC profiles.
 * Copied to `pdfjs/<folder>/` beside index.html (served from node_modules in development).
 * quickjs is left out: the viewer never runs scripts embedded in PDFs.
 */
const pdfjsFolders = ['cmaps', 'standard_fonts', 'wasm', 'iccs'] as const;
const pdfjsRoot = resolve('node_modules/pdfjs-dist');
const pdfjsSkipped = /^quickjs/;

function pdfjsFiles(): { name: string; path: string }[] {
  return pdfjsFolders.flatMap((folder) =>
    readdirSync(join(pdfjsRoot, folder))
      .filter((file) => !pdfjsSkipped.test(file) && statSync(join(pdfjsRoot, folder, file)).isFile())
      .map((file) => ({ name: `pdfjs/${folder}/${file}`, path: join(pdfjsRoot, folder, file) })),
  );
}

function pdfjsAssets(): Plugin {
  return {
    name: 'dossier-pdfjs-assets',
    configureServer(server) {
      const files = new Map(pdfjsFiles().map((file) => [`/${file.name}`, file.path]));
      server.middlewares.use((req, res, next) => {
        const path = files.get(decodeURIComponent((req.url ?? '').split('?')[0] ?? ''));
        if (!path) return next();
        res.setHeader('Content-Type', mimeTypeFor(path));
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      for (const file of pdfjsFiles()) this.emitFile({ type: 'asset', fileName: file.name, source: readFileSync(file.path) });
    },
  };
}

export default defineConfig({
  // Main: ESM (package.json says "type": "module"), our sources bundled, dependencies left in
  // node_modules (keytar is native, fastify and friends load their own files).
  main: {
    build: {
      outDir: 'out/main',
      // The OCR and PDF worker threads' scripts, beside the main bundle that starts them.
      rolldownOptions: {
        input: { index: resolve('src/main/index.ts'), 'ocr-worker': resolve('src/core/ocr/ocr-worker.ts'), 'pdf-worker': resolve('src/core/pdf-worker/pdf-worker.ts') },
      },
    },
  },
  // Preloads: run sandboxed, where only `electron` and a few built-ins can be required, so each is
  // one self-contained CommonJS file with zod and the shared code inlined. The 门户网站 toolbar's
  // preload shares no module with the app's, so no chunk is split off (were one ever shared, each
  // would need a build of its own: a sandboxed preload cannot require a chunk).
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts'), 'portal-toolbar': resolve('src/preload/portal-toolbar.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunk-[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: { outDir: resolve('out/renderer'), rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react(), pdfjsAssets()],
  },
});
