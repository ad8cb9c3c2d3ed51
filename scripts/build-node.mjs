// Builds the Node-side entry points that electron-vite does not: the `dossier` CLI.
import { build } from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';

await build({
  ...nodeBundle,
  // The OCR worker thread's script sits beside the CLI bundle that starts it.
  entryPoints: { 'cli/index': 'src/cli/index.ts', 'cli/ocr-worker': 'src/core/ocr/ocr-worker.ts' },
  outdir: 'out',
  sourcemap: true,
  logLevel: 'warning',
});
