/**
 * extract.ratio_vs_7za: core's extractArchive (list, vet, space check, 7za into a staging folder,
 * walk, rename into place; progress on, as the library runs it) against the same 7za run directly
 * (`7za x -y -o<dir> archive`) on the same archive, alternating, each into a fresh folder.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extractArchive } from '../src/core/archives';
import { sevenZipBinary } from '../src/core/archives/seven-zip-binary';
import type { WrittenDossier } from '../src/mock-portal/dossier';
import { mustRun } from './children';
import { flushDisk, median, round, say, timed } from './measure';
import { figure, type Figure } from './results';

export async function extractBench(options: { work: string; archive: WrittenDossier; runs: number }): Promise<Figure> {
  const { archive, runs } = options;
  const sevenZip = await sevenZipBinary();
  // The environment core gives 7za (UTF-8 names), so both sides do the same work.
  const env = process.platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  const version = /7-Zip[^\n[]*?\d+\.\d+/.exec((await mustRun(sevenZip, ['i'], { env })).stdout)?.[0]?.trim() ?? '7za';
  const target = join(options.work, 'extract-target');
  const appMs: number[] = [];
  const peerMs: number[] = [];
  const appRun = async () => {
    await rm(target, { recursive: true, force: true });
    flushDisk();
    appMs.push(await timed(() => extractArchive(archive.filePath, target, { onProgress: () => undefined })));
  };
  const peerRun = async () => {
    await rm(target, { recursive: true, force: true });
    flushDisk();
    peerMs.push((await mustRun(sevenZip, ['x', '-y', `-o${target}`, archive.filePath], { env })).ms);
  };
  await peerRun();
  await appRun();
  appMs.length = 0;
  peerMs.length = 0;
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await peerRun();
      await appRun();
    } else {
      await appRun();
      await peerRun();
    }
    say(`extract run ${i + 1}/${runs}: 7za ${Math.round(peerMs.at(-1) as number)} ms, app ${Math.round(appMs.at(-1) as number)} ms`);
  }
  await rm(target, { recursive: true, force: true });
  const app = median(appMs);
  const peer = median(peerMs);
  return figure(round(app / peer, 3), 'ratio', { op: '<=', value: 1.05 }, `${version} (7zip-bin's 7za) run directly: 7za x -y -o<dir> on the same ${Math.round(archive.size / 1e6)} MB zip`, runs, {
    app_ms: Math.round(app),
    '7za_ms': Math.round(peer),
    size_mb: round(archive.size / 1e6, 1),
  });
}
