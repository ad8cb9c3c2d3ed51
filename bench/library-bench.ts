/**
 * library.list_ms_1000: core's LibraryService listing (list()) and searching (list(q)) a library of
 * 1,000 dossiers. Built for real, quickly: a few generated archives are imported through
 * importArchive (copied, extracted with 7za, pages counted), then their folders are copied under new
 * dossier.json records written with the library's own writer (new id, case name, unit, date) to
 * make 1,000, and a fresh LibraryService rebuilds its index from disk with load(), as after the
 * library folder was moved to a new machine.
 */
import { randomBytes } from 'node:crypto';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DossierPasswordStore } from '../src/core/dossier-passwords';
import { EventHub } from '../src/core/events/event-hub';
import { LibraryService } from '../src/core/library';
import { readDossierRecord, writeDossierRecord } from '../src/core/library/dossier-record';
import { MemorySecretStore } from '../src/core/secrets';
import type { WrittenDossier } from '../src/mock-portal/dossier';
import { median, round, say, timed } from './measure';
import { figure, type Figure } from './results';

export const LIBRARY_SIZE = 1_000;
const IMPORTED = 5;
/** Matches the case names of about a tenth of the library. */
export const LIBRARY_QUERY = '诈骗';

const SURNAMES = ['陈', '刘', '王', '张', '李', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁'];
const CHARGES = ['危险驾驶', '盗窃', '合同诈骗', '故意伤害', '交通肇事', '非法吸收公众存款', '职务侵占', '寻衅滋事', '开设赌场', '帮助信息网络犯罪活动'];
const UNITS = ['重庆市涪陵区人民检察院', '北京市朝阳区人民检察院', '上海市浦东新区人民检察院', '广州市天河区人民检察院', '成都市武侯区人民检察院', '杭州市西湖区人民检察院'];

function caseName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}某${i >= SURNAMES.length ? String(i) : ''}涉嫌${CHARGES[Math.floor(i / SURNAMES.length) % CHARGES.length]}案`;
}

function openLibrary(root: string): LibraryService {
  return new LibraryService({
    dataDir: join(root, 'data'),
    folder: () => join(root, '卷宗台'),
    passwords: new DossierPasswordStore(new MemorySecretStore()),
    events: new EventHub(),
    trashItem: (path) => rm(path, { recursive: true, force: true }),
    revealItem: async () => undefined,
  });
}

export async function libraryBench(options: { work: string; archive: WrittenDossier; runs: number }): Promise<Figure> {
  const root = join(options.work, 'library');
  await rm(root, { recursive: true, force: true });
  const managed = join(root, '卷宗台');

  const importing = openLibrary(root);
  await importing.load();
  const imported: string[] = [];
  for (let i = 0; i < IMPORTED; i++) {
    const summary = await importing.importArchive({ archivePath: options.archive.filePath, caseName: caseName(i) });
    await importing.whenIdle(summary.id);
    imported.push(importing.folderOf(summary.id));
  }
  await importing.close();

  const started = Date.parse('2025-01-06T09:00:00Z');
  for (let i = IMPORTED; i < LIBRARY_SIZE; i++) {
    const source = imported[i % IMPORTED] as string;
    const folder = join(managed, `${caseName(i)}`);
    await cp(source, folder, { recursive: true });
    const read = await readDossierRecord(folder);
    if (!read) throw new Error(`no dossier.json in ${source}`);
    await writeDossierRecord(folder, {
      ...read.record,
      id: `imp-${randomBytes(8).toString('hex')}`,
      caseName: caseName(i),
      unit: UNITS[i % UNITS.length] as string,
      addedAt: new Date(started + i * 3_600_000).toISOString(),
    });
  }
  await rm(join(root, 'data', 'library-index.json'), { force: true });
  if ((await readdir(managed)).length !== LIBRARY_SIZE) throw new Error('the library folder does not hold every dossier');

  const library = openLibrary(root);
  const rebuildMs = await timed(() => library.load());
  try {
    const listMs: number[] = [];
    const searchMs: number[] = [];
    let listed = 0;
    let found = 0;
    // Warm-up: the first call pays for JIT compilation, not for the library.
    library.list();
    library.list(LIBRARY_QUERY);
    for (let i = 0; i < options.runs; i++) {
      listMs.push(await timed(() => (listed = library.list().length)));
      searchMs.push(await timed(() => (found = library.list(LIBRARY_QUERY).length)));
    }
    if (listed !== LIBRARY_SIZE) throw new Error(`list() gave ${listed} dossiers, not ${LIBRARY_SIZE}`);
    const total = listMs.map((ms, i) => ms + (searchMs[i] as number));
    say(`library: rebuilt in ${Math.round(rebuildMs)} ms; list ${round(median(listMs), 2)} ms, search ${round(median(searchMs), 2)} ms`);
    return figure(round(median(total), 2), 'ms', { op: '<', value: 50 }, `absolute goal; for scale, load() rebuilding the index from the ${LIBRARY_SIZE} dossier.json files took ${Math.round(rebuildMs)} ms`, options.runs, {
      list_ms: round(median(listMs), 2),
      search_ms: round(median(searchMs), 2),
      query: LIBRARY_QUERY,
      matched: found,
      imported_for_real: IMPORTED,
      rebuild_ms: Math.round(rebuildMs),
    });
  } finally {
    await library.close();
    await rm(root, { recursive: true, force: true });
  }
}
