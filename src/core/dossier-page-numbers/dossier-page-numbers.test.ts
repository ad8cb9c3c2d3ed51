// dossier.pageNumbers and the 阅卷笔录 against generated, encrypted dossiers imported into a real library.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type DossierSpec, type WrittenDossier } from '../../mock-portal/dossier';
import { findDossierPage, FRONT_MATTER_TITLE, placeOfPage, type NumberedDocument } from '../../shared/dossier-page-numbers';
import { CoreHarness } from '../test-harness';
import type { Core } from '../core';

const PASSWORD = '5172034';
const SPEC: DossierSpec = {
  seed: 'page-numbers',
  caseName: '周志强涉嫌合同诈骗案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['周志强'],
  pages: 90,
  format: 'zip',
  openPassword: PASSWORD,
};

const harness = new CoreHarness();
let work: string;
let core: Core;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'page-numbers-'));
  core = await harness.open('http://127.0.0.1:9', { defaultLibraryFolder: join(work, 'library') });
});
afterAll(async () => {
  await harness.closeAll();
  await rm(work, { recursive: true, force: true });
});

async function imported(spec: DossierSpec, name: string): Promise<{ id: string; written: WrittenDossier }> {
  await mkdir(join(work, name));
  const written = await writeDossierFile(spec, join(work, name, `${spec.caseName}.zip`));
  const summary = await core.api['library.import']({ source: { kind: 'path', path: written.filePath }, password: PASSWORD });
  return { id: summary.id, written };
}

/** What the generator stamped on each page of each file: 页次 running through the volume after its cover and 目录. */
function stampedNumbers(written: WrittenDossier): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (const volume of written.volumes) {
    let next = 1;
    let front = volume.frontPages;
    for (const document of volume.documents) {
      out.set(
        document.path,
        Array.from({ length: document.pages }, () => (front-- > 0 ? null : next++)),
      );
    }
  }
  return out;
}

function byPath(numbered: NumberedDocument[], path: string): NumberedDocument {
  return numbered.find((document) => document.document === path) as NumberedDocument;
}

describe('dossier.pageNumbers', () => {
  it('gives every page of a volume folder the number stamped on it, and finds a page by its number', async () => {
    const { id, written } = await imported(SPEC, 'folders');
    const numbered = await core.api['dossier.pageNumbers']({ dossierId: id });
    const expected = stampedNumbers(written);
    for (const [path, numbers] of expected) expect(byPath(numbered, path).numbers, path).toEqual(numbers);
    expect(numbered.every((document) => document.volume === '第一卷')).toBe(true);
    // Text pages carry their stamp in the text layer; the scans between them are numbered from the 目录 or by counting.
    const sources = new Set(numbered.flatMap((document) => document.sources));
    expect(sources.has('stamp')).toBe(true);

    // A document after the first, of two pages or more.
    const third = written.volumes[0]?.documents.find((document, i) => i > 1 && document.pages >= 2);
    expect(third && third.title !== FRONT_MATTER_TITLE).toBe(true);
    const number = expected.get(third?.path as string)?.[1] as number;
    expect(findDossierPage(numbered, '第一卷', number)).toEqual({ document: third?.path, page: 2 });

    // The 阅卷笔录 cites that page by its 卷宗页码.
    await core.api['notes.save']({ dossierId: id, note: { kind: 'note', document: third?.path as string, page: 2, text: '金额前后矛盾' } });
    await core.api['notes.save']({ dossierId: id, note: { kind: 'bookmark', document: third?.path as string, page: 1, text: '合同原件' } });
    const exported = await core.api['notes.export']({ dossierId: id, format: 'markdown' });
    const text = Buffer.from(exported.dataBase64, 'base64').toString('utf8');
    expect(text).toContain(`**《第一卷·${third?.title}》第${number}页**\n\n金额前后矛盾\n`);
    expect(text).toContain(`**《第一卷·${third?.title}》第${number - 1}页**（书签：合同原件）`);
    expect(text).toContain(`卷宗：第一卷（共${SPEC.pages}页）`);
    expect(text).toContain('承办律师：\\\n');
  }, 120_000);

  it('numbers each volume held in one PDF after its cover and 目录, with the documents its 目录 lists', async () => {
    const { id, written } = await imported({ ...SPEC, seed: 'page-numbers-whole', pages: 230, layout: 'pdf-per-volume' }, 'whole');
    const numbered = await core.api['dossier.pageNumbers']({ dossierId: id });
    const expected = stampedNumbers(written);
    expect(written.volumes).toHaveLength(2);
    for (const volume of written.volumes) {
      const path = volume.documents[0]?.path as string;
      const document = byPath(numbered, path);
      expect(document.volume).toBe(volume.name);
      expect(document.numbers, path).toEqual(expected.get(path));
    }
    const second = byPath(numbered, written.volumes[1]?.documents[0]?.path as string);
    const front = written.volumes[1]?.frontPages as number;
    // 第二卷 starts again at 1, and a page is cited by the document its 目录 row names.
    expect(placeOfPage(second, front + 1)).toMatchObject({ volume: '第二卷', dossierPage: 1, documentPage: 1 });
    expect(placeOfPage(second, front + 1).title).toBe(second.sections?.[1]?.title);
    expect(findDossierPage(numbered, '第二卷', 7)).toEqual({ document: second.document, page: front + 7 });
  }, 180_000);
});
