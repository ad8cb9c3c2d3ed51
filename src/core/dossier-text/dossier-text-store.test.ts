// The keychain is the real one (a Secret Service in dbus-run-session under `npm test`).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeychainSecretStore, MemorySecretStore } from '../secrets';
import { DossierTextStore, TEXT_STORE_FILE } from './dossier-text-store';
import type { PageRecord } from './text-records';

const SECRET_LINE = '犯罪嫌疑人陈浩然于涪陵区黎明路茶楼';
let folder: string;
let keychain: KeychainSecretStore;
let dossierId: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'text-store-'));
  keychain = await KeychainSecretStore.open('dossier-desk-test');
  dossierId = `dossier-${randomBytes(4).toString('hex')}`;
});
afterEach(async () => {
  await new DossierTextStore(keychain).forget(dossierId);
  await rm(folder, { recursive: true, force: true });
});

const files = [{ path: '第一卷/讯问笔录.pdf', size: 1234 }];
const page = (n: number, text = `${SECRET_LINE}，第${n}页`): PageRecord => ({
  kind: 'page',
  document: '第一卷/讯问笔录.pdf',
  page: n,
  source: 'ocr',
  text,
  stamp: n,
  lines: [{ text, box: [0.1, 0.1, 0.9, 0.13], confidence: 0.97 }],
});

/** Every file under the folder, as bytes. */
async function allBytes(dir: string): Promise<Buffer> {
  const names = await readdir(dir, { recursive: true });
  const parts: Buffer[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) parts.push(await readFile(path));
  }
  return Buffer.concat(parts);
}

describe('the encrypted text store', () => {
  it('keeps pages across instances, and nothing of their text is on disk in plaintext', async () => {
    const store = new DossierTextStore(keychain);
    const text = await store.textOf({ id: dossierId, folder, files });
    await text.append([{ kind: 'document', document: files[0]!.path, pageCount: 2 }, page(1), page(2)]);
    const disk = await allBytes(folder);
    expect(disk.length).toBeGreaterThan(0);
    for (const needle of [SECRET_LINE, '陈浩然', '涪陵']) {
      expect(disk.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(disk.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
    expect((await stat(join(folder, TEXT_STORE_FILE))).mode & 0o077).toBe(0);

    const again = await new DossierTextStore(keychain).textOf({ id: dossierId, folder, files });
    expect(again.isComplete(files[0]!.path)).toBe(true);
    expect(again.page(files[0]!.path, 2)?.text).toBe(`${SECRET_LINE}，第2页`);
    expect(again.page(files[0]!.path, 2)?.lines?.[0]?.box).toEqual([0.1, 0.1, 0.9, 0.13]);
  });

  it('loses only a torn last record (a kill mid-write) and goes on appending after it', async () => {
    const store = new DossierTextStore(keychain);
    const text = await store.textOf({ id: dossierId, folder, files });
    await text.append([{ kind: 'document', document: files[0]!.path, pageCount: 3 }, page(1), page(2)]);
    const path = join(folder, TEXT_STORE_FILE);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 7));
    const reopened = await new DossierTextStore(keychain).textOf({ id: dossierId, folder, files });
    expect([...reopened.pagesOf(files[0]!.path).keys()]).toEqual([1]);
    await reopened.append([page(2), page(3)]);
    const third = await new DossierTextStore(keychain).textOf({ id: dossierId, folder, files });
    expect([...third.pagesOf(files[0]!.path).keys()].sort()).toEqual([1, 2, 3]);
  });

  it('starts over when the key is gone or the files changed, and says so when the file could not be read', async () => {
    const text = await new DossierTextStore(keychain).textOf({ id: dossierId, folder, files });
    await text.append([page(1)]);
    await keychain.delete(`dossier-text-key:${dossierId}`);
    const damaged: string[] = [];
    const fresh = await new DossierTextStore(keychain, (id) => damaged.push(id)).textOf({ id: dossierId, folder, files });
    expect(fresh.pagesOf(files[0]!.path).size).toBe(0);
    expect(damaged).toEqual([dossierId]);
    await fresh.append([page(1)]);
    const other = await new DossierTextStore(keychain).textOf({ id: dossierId, folder, files: [{ path: '另一卷.pdf', size: 1 }] });
    expect(other.pagesOf(files[0]!.path).size).toBe(0);
  });

  it('without a keychain keeps the text in memory only: no file is written', async () => {
    const text = await new DossierTextStore(new MemorySecretStore()).textOf({ id: dossierId, folder, files });
    await text.append([page(1)]);
    expect(text.page(files[0]!.path, 1)?.text).toContain(SECRET_LINE);
    expect(await readdir(folder)).toEqual([]);
  });
});
