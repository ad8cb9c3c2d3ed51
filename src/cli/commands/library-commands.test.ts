// `dossier import` and `dossier library list` drive the app's own core, offline, through the contract.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sevenZipPack, stage } from '../../core/archives/test-archives';
import { createCore } from '../../core/index';
import { REAL_PORTAL_URL } from '../../shared/contract';
import type { DossierSummary } from '../../shared/library';
import { runCli } from '../run-cli';

const dirs: string[] = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'library-cli-'));
  dirs.push(dir);
  return dir;
}

/** A data folder and a managed folder of their own (never the user's Documents/卷宗台). */
async function appFolders(): Promise<{ data: string; library: string }> {
  const root = await tempDir();
  vi.stubEnv('DOSSIER_LIBRARY_DIR', join(root, 'library'));
  return { data: join(root, 'data'), library: join(root, 'library') };
}

async function encryptedDossier(): Promise<string> {
  const source = await stage({ '第一卷/起诉意见书.txt': '正文', '第一卷/讯问笔录.txt': '问：答：' });
  dirs.push(source);
  const archive = join(await tempDir(), '王某盗窃案.7z');
  await sevenZipPack(source, archive, ['-t7z', '-p9173', '-mhe=on']);
  return archive;
}

describe('dossier import / library list', () => {
  it('imports an archive with the password from stdin, then lists it as the app would', async () => {
    const { data, library } = await appFolders();
    const archive = await encryptedDossier();

    const imported = await runCli(['import', archive, '--password-stdin', '--data', data], '9173\n');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const dossier = JSON.parse(imported.out) as DossierSummary;
    expect(dossier.caseName).toBe('王某盗窃案');
    expect(dossier.extraction.state).toBe('extracted');
    expect(dossier.folder.startsWith(library)).toBe(true);

    const listed = await runCli(['library', 'list', '--json', '--data', data]);
    expect(listed.code).toBe(0);
    const dossiers = JSON.parse(listed.out) as DossierSummary[];
    expect(dossiers.map((item) => [item.id, item.extraction.state])).toEqual([[dossier.id, 'extracted']]);
    // Passwords are kept in the keychain, never printed.
    expect(listed.out).not.toContain('9173');

    const table = await runCli(['library', 'list', '--search', '王某', '--data', data]);
    expect(table.out).toContain('已解压');
  });

  it('leaves a dossier waiting for its password when none is given, and says so', async () => {
    const { data } = await appFolders();
    const result = await runCli(['import', await encryptedDossier(), '--data', data]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('[PASSWORD_REQUIRED]');
    const listed = JSON.parse((await runCli(['library', 'list', '--json', '--data', data])).out) as DossierSummary[];
    expect(listed.map((item) => item.extraction.state)).toEqual(['needs-password']);
  });

  it('checks its input with the contract: a search longer than the app takes is refused', async () => {
    const { data } = await appFolders();
    const result = await runCli(['library', 'list', '--search', '案'.repeat(101), '--data', data]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^dossier library: q: /);
  });

  it('keeps to the 卷宗库锁: a locked library is refused on the command line too', async () => {
    const { data } = await appFolders();
    const app = await createCore({ portalUrl: REAL_PORTAL_URL, dataDir: data, appVersion: '0.0.0-test', offline: true });
    try {
      await app.api['library.setPasscode']({ next: '2468' });
    } finally {
      await app.close();
    }
    const result = await runCli(['library', 'list', '--data', data]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('卷宗库');
    const app2 = await createCore({ portalUrl: REAL_PORTAL_URL, dataDir: data, appVersion: '0.0.0-test', offline: true });
    try {
      await app2.api['library.unlock']({ passcode: '2468' });
      await app2.api['library.disableLock']({ passcode: '2468' });
    } finally {
      await app2.close();
    }
  });
});
