import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { createCore, type Core } from '../index';

const run = promisify(execFile);
let portal: MockPortal;
let root: string;
let core: Core;
let dossierId: string;
/** What core asked the host to open with the OS's app. */
const opened: string[] = [];

beforeAll(async () => {
  portal = await startMockPortal();
  root = await mkdtemp(join(tmpdir(), 'open-external-'));
  const source = join(root, 'source', '第一卷');
  await mkdir(source, { recursive: true });
  await writeFile(join(source, '01_说明.txt'), '随案移送光盘一张');
  await writeFile(join(source, '02_setup.exe'), 'MZ');
  await writeFile(join(root, 'outside.txt'), 'not in the dossier');
  const archive = join(root, '李某某涉嫌诈骗案.zip');
  await run('zip', ['-r', '-q', archive, '第一卷'], { cwd: join(root, 'source') });
  core = await createCore({
    portalUrl: portal.url,
    dataDir: join(root, 'data'),
    appVersion: '0.0.0-test',
    secretStore: 'memory',
    defaultLibraryFolder: join(root, 'library'),
    libraryHooks: { openItem: async (path) => void opened.push(path) },
  });
  dossierId = (await core.api['library.import']({ source: { kind: 'path', path: archive } })).id;
}, 60_000);

afterAll(async () => {
  await core?.close();
  await portal?.close();
  await rm(root, { recursive: true, force: true });
});

describe('documents.openExternal', () => {
  it("hands the host the file's real path inside the dossier's folder", async () => {
    expect(await core.api['documents.openExternal']({ dossierId, path: '第一卷/01_说明.txt' })).toBeNull();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toBe(await realpath(opened[0] as string));
    expect(opened[0]?.endsWith(join('第一卷', '01_说明.txt'))).toBe(true);
    expect(opened[0]?.startsWith(await realpath(join(root, 'library')))).toBe(true);
  });

  it('refuses programs, files outside the dossier, folders and missing files, opening nothing', async () => {
    const before = opened.length;
    await expect(core.api['documents.openExternal']({ dossierId, path: '第一卷/02_setup.exe' })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(core.api['documents.openExternal']({ dossierId, path: '../../../outside.txt' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.api['documents.openExternal']({ dossierId, path: '第一卷' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.api['documents.openExternal']({ dossierId, path: '第一卷/没有.doc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.api['documents.openExternal']({ dossierId: 'no-such-dossier', path: '第一卷/01_说明.txt' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(opened).toHaveLength(before);
  });
});
