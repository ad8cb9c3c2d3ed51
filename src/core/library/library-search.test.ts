// Listing and searching the library: by case, unit or file name, folded for full-width forms and case.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sevenZipPack } from '../archives/test-archives';
import type { DossierRecord } from './dossier-record';
import { closeTestLibraries, makePdf, openTestLibrary } from './library-test-kit';

let work: string;
let zipA: string;
let zipB: string;

async function pack(name: string, files: Record<string, Uint8Array>): Promise<string> {
  const source = join(work, `${name}-src`);
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(source, path)), { recursive: true });
    await writeFile(join(source, path), bytes);
  }
  const out = join(work, name);
  await sevenZipPack(source, out, ['-tzip']);
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'library-search-'));
  zipA = await pack('ABC贸易公司走私案.zip', { '第一卷/01_起诉意见书.pdf': await makePdf(1), '第二卷/01_讯问笔录（张三）.pdf': await makePdf(1) });
  zipB = await pack('李四故意伤害案.zip', { '第一卷/01_鉴定意见书.pdf': await makePdf(1) });
});

afterEach(closeTestLibraries);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('list and search', () => {
  it('finds dossiers by case name, unit or file name, whatever the width or case typed', async () => {
    const kit = await openTestLibrary();
    const a = await kit.library.importArchive({ archivePath: zipA });
    const folder = await kit.library.prepareDownloadFolder({ id: 'appt-9', caseName: '李四故意伤害案', unit: '重庆市涪陵区人民检察院' });
    await copyFile(zipB, join(folder, '李四故意伤害案.zip'));
    const bytes = await readFile(zipB);
    await kit.library.addDownloaded({
      id: 'appt-9',
      caseName: '李四故意伤害案',
      unit: '重庆市涪陵区人民检察院',
      archivePath: join(folder, '李四故意伤害案.zip'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
    await kit.library.whenIdle('appt-9');

    const ids = (q?: string) => kit.library.list(q).map((summary) => summary.id);
    // Newest first.
    expect(ids()).toEqual(['appt-9', a.id]);
    expect(ids('abc贸易')).toEqual([a.id]);
    expect(ids('ＡＢＣ')).toEqual([a.id]);
    expect(ids('涪陵')).toEqual(['appt-9']);
    // Kangxi radical ⼈ (U+2F08) as copied from a PDF text layer.
    expect(ids('⼈民检察院')).toEqual(['appt-9']);
    expect(ids('没有这个')).toEqual([]);

    const byFile = kit.library.list('讯问笔录');
    expect(byFile.map((summary) => [summary.id, summary.matchedFiles])).toEqual([[a.id, ['第二卷/01_讯问笔录（张三）.pdf']]]);
    // Full-width digits and brackets typed by the lawyer, ASCII ones in the name, or the other way round.
    expect(kit.library.list('０１_鉴定').map((summary) => [summary.id, summary.matchedFiles])).toEqual([['appt-9', ['第一卷/01_鉴定意见书.pdf']]]);
    expect(kit.library.list('笔录(张三)')[0]?.matchedFiles).toEqual(['第二卷/01_讯问笔录（张三）.pdf']);
    // A case or unit match lists no files.
    expect(kit.library.list('李四')[0]?.matchedFiles).toEqual([]);
  }, 30_000);

  it('lists and searches a library of 1,000 dossiers', async () => {
    const kit = await openTestLibrary({ load: false });
    const units = ['北京市海淀区人民检察院', '上海市浦东新区人民检察院', '重庆市涪陵区人民检察院'];
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 1000; i++) {
      const n = String(i).padStart(4, '0');
      const record: DossierRecord = {
        version: 1,
        id: `imp-${n}`,
        caseName: `第${n}号 被告人${n}涉嫌诈骗案`,
        unit: units[i % 3] as string,
        source: 'import',
        status: 'ready',
        addedAt: new Date(start + i * 60_000).toISOString(),
        archive: { fileName: `${n}.zip`, size: 1000, sha256: createHash('sha256').update(n).digest('hex') },
        extraction: { state: 'extracted', error: null },
        extractedDir: n,
        files: Array.from({ length: 30 }, (_, f) => ({
          path: `第${(f % 3) + 1}卷/${String(f).padStart(2, '0')}_材料${n}-${f}.pdf`,
          size: 100,
          volume: `第${(f % 3) + 1}卷`,
          pages: 2,
        })),
        counts: { volumes: 3, documents: 30, pages: 60, extractedSize: 3000, pagesCounted: true },
      };
      const folder = join(kit.folder.current, `第${n}号`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'dossier.json'), JSON.stringify(record));
    }
    // Rebuilt from the folders, then once more from the index it wrote.
    await kit.library.load();
    await kit.reopen();

    const all = kit.library.list();
    expect(all).toHaveLength(1000);
    expect(all[0]?.id).toBe('imp-0999');
    expect(all.at(-1)?.id).toBe('imp-0000');
    expect(all[0]).toMatchObject({ volumes: 3, documents: 30, pages: 60, extraction: { state: 'extracted' } });

    expect(kit.library.list('被告人0421').map((summary) => summary.id)).toEqual(['imp-0421']);
    expect(kit.library.list('浦东新区')).toHaveLength(333);
    const byFile = kit.library.list('材料0777-13');
    expect(byFile.map((summary) => [summary.id, summary.matchedFiles])).toEqual([['imp-0777', ['第2卷/13_材料0777-13.pdf']]]);
    expect(kit.library.list('材料').every((summary) => summary.matchedFiles.length === 30)).toBe(true);
  }, 60_000);
});
