/**
 * find.cold_ms and find.warm_ms: core's DossierSearch.find over the 1,000-page dossier (extracted
 * once), a fresh DossierSearch each run: the first find reads every document (cold), the second
 * finds in what it kept (warm). Peers, measured in the same run: pdf.js reading the same documents'
 * text directly (what any search must do first), and a bare indexOf over those texts.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractArchive } from '../src/core/archives';
import { DossierSearch, type SearchableDossier } from '../src/core/dossier-search';
import { pdfjsAssetOptions } from '../src/core/pdf/pdfjs-options';
import type { DossierSpec, WrittenDossier } from '../src/mock-portal/dossier';
import { median, round, say, timed } from './measure';
import { figure, type Figure } from './results';

/** Appears on a few pages of a generated dossier's typed records. */
export const FIND_TERM = '鉴定意见';

async function pdfjsTexts(folder: string, paths: readonly string[], password: string): Promise<string[]> {
  const texts: string[] = [];
  for (const path of paths) {
    const task = getDocument({ ...pdfjsAssetOptions(), data: new Uint8Array(await readFile(join(folder, path))), password });
    const pdf = await task.promise;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      page.cleanup();
    }
    await task.destroy();
  }
  return texts;
}

export async function findBench(options: { work: string; archive: WrittenDossier & { spec: DossierSpec }; runs: number }): Promise<{ cold: Figure; warm: Figure }> {
  const { archive, runs } = options;
  const folder = join(options.work, 'find-dossier');
  await rm(folder, { recursive: true, force: true });
  await extractArchive(archive.filePath, folder);
  const paths = archive.volumes.flatMap((volume) => volume.documents.map((document) => document.path));
  const dossier: SearchableDossier = { id: 'bench-find', folder, files: paths.map((path) => ({ path })) };
  const password = archive.spec.openPassword;

  const cold: number[] = [];
  const warm: number[] = [];
  const peerRead: number[] = [];
  const peerScan: number[] = [];
  let hits = 0;
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const search = new DossierSearch();
    cold.push(await timed(async () => {
      hits = (await search.find(dossier, FIND_TERM, [password])).hits.length;
    }));
    warm.push(await timed(async () => {
      pages = (await search.find(dossier, FIND_TERM, [password])).pages;
    }));
    let texts: string[] = [];
    peerRead.push(await timed(async () => {
      texts = await pdfjsTexts(folder, paths, password);
    }));
    peerScan.push(await timed(() => texts.reduce((count, text) => count + (text.includes(FIND_TERM) ? 1 : 0), 0)));
    say(`find run ${i + 1}/${runs}: cold ${Math.round(cold.at(-1) as number)} ms, warm ${round(warm.at(-1) as number, 1)} ms (pdf.js text ${Math.round(peerRead.at(-1) as number)} ms)`);
  }
  await rm(folder, { recursive: true, force: true });
  const details = { documents: paths.length, pages, hits, term: FIND_TERM };
  return {
    cold: figure(Math.round(median(cold)), 'ms', null, 'pdf.js (legacy build, same process) opening the same documents with the password and reading every page’s text', runs, {
      ...details,
      pdfjs_text_ms: Math.round(median(peerRead)),
      ratio_vs_pdfjs: round(median(cold) / median(peerRead), 2),
    }),
    warm: figure(round(median(warm), 1), 'ms', { op: '<', value: 100 }, 'a bare String.includes over the same pages’ text', runs, {
      ...details,
      includes_ms: round(median(peerScan), 2),
    }),
  };
}
