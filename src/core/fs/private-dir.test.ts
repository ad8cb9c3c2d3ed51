import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirPrivate, tightenPrivate } from './private-dir';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private folders', () => {
  it('creates missing folders 0700 whatever the umask allows, and narrows an existing wider one', async () => {
    const root = await mkdtemp(join(tmpdir(), 'private-dir-'));
    dirs.push(root);
    await mkdirPrivate(join(root, '张某某案', '第一卷'));
    expect(await modeOf(join(root, '张某某案'))).toBe(0o700);
    expect(await modeOf(join(root, '张某某案', '第一卷'))).toBe(0o700);

    await chmod(join(root, '张某某案'), 0o755);
    await mkdirPrivate(join(root, '张某某案'));
    expect(await modeOf(join(root, '张某某案'))).toBe(0o700);
  });

  it('narrows files to 0600, leaves narrower modes and missing paths alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'private-dir-'));
    dirs.push(root);
    const file = join(root, 'dossier.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await tightenPrivate(file);
    expect(await modeOf(file)).toBe(0o600);
    await chmod(file, 0o400);
    await tightenPrivate(file);
    expect(await modeOf(file)).toBe(0o400);
    await expect(tightenPrivate(join(root, 'missing'))).resolves.toBeUndefined();
  });
});
