// dossier.contents against generated, encrypted dossiers imported into a real library.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type DossierSpec, type WrittenDossier } from '../../mock-portal/dossier';
import { CoreHarness } from '../test-harness';
import type { Core } from '../core';
import { contentsCandidates, contentsOf } from './dossier-contents';
import { matchFiles } from './match-files';

const PASSWORD = '4826153';
const SPEC: DossierSpec = {
  seed: 'dossier-contents',
  caseName: '陈浩然涉嫌诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['陈浩然', '刘晓东'],
  pages: 260,
  format: 'zip',
  openPassword: PASSWORD,
};

const harness = new CoreHarness();
let work: string;
let core: Core;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dossier-contents-'));
  // No portal is needed to import and read: a port nothing listens on.
  core = await harness.open('http://127.0.0.1:9', { defaultLibraryFolder: join(work, 'library') });
});
afterAll(async () => {
  await harness.closeAll();
  await rm(work, { recursive: true, force: true });
});

async function imported(spec: DossierSpec, name: string, password?: string): Promise<{ id: string; written: WrittenDossier }> {
  await mkdir(join(work, name));
  const written = await writeDossierFile(spec, join(work, name, `${spec.caseName}.zip`));
  const summary = await core.api['library.import']({ source: { kind: 'path', path: written.filePath }, ...(password ? { password } : {}) });
  return { id: summary.id, written };
}

describe('dossier.contents', () => {
  it('places each volume-as-one-PDF 目录 on its pages, 页次 counted after the cover and 目录', async () => {
    const { id, written } = await imported({ ...SPEC, layout: 'pdf-per-volume' }, 'whole', PASSWORD);
    const order = written.volumes.map((volume) => volume.documents[0]?.path);
    const contents = (await core.api['dossier.contents']({ dossierId: id })).sort((a, b) => order.indexOf(a.document) - order.indexOf(b.document));
    expect(contents.map((c) => [c.document, c.layout])).toEqual([
      ['第一卷.pdf', 'pages'],
      ['第二卷.pdf', 'pages'],
    ]);
    for (const [v, table] of contents.entries()) {
      const pages = written.volumes[v]?.documents[0]?.pages as number;
      // Cover and 目录 first, then rows that follow each other to the PDF's last page.
      expect(table.frontPages).toBeGreaterThanOrEqual(2);
      expect(table.entries[0]?.firstPage).toBe(table.frontPages + 1);
      for (let i = 1; i < table.entries.length; i++) expect(table.entries[i]?.firstPage).toBe((table.entries[i - 1]?.lastPage ?? 0) + 1);
      expect(table.entries.at(-1)?.lastPage).toBe(pages);
      expect(table.entries.map((e) => e.seq)).toEqual(table.entries.map((_, i) => (table.entries[0]?.seq ?? 1) + i));
    }
    expect(contents[0]?.entries[0]).toMatchObject({ seq: 1, title: '起诉意见书', document: '第一卷.pdf' });
    // Asked again: kept, not read again.
    const again = await core.api['dossier.contents']({ dossierId: id });
    expect(again).toHaveLength(2);
    expect(again.every((table) => contents.includes(table))).toBe(true);
  }, 120_000);

  it('maps a per-file volume\'s 目录 rows onto the files of its folder', async () => {
    const { id, written } = await imported({ ...SPEC, pages: 120, seed: 'per-file' }, 'files', PASSWORD);
    const contents = await core.api['dossier.contents']({ dossierId: id });
    expect(contents).toHaveLength(1);
    const [table] = contents;
    expect(table?.document).toBe('第一卷/00_封面及卷内目录.pdf');
    expect(table?.layout).toBe('files');
    const documents = written.volumes[0]?.documents.slice(1) ?? [];
    expect(table?.entries.map((e) => [e.title, e.document])).toEqual(documents.map((d) => [d.title, d.path]));
  }, 120_000);

  it('lists nothing for a dossier whose open password it does not know', async () => {
    const { id } = await imported({ ...SPEC, pages: 20, seed: 'no-password', layout: 'pdf-per-volume' }, 'locked');
    expect(await core.api['dossier.contents']({ dossierId: id })).toEqual([]);
  }, 60_000);
});

describe('contentsCandidates', () => {
  it('opens the files named for a 目录, the PDFs of small folders, else the first of a folder', () => {
    const many = Array.from({ length: 30 }, (_, i) => `第二卷/${String(i + 1).padStart(3, '0')}.pdf`);
    expect(
      contentsCandidates(['第一卷/00_封面及卷内目录.pdf', '第一卷/01_起诉意见书.pdf', '第一卷.pdf', '第三卷.pdf', 'readme.txt', ...many.reverse()]),
    ).toEqual(['第一卷/00_封面及卷内目录.pdf', '第一卷.pdf', '第三卷.pdf', '第二卷/001.pdf']);
  });
});

describe('matchFiles', () => {
  it('matches titles to names, then bare numbers in order', () => {
    expect(matchFiles(['起诉意见书', '受案登记表', '讯问笔录（第一次）'], ['卷/02_受案登记表.pdf', '卷/01_起诉意见书.pdf', '卷/3.pdf'])).toEqual([
      '卷/01_起诉意见书.pdf',
      '卷/02_受案登记表.pdf',
      '卷/3.pdf',
    ]);
    expect(matchFiles(['起诉意见书', '受案登记表'], ['卷/001.pdf', '卷/002.pdf'])).toEqual(['卷/001.pdf', '卷/002.pdf']);
    // Numbers that do not add up to the rows are not guessed at.
    expect(matchFiles(['起诉意见书', '受案登记表'], ['卷/001.pdf', '卷/002.pdf', '卷/003.pdf'])).toEqual([null, null]);
  });

  it('is not fooled into a page table by a 目录-only PDF', () => {
    const leading = { pages: ['封面', '卷内目录\n序号 文件名称 页次\n1 起诉意见书 1-3\n2 受案登记表 4'], pageCount: 2 };
    expect(contentsOf('卷/00_目录.pdf', leading, ['卷/00_目录.pdf', '卷/001.pdf', '卷/002.pdf'])).toEqual({
      document: '卷/00_目录.pdf',
      layout: 'files',
      frontPages: 0,
      entries: [
        { seq: 1, title: '起诉意见书', document: '卷/001.pdf', firstPage: 1, lastPage: null, dossierPage: 1 },
        { seq: 2, title: '受案登记表', document: '卷/002.pdf', firstPage: 1, lastPage: null, dossierPage: 4 },
      ],
    });
  });
});
