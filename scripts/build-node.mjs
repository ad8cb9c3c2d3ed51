// Builds the Node-side entry points that electron-vite does not: the `dossier` CLI.
import { build } from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';

await build({
  ...nodeBundle,
  entryPoints: { 'cli/index': 'src/cli/index.ts' },
  outdir: 'out',
  sourcemap: true,
  logLevel: 'warning',
});
