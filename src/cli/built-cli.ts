// For tests on real processes: the CLI bundled as `npm run build` bundles it, run through bin/dossier.mjs.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(import.meta.dirname, '../..');

export interface BuiltCli {
  /** A package of its own (package.json with the `dossier` bin), so npm can run it as it runs the repo's. */
  dir: string;
  /** Its bin/dossier.mjs, a copy of the repo's, beside out/cli as in the repo. */
  bin: string;
  remove(): Promise<void>;
}

export async function buildCli(): Promise<BuiltCli> {
  // Inside the repo's node_modules, so the bundle finds the packages as out/cli does.
  const dir = await mkdtemp(join(repo, 'node_modules', '.cache-built-cli-'));
  // As scripts/node-bundle.mjs has it (a .mjs without types, so not imported here).
  await build({
    // The worker threads' scripts beside the CLI, as scripts/build-node.mjs puts them.
    entryPoints: {
      'cli/index': join(repo, 'src/cli/index.ts'),
      'cli/pdf-worker': join(repo, 'src/core/pdf-worker/pdf-worker.ts'),
      'cli/ocr-worker': join(repo, 'src/core/ocr/ocr-worker.ts'),
    },
    outdir: join(dir, 'out'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  await mkdir(join(dir, 'bin'));
  const bin = join(dir, 'bin', 'dossier.mjs');
  await copyFile(join(repo, 'bin', 'dossier.mjs'), bin);
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'dossier-built-cli', version: '0.0.0', private: true, type: 'module', bin: { dossier: 'bin/dossier.mjs' } })}\n`);
  return { dir, bin, remove: () => rm(dir, { recursive: true, force: true }) };
}
