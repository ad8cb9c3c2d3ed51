/**
 * Where a worker thread's script is. Bundles (the CLI, the Electron main process) carry it beside
 * themselves as <name>.mjs / <name>.js (a packaged app's is unpacked from its asar). Run from
 * sources (tests), it is bundled on first use with esbuild into node_modules/.cache, where its
 * packages resolve as the sources' do. The PDF reader's and the OCR engine's workers are found so.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = new Map<string, Promise<URL>>();

/** `source`: the entry's source file (a .ts path), bundled when no built script sits beside this code. */
export function workerScript(name: string, source: string): Promise<URL> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const file of [`${name}.mjs`, `${name}.js`]) {
    const beside = join(here, file);
    // In a packaged app the worker and what it imports are unpacked beside the asar (electron-builder.yml).
    if (existsSync(beside)) return Promise.resolve(pathToFileURL(beside.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')));
  }
  let script = built.get(name);
  if (!script) {
    script = buildFromSources(name, source);
    built.set(name, script);
  }
  return script;
}

async function buildFromSources(name: string, source: string): Promise<URL> {
  if (!existsSync(source)) throw new Error(`${name} script not found: ${source}`);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const outfile = join(root, 'node_modules', '.cache', 'dossier-desk', `${name}.mjs`);
  await mkdir(dirname(outfile), { recursive: true });
  // A development-only dependency: imported here, never in a bundle (bundles carry the script).
  const { build } = await import('esbuild');
  // Test files run in parallel processes: each writes its own copy, then renames it into place.
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp.mjs`;
  await build({ entryPoints: [source], outfile: temp, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning' });
  await rename(temp, outfile);
  return pathToFileURL(outfile);
}
