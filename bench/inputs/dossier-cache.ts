/**
 * Generated inputs cached under .tmp/bench/inputs/<name>-<key>/, the key a digest of the spec and of
 * the generator's sources: a later run reuses them, a changed generator or spec makes them anew.
 * Missing ones are generated in child processes, two at a time (one per core here).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DossierSpec, WrittenDossier } from '../../src/mock-portal/dossier';
import { say } from '../measure';
import { BENCH_DOSSIERS, type BenchDossierName } from './bench-dossiers';

export type BenchInputs = Partial<Record<BenchDossierName, WrittenDossier & { spec: DossierSpec }>>;

async function generatorFingerprint(root: string): Promise<string> {
  const folder = join(root, 'src', 'mock-portal', 'dossier');
  const hash = createHash('sha256');
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    hash.update(name).update(await readFile(join(folder, name)));
  }
  return hash.digest('hex');
}

function runChild(script: string, spec: DossierSpec, file: string): Promise<WrittenDossier> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(spec), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as WrittenDossier);
      else reject(new Error(`generating ${file} failed (exit ${code})`));
    });
  });
}

/** The inputs `names` (default every one); inputs of older keys are removed, the others' caches kept. */
export async function benchInputs(root: string, buildDir: string, names: readonly BenchDossierName[] = Object.keys(BENCH_DOSSIERS) as BenchDossierName[], parallel = 2): Promise<BenchInputs> {
  const base = join(root, '.tmp', 'bench', 'inputs');
  await mkdir(base, { recursive: true });
  const fingerprint = await generatorFingerprint(root);
  const folders = new Map(
    (Object.keys(BENCH_DOSSIERS) as BenchDossierName[]).map((name) => {
      const spec: DossierSpec = BENCH_DOSSIERS[name];
      const key = createHash('sha256').update(JSON.stringify(spec)).update(fingerprint).digest('hex').slice(0, 16);
      return [name, join(base, `${name}-${key}`)];
    }),
  );
  // Inputs of older keys would only fill the disk.
  const current = new Set([...folders.values()].map((folder) => folder.split(/[\\/]/).pop()));
  for (const entry of await readdir(base)) if (!current.has(entry)) await rm(join(base, entry), { recursive: true, force: true });

  const result = {} as BenchInputs;
  const missing: BenchDossierName[] = [];
  for (const name of new Set(names)) {
    const meta = join(folders.get(name) as string, 'written.json');
    if (existsSync(meta)) {
      const written = JSON.parse(await readFile(meta, 'utf8')) as WrittenDossier;
      if (existsSync(written.filePath)) {
        result[name] = { ...written, spec: BENCH_DOSSIERS[name] };
        continue;
      }
    }
    missing.push(name);
  }
  if (missing.length > 0) say(`generating ${missing.join(', ')} (cached for later runs)`);
  const queue = [...missing];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const folder = folders.get(name) as string;
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      const started = Date.now();
      const spec: DossierSpec = BENCH_DOSSIERS[name];
      const written = await runChild(join(buildDir, 'generate-child.mjs'), spec, join(folder, `dossier.${spec.format}`));
      await writeFile(join(folder, 'written.json'), JSON.stringify(written));
      say(`generated ${name}: ${spec.pages} pages, ${(written.size / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      result[name] = { ...written, spec };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return result;
}
