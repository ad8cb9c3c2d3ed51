/**
 * find.after_import_ms and find.after_restart_ms: the first 全卷搜索 (dossier.find) once a dossier
 * is in 卷宗库 and its background reading (文字识别: text layer and OCR, into the encrypted text
 * store) is done, and the first one after the app restarts on the same data folder and library
 * (the store read back with its key from the keychain). Peer, in the same run: the same first find
 * on a core with background reading off, which decrypts and parses every PDF (cold), after the
 * import and after each restart alike. Cores are created as the app creates them (createCore),
 * with the OS keychain; the dossier is removed at the end, which takes its keys out of it again.
 */
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../src/core';
import type { DossierSpec, WrittenDossier } from '../src/mock-portal/dossier';
import type { OcrStatus } from '../src/shared/ocr';
import type { FindResult } from '../src/shared/viewer';
import { FIND_TERM } from './find-bench';
import { median, round, say, timed } from './measure';
import { failedFigure, figure, type Figure } from './results';

/** No portal answers here: the library needs none. */
const NO_PORTAL = 'http://127.0.0.1:9';
/** Longest the background reading of the bench dossier may take before the run gives up. */
const READING_LIMIT_MS = 60 * 60_000;

function openCore(root: string, side: string, backgroundReading: boolean): Promise<Core> {
  return createCore({
    portalUrl: NO_PORTAL,
    dataDir: join(root, side, 'data'),
    defaultLibraryFolder: join(root, side, '卷宗台'),
    appVersion: '0.0.0-bench',
    secretStore: 'keychain',
    backgroundReading,
    libraryHooks: { trashItem: (path) => rm(path, { recursive: true, force: true }) },
  });
}

/** Resolves when `check` (run now and on every event of the dossier) says done; rejects on its error or after `limitMs`. */
function until<T>(core: Core, limitMs: number, what: string, subscribe: (core: Core, wake: () => void) => () => void, check: () => Promise<T | null>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      off();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(value as T);
    };
    const wake = () => void check().then((value) => value !== null && finish(null, value), (error: unknown) => finish(error));
    const guard = setTimeout(() => finish(new Error(`${what} took over ${limitMs / 60_000} min`)), limitMs);
    const off = subscribe(core, wake);
    wake();
  });
}

async function importDossier(core: Core, archive: WrittenDossier & { spec: DossierSpec }): Promise<string> {
  const { id } = await core.api['library.import']({ source: { kind: 'path', path: archive.filePath }, password: archive.spec.openPassword });
  await until(core, 10 * 60_000, 'extraction', (c, wake) => c.on('library.changed', (change) => change.id === id && wake()), async () => {
    const dossier = (await core.api['library.list']({})).find((entry) => entry.id === id);
    const state = dossier?.extraction.state;
    if (state === 'failed' || state === 'needs-password') throw new Error(`extraction ${state}`);
    return state === 'extracted' ? true : null;
  });
  return id;
}

/** Imports the dossier and resolves once its background reading says done (every page read). */
async function importAndRead(core: Core, archive: WrittenDossier & { spec: DossierSpec }): Promise<{ id: string; status: OcrStatus }> {
  // Recorded from before the import: the reading may start while the import call is still answering.
  const seen = new Map<string, OcrStatus>();
  const stopRecording = core.on('ocr.progress', (status) => seen.set(status.dossierId, status));
  try {
    const id = await importDossier(core, archive);
    const status = await until(core, READING_LIMIT_MS, 'background reading', (c, wake) => c.on('ocr.progress', (s) => s.dossierId === id && wake()), async () => {
      const last = seen.get(id);
      if (last?.state === 'failed') throw new Error(`background reading failed: ${last.error?.message ?? 'unknown'}`);
      return last?.state === 'done' ? last : null;
    });
    return { id, status };
  } finally {
    stopRecording();
  }
}

async function firstFind(core: Core, id: string): Promise<{ ms: number; result: FindResult }> {
  let result: FindResult | undefined;
  const ms = await timed(async () => {
    result = await core.api['dossier.find']({ dossierId: id, query: FIND_TERM });
  });
  return { ms, result: result as FindResult };
}

export async function readingBench(options: { work: string; archive: WrittenDossier & { spec: DossierSpec }; runs: number }): Promise<{ afterImport: Figure; afterRestart: Figure }> {
  const root = join(options.work, 'reading');
  await rm(root, { recursive: true, force: true });
  const load = loadavg()[0] as number;

  // Peer: reading off, first find after the import and after each restart.
  const cold: number[] = [];
  let coldHits = 0;
  let coldId = '';
  for (let run = 0; run <= options.runs; run++) {
    const core = await openCore(root, 'cold', false);
    try {
      if (run === 0) coldId = await importDossier(core, options.archive);
      const { ms, result } = await firstFind(core, coldId);
      cold.push(ms);
      coldHits = result.hits.length;
      say(`find (reading off) ${run === 0 ? 'after import' : `after restart ${run}`}: ${Math.round(ms)} ms, ${result.hits.length} hits in ${result.pages} pages`);
      if (run === options.runs) await core.api['library.remove']({ id: coldId });
    } finally {
      await core.close();
    }
  }

  // Reading on: import, wait until every page is read, first find; then restarts.
  let id = '';
  let keychain = false;
  let readingSeconds = 0;
  let status: OcrStatus | null = null;
  let afterImportMs = 0;
  let hits = 0;
  const restarts: number[] = [];
  const restartStates: string[] = [];
  for (let run = 0; run <= options.runs; run++) {
    const core = await openCore(root, 'reading', true);
    try {
      if (run === 0) {
        keychain = (await core.api['app.info']({})).secretStore === 'keychain';
        const started = performance.now();
        ({ id, status } = await importAndRead(core, options.archive));
        readingSeconds = (performance.now() - started) / 1000;
        say(`background reading: ${status.pagesDone} pages (${status.pagesRecognised} by OCR) in ${Math.round(readingSeconds)} s`);
        const { ms, result } = await firstFind(core, id);
        afterImportMs = ms;
        hits = result.hits.length;
        say(`find after import and reading: ${Math.round(ms)} ms, ${hits} hits in ${result.pages} pages`);
      } else {
        const { ms, result } = await firstFind(core, id);
        restarts.push(ms);
        const [state] = await core.api['ocr.status']({ dossierId: id });
        restartStates.push(state?.state ?? 'none');
        say(`find after restart ${run}: ${Math.round(ms)} ms, ${result.hits.length} hits (reading ${state?.state ?? 'none'})`);
      }
      if (run === options.runs) await core.api['library.remove']({ id });
    } finally {
      await core.close();
    }
  }
  await rm(root, { recursive: true, force: true });

  const coldMedian = median(cold);
  const details = { term: FIND_TERM, hits, cold_hits: coldHits, cold_ms: Math.round(coldMedian), pages: status?.pagesDone ?? 0, pages_by_ocr: status?.pagesRecognised ?? 0, load_average_at_start: round(load, 2) };
  const peer = 'the same first find on a core with background reading off (decrypting and parsing every PDF), after the import and after each restart';
  const afterImport = figure(Math.round(afterImportMs), 'ms', null, peer, 1, {
    ...details,
    ratio_vs_cold: round(afterImportMs / coldMedian, 3),
    reading_s: Math.round(readingSeconds),
  });
  const afterRestart = keychain
    ? figure(Math.round(median(restarts)), 'ms', null, peer, options.runs, {
        ...details,
        ratio_vs_cold: round(median(restarts) / coldMedian, 3),
        reading_state_after_restart: [...new Set(restartStates)].join(','),
      })
    : failedFigure('ms', null, peer, 'no OS keychain here: the text store is kept in memory for one run only, so a restart finds nothing stored');
  return { afterImport, afterRestart };
}
