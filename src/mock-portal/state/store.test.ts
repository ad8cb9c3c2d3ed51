import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortalStore, STATE_FILE_NAME } from './store';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-store-'));
  folders.push(dir);
  return dir;
}

const account = (id: string) => ({
  id,
  name: '吴十',
  idNumber: '11010519491231002X',
  licenseNumber: '11101201010000001',
  phone: '13700000000',
  activatedAt: new Date().toISOString(),
  registered: false,
  qrAuthorized: false,
  lawFirm: null,
  email: null,
  address: null,
  passwordHash: null,
  failedPasswordAttempts: 0,
  passwordLockedUntil: null,
});

describe('PortalStore', () => {
  it('keeps SMS inboxes (which carry dossier passwords) out of the data file', async () => {
    const dir = await tempDir();
    const store = await PortalStore.open(dir);
    store.sms.push({
      id: 'sms-1',
      phone: '13700000000',
      kind: 'dossier-ready',
      text: '卷宗下载密码为：135790，卷宗文档打开密码为：2468013，密码信息请勿泄漏！【涪陵区院】',
      sentAt: new Date().toISOString(),
    });
    await store.save();
    const file = await readFile(join(dir, STATE_FILE_NAME), 'utf8');
    expect(file).not.toContain('135790');
    expect(file).not.toContain('2468013');
    const reopened = await PortalStore.open(dir);
    expect(reopened.sms).toEqual([]);
  });

  it('creates its data folder and file at once, with a stable instance id', async () => {
    const dir = join(await tempDir(), 'nested', 'data');
    const store = await PortalStore.open(dir);
    expect(store.persistent).toBe(true);
    const again = await PortalStore.open(dir);
    expect(again.instanceId).toBe(store.instanceId);
  });

  it('writes the last state when saves overlap, leaving no temp files', async () => {
    const dir = await tempDir();
    const store = await PortalStore.open(dir);
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 20; i += 1) {
      store.accounts.set(`a${i}`, account(`a${i}`));
      saves.push(store.save());
    }
    await Promise.all(saves);
    expect(await readdir(dir)).toEqual([STATE_FILE_NAME]);
    const saved = JSON.parse(await readFile(join(dir, STATE_FILE_NAME), 'utf8')) as { accounts: unknown[] };
    expect(saved.accounts).toHaveLength(20);
    expect((await PortalStore.open(dir)).accounts.size).toBe(20);
  });

  it('refuses a damaged data file instead of overwriting it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STATE_FILE_NAME), '{"version": 1, "instanceId": ');
    await expect(PortalStore.open(dir)).rejects.toThrow(/not valid JSON/);
    await writeFile(join(dir, STATE_FILE_NAME), JSON.stringify({ version: 1, instanceId: 'x', accounts: [{ id: 1 }] }));
    await expect(PortalStore.open(dir)).rejects.toThrow(/accounts\.0/);
    expect(await readFile(join(dir, STATE_FILE_NAME), 'utf8')).toContain('"accounts"');
  });
});
