#!/usr/bin/env node
// `npm run bench`: builds the app when out/ is missing, bundles the benchmark (TypeScript, importing
// core and the mock portal from src/) into .tmp/bench/build, and runs it. See bench/main.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeBundle } from '../scripts/node-bundle.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major !== 22 || minor < 13) {
  process.stderr.write(`bench: runs under Node.js 22 (22.13 or newer), not ${process.version}\n`);
  process.exit(1);
}
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync(join(root, 'out', 'cli', 'index.mjs')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stdout.write('bench: out/ is missing, running npm run build first\n');
  const built = spawnSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { build } = await import('esbuild');
const outdir = join(root, '.tmp', 'bench', 'build');
await build({
  ...nodeBundle,
  entryPoints: {
    main: join(root, 'bench', 'main.ts'),
    'generate-child': join(root, 'bench', 'inputs', 'generate-child.ts'),
    'download-child': join(root, 'bench', 'download', 'download-child.ts'),
    // Core starts its OCR worker from the script beside the running bundle.
    'ocr-worker': join(root, 'src', 'core', 'ocr', 'ocr-worker.ts'),
  },
  outdir,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(join(outdir, 'main.mjs')).href);
process.exitCode = await main({ root, argv: process.argv.slice(2) });
