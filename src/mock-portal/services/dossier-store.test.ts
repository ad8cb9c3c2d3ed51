import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { DOSSIER_FOLDER_NAME, DossierStore } from './dossier-store';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function stores(): Promise<[string, DossierStore][]> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-store-'));
  folders.push(dir);
  return [
    ['memory', DossierStore.open()],
    ['folder', DossierStore.open(dir)],
  ];
}

describe('DossierStore', () => {
  it('keeps an archive and reads any byte range of it', async () => {
    for (const [where, store] of await stores()) {
      expect(await store.size('r1.zip'), where).toBeNull();
      await store.put('r1.zip', Buffer.from('0123456789'));
      expect(await store.size('r1.zip'), where).toBe(10);
      expect(await text(store.read('r1.zip', 0, 9)), where).toBe('0123456789');
      expect(await text(store.read('r1.zip', 3, 5)), where).toBe('345');
      await store.remove('r1.zip');
      expect(await store.size('r1.zip'), where).toBeNull();
    }
  });

  it('writes into <data>/dossiers only once something is stored, leaving no temp files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-store-'));
    folders.push(dir);
    const store = DossierStore.open(dir);
    expect(await readdir(dir)).toEqual([]);
    await store.put('abc.7z', Buffer.alloc(1000, 7));
    expect(await readdir(join(dir, DOSSIER_FOLDER_NAME))).toEqual(['abc.7z']);
    // A fresh store over the same folder sees it.
    expect(await DossierStore.open(dir).size('abc.7z')).toBe(1000);
  });

  it('refuses keys that could name a path', async () => {
    const store = DossierStore.open();
    await expect(store.put('../x.zip', Buffer.from('x'))).rejects.toThrow(/invalid dossier storage key/);
    await expect(store.size('a/b.zip')).rejects.toThrow(/invalid/);
    expect(() => store.read('x.exe', 0, 0)).toThrow(/invalid/);
  });
});
