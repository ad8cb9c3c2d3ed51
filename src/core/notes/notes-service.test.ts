import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeDossierFile, type WrittenDossier } from '../../mock-portal/dossier';
import type { AppError } from '../../shared/errors';
import { closeTestLibraries, openTestLibrary } from '../library/library-test-kit';
import { documentTitle } from '../../shared/document-title';
import { numberDossierPages } from '../../shared/dossier-page-numbers';
import { NotesService, type ReadingNotesSources } from './notes-service';
import { fixtureDossier, FIXTURE_FILES, type FixtureDossier } from './notes-test-kit';

const exec = promisify(execFile);

const COVER = '第一卷/00_封面及卷内目录.pdf';
const INDICTMENT = '第一卷/01_起诉意见书.pdf';
const INTERROGATION = '第一卷/03_讯问笔录（第一次）.pdf';
const EXPERT = '第二卷/01_鉴定意见.pdf';
const PHOTO = '第二卷/02_现场照片.jpg';

const folders: string[] = [];

/** 卷宗页码 counted through each volume (no 目录 in the fixture), and a signed-in lawyer. */
const SOURCES: ReadingNotesSources = {
  pageNumbers: async () => numberDossierPages({ files: FIXTURE_FILES, contents: [] }),
  lawyer: async () => ({ name: '张明', idNumberMasked: '', licenseNumber: '', phone: '', lawFirm: '北京市明理律师事务所', email: null, address: null }),
};

async function open(sources: ReadingNotesSources | undefined = SOURCES): Promise<FixtureDossier & { notes: NotesService }> {
  const fixture = await fixtureDossier();
  folders.push(fixture.detail.folder);
  return { ...fixture, notes: new NotesService(fixture.lookup, sources) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  return 'resolved';
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('NotesService', () => {
  it('lists notes in dossier order: document, then page, then creation', async () => {
    const { notes } = await open();
    const second = await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 3, text: '第二条' });
    await notes.save('d-1', { kind: 'note', document: EXPERT, page: 1, text: '鉴定' });
    await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 5, text: '第五页' });
    await notes.save('d-1', { kind: 'bookmark', document: COVER, page: 2, text: '' });
    const third = await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 3, text: '第三条' });

    const listed = await notes.list('d-1');
    expect(listed.map((note) => [note.document, note.page, note.text])).toEqual([
      [COVER, 2, ''],
      [INTERROGATION, 3, '第二条'],
      [INTERROGATION, 3, '第三条'],
      [INTERROGATION, 5, '第五页'],
      [EXPERT, 1, '鉴定'],
    ]);
    expect(second.createdAt < third.createdAt).toBe(true);
  });

  it('keeps notes in notes.json beside the dossier, versioned, for the next run', async () => {
    const { notes, lookup, detail } = await open();
    const saved = await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 2, text: '  罪名认定有误  ' });
    expect(saved).toMatchObject({ kind: 'note', document: INDICTMENT, page: 2, text: '罪名认定有误' });
    expect(saved.id).toMatch(/\S/);
    expect(saved.createdAt).toBe(saved.updatedAt);

    const stored = JSON.parse(await readFile(join(detail.folder, 'notes.json'), 'utf8')) as { version: number; dossierId: string; notes: unknown[] };
    expect(stored).toEqual({ version: 2, dossierId: 'd-1', notes: [saved] });
    expect(await new NotesService(lookup).list('d-1')).toEqual([saved]);
  });

  it('updates a note in place: same id, createdAt kept, updatedAt moved on', async () => {
    const { notes } = await open();
    const first = await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: '初稿' });
    const updated = await notes.save('d-1', { id: first.id, kind: 'note', document: INDICTMENT, page: 2, text: '修改后' });
    expect(updated).toMatchObject({ id: first.id, page: 2, text: '修改后', createdAt: first.createdAt });
    expect(updated.updatedAt > first.updatedAt).toBe(true);
    expect(await notes.list('d-1')).toEqual([updated]);
  });

  it('refuses an unknown id, a file outside the dossier, a page past the end and an empty note', async () => {
    const { notes } = await open();
    expect(await codeOf(notes.save('d-1', { id: 'missing', kind: 'note', document: INDICTMENT, page: 1, text: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(notes.save('d-1', { kind: 'note', document: '第一卷/99_不存在.pdf', page: 1, text: 'x' }))).toBe('VALIDATION');
    expect(await codeOf(notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 4, text: 'x' }))).toBe('VALIDATION');
    expect(await codeOf(notes.save('d-1', { kind: 'note', document: PHOTO, page: 2, text: 'x' }))).toBe('VALIDATION');
    expect(await codeOf(notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: ' \n ' }))).toBe('VALIDATION');
    expect(await codeOf(notes.save('unknown', { kind: 'note', document: INDICTMENT, page: 1, text: 'x' }))).toBe('NOT_FOUND');
    expect(await notes.list('d-1')).toEqual([]);
    // The last page and the single page of an image are fine.
    await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 3, text: 'x' });
    await notes.save('d-1', { kind: 'note', document: PHOTO, page: 1, text: 'y' });
    expect(await notes.list('d-1')).toHaveLength(2);
  });

  it('keeps one bookmark per page: a second one returns the first', async () => {
    const { notes } = await open();
    const first = await notes.save('d-1', { kind: 'bookmark', document: EXPERT, page: 2, text: '' });
    const again = await notes.save('d-1', { kind: 'bookmark', document: EXPERT, page: 2, text: '' });
    expect(again).toEqual(first);
    // A note on that page is another thing, and so is a bookmark on the next page.
    await notes.save('d-1', { kind: 'note', document: EXPERT, page: 2, text: '笔记' });
    const other = await notes.save('d-1', { kind: 'bookmark', document: EXPERT, page: 3, text: '' });
    expect(await notes.list('d-1')).toHaveLength(3);
    // Moving a bookmark onto a page that has one would make two.
    expect(await codeOf(notes.save('d-1', { id: other.id, kind: 'bookmark', document: EXPERT, page: 2, text: '' }))).toBe('CONFLICT');
  });

  it('removes a note, and says so when there is no such note', async () => {
    const { notes } = await open();
    const kept = await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: '保留' });
    const gone = await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 2, text: '删除' });
    await notes.remove('d-1', gone.id);
    expect(await notes.list('d-1')).toEqual([kept]);
    expect(await codeOf(notes.remove('d-1', gone.id))).toBe('NOT_FOUND');
  });

  it('never loses a save to another one made at the same moment', async () => {
    const { notes } = await open();
    const saves = Array.from({ length: 25 }, (_, i) =>
      notes.save('d-1', { kind: 'note', document: INTERROGATION, page: (i % 6) + 1, text: `笔记${i}` }),
    );
    const saved = await Promise.all(saves);
    expect((await notes.list('d-1')).map((note) => note.text).sort()).toEqual(saved.map((note) => note.text).sort());
    expect(new Set(saved.map((note) => note.id)).size).toBe(25);
  });

  it('keeps a damaged notes.json aside and starts an empty list', async () => {
    const { notes, detail } = await open();
    const path = join(detail.folder, 'notes.json');
    await writeFile(path, '{"version":1,"notes":[{"id":');
    expect(await notes.list('d-1')).toEqual([]);
    const aside = (await readdir(detail.folder)).filter((name) => name.startsWith('notes.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(detail.folder, aside[0] as string), 'utf8')).toBe('{"version":1,"notes":[{"id":');

    // Valid JSON that is not notes of this version is damaged too.
    await writeFile(path, JSON.stringify({ version: 7, notes: 'many' }));
    await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: '重新开始' });
    expect((await notes.list('d-1')).map((note) => note.text)).toEqual(['重新开始']);
    expect((await readdir(detail.folder)).filter((name) => name.startsWith('notes.json.damaged-'))).toHaveLength(2);
  });

  it('does not bring back the folder of a dossier removed meanwhile', async () => {
    const { notes, detail } = await open();
    await rm(detail.folder, { recursive: true });
    expect(await codeOf(notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: 'x' }))).toBe('NOT_FOUND');
    expect(existsSync(detail.folder)).toBe(false);
  });
});

describe('NotesService.export (阅卷笔录)', () => {
  async function withNotes() {
    const opened = await open();
    const { notes } = opened;
    await notes.save('d-1', { kind: 'note', document: EXPERT, page: 2, text: '血液中乙醇含量 *待核实*' });
    await notes.save('d-1', { kind: 'bookmark', document: INTERROGATION, page: 5, text: '' });
    await notes.save('d-1', { kind: 'bookmark', document: INTERROGATION, page: 6, text: '辩解*翻供*' });
    await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 3, text: '供述与现场勘验不一致。\n第二行\n\n另起一段' });
    await notes.save('d-1', { kind: 'note', document: INDICTMENT, page: 1, text: '# 不是标题' });
    await notes.save('d-1', { kind: 'note', document: PHOTO, page: 1, text: '照片模糊' });
    return opened;
  }

  it('writes Markdown grouped by volume and document, each note with its citation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 2, 4, 10, 30));
    const { notes, detail } = await withNotes();

    const exported = await notes.export('d-1', 'markdown');

    const expected = [
      '# 《陈某危险驾驶案》阅卷笔录',
      '',
      '案件名称：陈某危险驾驶案\\',
      '承办单位：北京市朝阳区人民检察院\\',
      '承办律师：张明\\',
      '律师事务所：北京市明理律师事务所\\',
      '导出日期：2025年3月4日\\',
      '卷宗：第一卷（共11页）、第二卷（共5页）',
      '',
      '## 第一卷',
      '',
      '### 起诉意见书',
      '',
      '**《第一卷·起诉意见书》第1页**',
      '',
      '\\# 不是标题',
      '',
      '### 讯问笔录（第一次）',
      '',
      // Cited by 卷宗页码: the 起诉意见书's 3 pages come before (the cover and 目录 are not counted).
      '**《第一卷·讯问笔录（第一次）》第6页**',
      '',
      '供述与现场勘验不一致。\\',
      '第二行',
      '',
      '另起一段',
      '',
      '**《第一卷·讯问笔录（第一次）》第8页**（书签）',
      '',
      '**《第一卷·讯问笔录（第一次）》第9页**（书签：辩解\\*翻供\\*）',
      '',
      '## 第二卷',
      '',
      '### 鉴定意见',
      '',
      '**《第二卷·鉴定意见》第2页**',
      '',
      '血液中乙醇含量 \\*待核实\\*',
      '',
      '### 现场照片',
      '',
      '**《第二卷·现场照片》第5页**',
      '',
      '照片模糊',
      '',
    ].join('\n');
    expect(exported.fileName).toBe('陈某危险驾驶案-阅卷笔录.md');
    expect(exported.path).toBe(join(detail.folder, '陈某危险驾驶案-阅卷笔录.md'));
    expect(exported.mimeType).toBe('text/markdown; charset=utf-8');
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toBe(expected);
    expect(await readFile(exported.path, 'utf8')).toBe(expected);
  });

  it('writes a valid DOCX with the citations in bold, the texts, and a Chinese font', async () => {
    const { notes, detail } = await withNotes();

    const exported = await notes.export('d-1', 'docx');

    expect(exported.fileName).toBe('陈某危险驾驶案-阅卷笔录.docx');
    expect(exported.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const onDisk = await readFile(join(detail.folder, exported.fileName));
    expect(onDisk.equals(Buffer.from(exported.dataBase64, 'base64'))).toBe(true);

    // python3's zipfile checks every entry's CRC and gives the parts back.
    const program = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      "print(json.dumps({n: z.read(n).decode('utf-8') for n in ['word/document.xml', 'word/styles.xml']}))",
    ].join('\n');
    const { stdout } = await exec('python3', ['-c', program, exported.path]);
    const parts = JSON.parse(stdout) as Record<string, string>;
    const document = parts['word/document.xml'] as string;
    const runs = [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((match) => match[1] as string);
    const runWith = (text: string) => runs.find((run) => run.includes(`>${text}</w:t>`));

    expect(runWith('《陈某危险驾驶案》阅卷笔录')).toBeDefined();
    for (const line of ['承办单位：北京市朝阳区人民检察院', '承办律师：张明', '律师事务所：北京市明理律师事务所', '卷宗：第一卷（共11页）、第二卷（共5页）']) {
      expect(runWith(line), line).toBeDefined();
    }
    for (const cited of ['《第一卷·起诉意见书》第1页', '《第一卷·讯问笔录（第一次）》第6页', '《第一卷·讯问笔录（第一次）》第8页', '《第二卷·鉴定意见》第2页', '《第二卷·现场照片》第5页']) {
      expect(runWith(cited), cited).toMatch(/<w:b\/>/);
    }
    for (const text of ['# 不是标题', '供述与现场勘验不一致。', '第二行', '另起一段', '血液中乙醇含量 *待核实*', '照片模糊']) {
      expect(runWith(text), text).toBeDefined();
      expect(runWith(text)).not.toMatch(/<w:b\/>/);
    }
    expect(runWith('（书签）')).toBeDefined();
    expect(runWith('（书签：辩解*翻供*）')).toBeDefined();
    expect(parts['word/styles.xml']).toMatch(/w:eastAsia="SimSun"/);
  });

  it('exports a dossier without notes as a header that says so', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 11, 31, 23, 0));
    const { notes } = await open();
    const exported = await notes.export('d-1', 'markdown');
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toBe(
      '# 《陈某危险驾驶案》阅卷笔录\n\n案件名称：陈某危险驾驶案\\\n承办单位：北京市朝阳区人民检察院\\\n承办律师：张明\\\n律师事务所：北京市明理律师事务所\\\n导出日期：2025年12月31日\\\n卷宗：第一卷（共11页）、第二卷（共5页）\n\n（暂无笔记）\n',
    );
  });

  it('leaves the lawyer blank when no one is signed in, and says where the 卷宗页码 is not known', async () => {
    const { notes } = await open({ pageNumbers: async () => [], lawyer: async () => null });
    await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 2, text: '无页码' });
    const text = Buffer.from((await notes.export('d-1', 'markdown')).dataBase64, 'base64').toString('utf8');
    expect(text).toContain('承办律师：\\\n律师事务所：\\\n');
    expect(text).toContain('**《第一卷·讯问笔录（第一次）》（卷宗页码不详，文件第2页）**\n\n无页码\n');
  });
});

describe('NotesService over a real library', () => {
  let work: string;
  let written: WrittenDossier;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'notes-library-'));
    written = await writeDossierFile(
      { seed: 'notes-library', caseName: '王某某涉嫌盗窃案', unitName: '上海市浦东新区人民检察院', suspects: ['王某某'], pages: 14, format: 'zip', openPassword: '3316' },
      join(work, '王某某涉嫌盗窃案.zip'),
    );
  }, 60_000);
  afterEach(closeTestLibraries);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('notes the generated documents and cites them by their titles', async () => {
    const kit = await openTestLibrary();
    const imported = await kit.library.importArchive({ archivePath: written.filePath, password: '3316' });
    await kit.library.whenIdle(imported.id);
    const dossier = await kit.library.get(imported.id);
    const notes = new NotesService({ dossier: (id) => kit.library.get(id) }, undefined);
    const documents = written.volumes.flatMap((volume) => volume.documents.map((document) => ({ ...document, volume: volume.name })));
    // The generator names files `第一卷/03_<title>.pdf`: the citation gives back its title.
    expect(documents.map((document) => documentTitle(document.path))).toEqual(documents.map((document) => document.title));

    const last = documents.at(-1) as (typeof documents)[number];
    const first = documents[1] as (typeof documents)[number];
    await notes.save(dossier.id, { kind: 'note', document: last.path, page: last.pages, text: '最后一页' });
    await notes.save(dossier.id, { kind: 'bookmark', document: first.path, page: 1, text: '' });
    expect(await codeOf(notes.save(dossier.id, { kind: 'note', document: last.path, page: last.pages + 1, text: 'x' }))).toBe('VALIDATION');
    expect((await notes.list(dossier.id)).map((note) => note.document)).toEqual([first.path, last.path]);

    const exported = await notes.export(dossier.id, 'markdown');
    const text = await readFile(join(dossier.folder, '王某某涉嫌盗窃案-阅卷笔录.md'), 'utf8');
    expect(exported.path).toBe(join(dossier.folder, '王某某涉嫌盗窃案-阅卷笔录.md'));
    // Without core's numbering (see dossier-page-numbers.test.ts for it) the citations give file pages.
    expect(text).toContain(`**《${first.volume}·${first.title}》（卷宗页码不详，文件第1页）**（书签）`);
    expect(text).toContain(`**《${last.volume}·${last.title}》（卷宗页码不详，文件第${last.pages}页）**\n\n最后一页\n`);
    expect(existsSync(join(dossier.folder, 'notes.json'))).toBe(true);

    // The library still reads the dossier folder as before, notes and export beside it.
    const reopened = await kit.reopen();
    expect((await reopened.get(dossier.id)).files).toEqual(dossier.files);
  });
});
