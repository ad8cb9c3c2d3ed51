// Builds the Node-side entry points that electron-vite does not: the `dossier` CLI.
import { build } from 'esbuild';

await build({
  entryPoints: { 'cli/index': 'src/cli/index.ts' },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
