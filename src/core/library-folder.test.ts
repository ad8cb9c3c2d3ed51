import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLibraryFolder } from './library-folder';

let root = '';
afterEach(async () => {
  if (root) {
    await chmod(root, 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
});

describe('checkLibraryFolder', () => {
  it('creates a missing folder and answers its normalised path', async () => {
    root = await mkdtemp(join(tmpdir(), 'library-folder-'));
    const chosen = await checkLibraryFolder(`  ${root}/a/../卷宗  `);
    expect(chosen).toBe(join(root, '卷宗'));
    expect((await stat(chosen)).isDirectory()).toBe(true);
  });

  it('refuses a relative path', async () => {
    await expect(checkLibraryFolder('卷宗')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a path that is a file', async () => {
    root = await mkdtemp(join(tmpdir(), 'library-folder-'));
    await writeFile(join(root, 'file'), 'x');
    await expect(checkLibraryFolder(join(root, 'file'))).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
