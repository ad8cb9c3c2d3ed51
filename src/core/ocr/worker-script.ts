/**
 * Where the OCR worker's script is. Bundles (the CLI, the Electron main process) carry it beside
 * themselves as ocr-worker.mjs / ocr-worker.js (a packaged app's is unpacked from its asar). Run
 * from sources (tests), it is bundled on first use with esbuild into node_modules/.cache, where
 * its packages resolve as the sources' do.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let built: Promise<URL> | undefined;

export function ocrWorkerScript(): Promise<URL> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of ['ocr-worker.mjs', 'ocr-worker.js']) {
    const beside = join(here, name);
    // In a packaged app the worker and what it imports are unpacked beside the asar (electron-builder.yml).
    if (existsSync(beside)) return Promise.resolve(pathToFileURL(beside.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')));
  }
  built ??= buildFromSources(here);
  return built;
}

async function buildFromSources(here: string): Promise<URL> {
  const source = join(here, 'ocr-worker.ts');
  if (!existsSync(source)) throw new Error(`OCR worker script not found beside ${here}`);
  const root = resolve(here, '../../..');
  const outfile = join(root, 'node_modules', '.cache', 'dossier-desk', 'ocr-worker.mjs');
  await mkdir(dirname(outfile), { recursive: true });
  // A development-only dependency: imported here, never in a bundle (bundles carry the script).
  const { build } = await import('esbuild');
  // Test files run in parallel processes: each writes its own copy, then renames it into place.
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({ entryPoints: [source], outfile: temp, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning' });
  await rename(temp, outfile);
  return pathToFileURL(outfile);
}
