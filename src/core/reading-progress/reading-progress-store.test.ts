import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import { fixtureDossier, type FixtureDossier } from '../notes/notes-test-kit';
import { ReadingProgressStore, UNCOUNTED_PAGE_LIMIT } from './reading-progress-store';

const INTERROGATION = '第一卷/03_讯问笔录（第一次）.pdf'; // 6 pages
const OPINION = '第二卷/01_鉴定意见.pdf'; // 4 pages
const PHOTO = '第二卷/02_现场照片.jpg';
const folders: string[] = [];

async function open(): Promise<FixtureDossier & { store: ReadingProgressStore; resets: string[] }> {
  const fixture = await fixtureDossier();
  folders.push(fixture.detail.folder);
  const resets: string[] = [];
  return { ...fixture, resets, store: new ReadingProgressStore(fixture.lookup, (id) => resets.push(id)) };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: AppError) => error.code);

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('ReadingProgressStore', () => {
  it('lists every document unread at first, then the pages seen, kept as ranges across runs', async () => {
    const { store, lookup, detail } = await open();
    const before = await store.progress('d-1');
    expect(before.map((entry) => entry.document)).toEqual(detail.files.map((file) => file.path));
    expect(before.every((entry) => entry.count === 0 && entry.seen.length === 0)).toBe(true);
    expect(before.find((entry) => entry.document === PHOTO)?.pages).toBe(1);

    expect(await store.markSeen('d-1', INTERROGATION, [1, 2, 3])).toEqual({ document: INTERROGATION, seen: [[1, 3]], count: 3, pages: 6 });
    await store.markSeen('d-1', INTERROGATION, [3, 5, 4]);
    await store.markSeen('d-1', OPINION, [2]);
    await store.markSeen('d-1', PHOTO, [1]);

    const stored = JSON.parse(await readFile(join(detail.folder, 'reading-progress.json'), 'utf8')) as { documents: Record<string, string> };
    // Compact: ranges per document, not an entry per page.
    expect(stored.documents).toEqual({ [INTERROGATION]: '1-5', [OPINION]: '2', [PHOTO]: '1' });

    const again = await new ReadingProgressStore(lookup).progress('d-1');
    expect(again.find((entry) => entry.document === INTERROGATION)).toEqual({ document: INTERROGATION, seen: [[1, 5]], count: 5, pages: 6 });
    expect(again.find((entry) => entry.document === OPINION)?.count).toBe(1);
    expect(again.find((entry) => entry.document === '第一卷/01_起诉意见书.pdf')?.count).toBe(0);
  });

  it('refuses pages the document does not have, absurd numbers, unknown documents and dossiers', async () => {
    const { store, detail } = await open();
    expect(await codeOf(store.markSeen('d-1', INTERROGATION, [7]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', INTERROGATION, [0]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', INTERROGATION, [2.5]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', INTERROGATION, [Number.NaN]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', INTERROGATION, []))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', PHOTO, [2]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('d-1', '第九卷/01_无.pdf', [1]))).toBe('VALIDATION');
    expect(await codeOf(store.markSeen('other', INTERROGATION, [1]))).toBe('NOT_FOUND');
    // Nothing refused reached the disk.
    expect(existsSync(join(detail.folder, 'reading-progress.json'))).toBe(false);

    // A PDF not counted yet: any page up to a generous bound, not beyond.
    detail.files = detail.files.map((file) => (file.path === OPINION ? { ...file, pages: null } : file));
    expect((await store.markSeen('d-1', OPINION, [300])).count).toBe(1);
    expect(await codeOf(store.markSeen('d-1', OPINION, [UNCOUNTED_PAGE_LIMIT + 1]))).toBe('VALIDATION');
  });

  it('clips pages of a document now shorter and drops documents no longer in the dossier', async () => {
    const { store, detail } = await open();
    await store.markSeen('d-1', INTERROGATION, [1, 2, 3, 4, 5, 6]);
    await store.markSeen('d-1', OPINION, [1]);
    detail.files = detail.files
      .filter((file) => file.path !== OPINION)
      .map((file) => (file.path === INTERROGATION ? { ...file, pages: 4 } : file));
    const progress = await store.progress('d-1');
    expect(progress.find((entry) => entry.document === INTERROGATION)).toMatchObject({ seen: [[1, 4]], count: 4, pages: 4 });
    expect(progress.some((entry) => entry.document === OPINION)).toBe(false);
  });

  it('starts over on a damaged file, keeping it aside and saying so', async () => {
    const { store, detail, resets } = await open();
    const path = join(detail.folder, 'reading-progress.json');
    for (const damaged of [
      '{"version":1,"documents":',
      JSON.stringify({ version: 1, dossierId: 'd-1', documents: { [INTERROGATION]: '5-2' }, savedAt: 'x' }),
      JSON.stringify({ version: 1, dossierId: 'd-1', documents: { [INTERROGATION]: [1, 2, 3] }, savedAt: 'x' }),
    ]) {
      await writeFile(path, damaged);
      const progress = await store.progress('d-1');
      expect(progress.every((entry) => entry.count === 0)).toBe(true);
      expect(existsSync(path)).toBe(false);
    }
    expect(resets).toEqual(['d-1', 'd-1', 'd-1']);
    const names = await readdir(detail.folder);
    expect(names.filter((name) => name.startsWith('reading-progress.json.damaged-')).length).toBeGreaterThanOrEqual(1);

    // Marking goes on from nothing.
    await store.markSeen('d-1', INTERROGATION, [2]);
    expect((await store.progress('d-1')).find((entry) => entry.document === INTERROGATION)?.seen).toEqual([[2, 2]]);
  });

  it('loses no page when marks of several documents arrive at once', async () => {
    const { store } = await open();
    await Promise.all([
      ...[1, 2, 3, 4, 5, 6].map((page) => store.markSeen('d-1', INTERROGATION, [page])),
      ...[1, 2, 3, 4].map((page) => store.markSeen('d-1', OPINION, [page])),
    ]);
    const progress = await store.progress('d-1');
    expect(progress.find((entry) => entry.document === INTERROGATION)?.count).toBe(6);
    expect(progress.find((entry) => entry.document === OPINION)?.count).toBe(4);
  });

  it('does not bring back the folder of a dossier removed meanwhile', async () => {
    const { store, detail } = await open();
    await rm(detail.folder, { recursive: true });
    await expect(store.markSeen('d-1', INTERROGATION, [1])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(detail.folder)).toBe(false);
  });
});
