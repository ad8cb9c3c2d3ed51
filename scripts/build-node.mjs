// Builds the Node-side entry points that electron-vite does not: the `dossier` CLI.
import { build } from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';

await build({
  ...nodeBundle,
  // The OCR and PDF worker threads' scripts sit beside the CLI bundle that starts them.
  entryPoints: { 'cli/index': 'src/cli/index.ts', 'cli/ocr-worker': 'src/core/ocr/ocr-worker.ts', 'cli/pdf-worker': 'src/core/pdf-worker/pdf-worker.ts' },
  outdir: 'out',
  sourcemap: true,
  logLevel: 'warning',
});
