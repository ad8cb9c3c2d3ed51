import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import type { MarkRect } from '../../shared/viewer';
import { NotesService } from './notes-service';
import { fixtureDossier, type FixtureDossier } from './notes-test-kit';

const exec = promisify(execFile);

const INDICTMENT = '第一卷/01_起诉意见书.pdf';
const INTERROGATION = '第一卷/03_讯问笔录（第一次）.pdf';
const EXPERT = '第二卷/01_鉴定意见.pdf';
const LINE: MarkRect = { x: 0.1, y: 0.2, w: 0.6, h: 0.02 };

const folders: string[] = [];

async function open(): Promise<FixtureDossier & { notes: NotesService }> {
  const fixture = await fixtureDossier();
  folders.push(fixture.detail.folder);
  return { ...fixture, notes: new NotesService(fixture.lookup) };
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
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('marks: highlights, quoted notes, named bookmarks', () => {
  it('keeps a highlight with its quotation, colour and place, yellow unless chosen', async () => {
    const { notes } = await open();
    const green = await notes.save('d-1', { kind: 'highlight', document: INTERROGATION, page: 2, text: '', quote: ' 我当时喝了两瓶啤酒 ', color: 'green', rects: [LINE] });
    expect(green).toMatchObject({ kind: 'highlight', quote: '我当时喝了两瓶啤酒', color: 'green', rects: [LINE], text: '' });
    const plain = await notes.save('d-1', { kind: 'highlight', document: INTERROGATION, page: 3, text: '', quote: '没有' });
    expect(plain.color).toBe('yellow');
    expect(plain).not.toHaveProperty('rects');

    // Another colour: the quotation and its place stay.
    const pink = await notes.save('d-1', { id: green.id, kind: 'highlight', document: INTERROGATION, page: 2, text: '', color: 'pink' });
    expect(pink).toMatchObject({ id: green.id, quote: '我当时喝了两瓶啤酒', color: 'pink', rects: [LINE], createdAt: green.createdAt });
    expect((await notes.list('d-1')).map((note) => note.color)).toEqual(['pink', 'yellow']);
  });

  it('keeps the quotation of a note when its text is edited without it', async () => {
    const { notes } = await open();
    const quoted = await notes.save('d-1', { kind: 'note', document: EXPERT, page: 1, text: '检材送检时间存疑', quote: '检材于次日送检', rects: [LINE] });
    const edited = await notes.save('d-1', { id: quoted.id, kind: 'note', document: EXPERT, page: 1, text: '检材送检时间超过规定' });
    expect(edited).toMatchObject({ text: '检材送检时间超过规定', quote: '检材于次日送检', rects: [LINE] });
    expect(edited).not.toHaveProperty('color');
  });

  it('names a bookmark and renames it; a bookmark carries no quotation', async () => {
    const { notes } = await open();
    const bookmark = await notes.save('d-1', { kind: 'bookmark', document: INDICTMENT, page: 2, text: '', label: ' 罪名 ', quote: '不留', rects: [LINE], color: 'blue' });
    expect(bookmark).toMatchObject({ kind: 'bookmark', label: '罪名', text: '' });
    expect(bookmark).not.toHaveProperty('quote');
    expect(bookmark).not.toHaveProperty('rects');
    expect(bookmark).not.toHaveProperty('color');
    const renamed = await notes.save('d-1', { id: bookmark.id, kind: 'bookmark', document: INDICTMENT, page: 2, text: '', label: '罪名认定' });
    expect(renamed.label).toBe('罪名认定');
    // An empty name clears it.
    const cleared = await notes.save('d-1', { id: bookmark.id, kind: 'bookmark', document: INDICTMENT, page: 2, text: '', label: '' });
    expect(cleared).not.toHaveProperty('label');
  });

  it('refuses a highlight without words, a place without a quotation, and marks out of bounds', async () => {
    const { notes } = await open();
    const save = (note: Parameters<NotesService['save']>[1]) => codeOf(notes.save('d-1', note));
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: '  ' })).toBe('VALIDATION');
    expect(await save({ kind: 'note', document: INDICTMENT, page: 1, text: '有字', rects: [LINE] })).toBe('VALIDATION');
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: 'x', rects: [{ x: 0.9, y: 0.1, w: 0.2, h: 0.1 }] })).toBe('VALIDATION');
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: 'x', rects: [{ x: -0.1, y: 0.1, w: 0.2, h: 0.1 }] })).toBe('VALIDATION');
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: 'x', rects: Array.from({ length: 201 }, () => LINE) })).toBe('VALIDATION');
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: '字'.repeat(5001) })).toBe('VALIDATION');
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: 'x', color: 'red' as 'pink' })).toBe('VALIDATION');
    expect(await save({ kind: 'bookmark', document: INDICTMENT, page: 1, text: '', label: '名'.repeat(201) })).toBe('VALIDATION');
    expect(await notes.list('d-1')).toEqual([]);
    // At the limits they are kept.
    expect(await save({ kind: 'highlight', document: INDICTMENT, page: 1, text: '', quote: '字'.repeat(5000), rects: Array.from({ length: 200 }, () => ({ x: 0, y: 0, w: 1, h: 1 })) })).toBe('resolved');
  });

  it('reads a notes.json of the first version: notes as they were, a bookmark’s text as its name', async () => {
    const { notes, detail } = await open();
    const old = {
      version: 1,
      dossierId: 'd-1',
      notes: [
        { id: 'n1', kind: 'note', document: INDICTMENT, page: 1, text: '旧笔记', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
        { id: 'b1', kind: 'bookmark', document: INDICTMENT, page: 2, text: '到案经过', createdAt: '2025-01-02T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' },
        { id: 'b2', kind: 'bookmark', document: INDICTMENT, page: 3, text: '', createdAt: '2025-01-03T00:00:00.000Z', updatedAt: '2025-01-03T00:00:00.000Z' },
      ],
    };
    await writeFile(join(detail.folder, 'notes.json'), JSON.stringify(old));
    expect(await notes.list('d-1')).toEqual([
      old.notes[0],
      { ...old.notes[1], text: '', label: '到案经过' },
      old.notes[2],
    ]);
    // Saved again, the file is of the current version and keeps them all.
    await notes.save('d-1', { kind: 'highlight', document: EXPERT, page: 1, text: '', quote: '新' });
    const stored = JSON.parse(await readFile(join(detail.folder, 'notes.json'), 'utf8')) as { version: number; notes: { id: string; label?: string }[] };
    expect(stored.version).toBe(2);
    expect(stored.notes.map((note) => note.id).slice(0, 3)).toEqual(['n1', 'b1', 'b2']);
    expect(stored.notes[1]?.label).toBe('到案经过');
  });
});

describe('阅卷笔录 with marks', () => {
  async function withMarks() {
    const opened = await open();
    const { notes } = opened;
    await notes.save('d-1', { kind: 'bookmark', document: INDICTMENT, page: 1, text: '', label: '罪名 *认定*' });
    await notes.save('d-1', { kind: 'note', document: INTERROGATION, page: 2, text: '与现场勘验不一致', quote: '我是晚上十点开车回家的\n# 路上没有喝酒' });
    await notes.save('d-1', { kind: 'highlight', document: INTERROGATION, page: 3, text: '', quote: '我喝了两瓶啤酒', color: 'blue', rects: [LINE] });
    return opened;
  }

  it('writes quotations as block quotes, highlights’ words and bookmark names in Markdown', async () => {
    const { notes } = await withMarks();
    const text = Buffer.from((await notes.export('d-1', 'markdown')).dataBase64, 'base64').toString('utf8');
    expect(text).toContain('**《第一卷·起诉意见书》（卷宗页码不详，文件第1页）**（书签：罪名 \\*认定\\*）\n\n');
    expect(text).toContain(
      '**《第一卷·讯问笔录（第一次）》（卷宗页码不详，文件第2页）**\n\n> 我是晚上十点开车回家的\\\n> \\# 路上没有喝酒\n\n与现场勘验不一致\n',
    );
    expect(text).toContain('**《第一卷·讯问笔录（第一次）》（卷宗页码不详，文件第3页）**（高亮）\n\n> 我喝了两瓶啤酒\n');
  });

  it('sets quotations as indented quote paragraphs in DOCX, with highlights and bookmark names', async () => {
    const { notes } = await withMarks();
    const exported = await notes.export('d-1', 'docx');
    const program = ['import sys, zipfile', 'z = zipfile.ZipFile(sys.argv[1])', 'assert z.testzip() is None', "sys.stdout.write(z.read('word/document.xml').decode('utf-8'))"].join('\n');
    const { stdout: xml } = await exec('python3', ['-c', program, exported.path]);
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => match[1] as string);
    const paragraphWith = (text: string) => paragraphs.find((paragraph) => paragraph.includes(`>${text}</w:t>`));

    expect(paragraphWith('（书签：罪名 *认定*）')).toBeDefined();
    expect(paragraphWith('（高亮）')).toContain('>《第一卷·讯问笔录（第一次）》（卷宗页码不详，文件第3页）</w:t>');
    for (const quoted of ['我是晚上十点开车回家的', '我喝了两瓶啤酒']) {
      const paragraph = paragraphWith(quoted);
      expect(paragraph, quoted).toMatch(/<w:ind w:left="480"\/>/);
      expect(paragraph, quoted).toMatch(/<w:left [^>]*w:val="single"/);
    }
    // The lawyer's own words are not set as a quotation.
    expect(paragraphWith('与现场勘验不一致')).not.toMatch(/<w:ind /);
  });
});
