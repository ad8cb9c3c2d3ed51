import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pythonZip, sevenZipPack, stage } from '../../core/archives/test-archives';
import { runCli } from '../run-cli';

const dirs: string[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'extract-cli-'));
  dirs.push(dir);
  return dir;
}

async function encrypted7z(): Promise<string> {
  const source = await stage({ '第一卷/起诉意见书.txt': '正文', 'b.txt': 'bb' });
  dirs.push(source);
  const archive = join(await tempDir(), 'dossier.7z');
  await sevenZipPack(source, archive, ['-t7z', '-pS3cret!', '-mhe=on']);
  return archive;
}

describe('dossier extract', () => {
  it('extracts and prints one JSON manifest', async () => {
    const archive = await encrypted7z();
    const out = join(await tempDir(), 'out');
    const result = await runCli(['extract', archive, '--out', out, '--password-stdin'], 'S3cret!\n');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const manifest = JSON.parse(lines[0] ?? '') as { type: string; files: Array<{ path: string; size: number }> };
    expect(manifest.type).toBe('7z');
    expect(manifest.files).toEqual([
      { path: 'b.txt', size: 2 },
      { path: '第一卷/起诉意见书.txt', size: Buffer.byteLength('正文') },
    ]);
    expect(await readFile(join(out, '第一卷', '起诉意见书.txt'), 'utf8')).toBe('正文');
  });

  it.each([
    ['a wrong password', ['--password-stdin'], /WRONG_PASSWORD/],
    ['a missing password', [], /PASSWORD_REQUIRED/],
  ])('fails with one line on stderr for %s, never echoing it', async (_label, extra, pattern) => {
    const archive = await encrypted7z();
    const parent = await tempDir();
    const result = await runCli(['extract', archive, '--out', join(parent, 'out'), ...extra], 'guess-123\n');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(pattern);
    expect(result.err).not.toContain('guess-123');
    expect(await readdir(parent)).toEqual([]);
  });

  it('names the unsafe entries it refuses', async () => {
    const archive = join(await tempDir(), 'slip.zip');
    await pythonZip(archive, `z.writestr('ok.txt', 'x')\nz.writestr('../../evil.txt', 'x')`);
    const result = await runCli(['extract', archive, '--out', join(await tempDir(), 'out')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^dossier extract: .*\.\.\/\.\.\/evil\.txt.*\[UNSAFE_ARCHIVE\]\n$/);
  });

  it('reports a corrupt and an unsupported file', async () => {
    const dir = await tempDir();
    const archive = await encrypted7z();
    const bytes = await readFile(archive);
    const truncated = join(dir, 'cut.7z');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await runCli(['extract', truncated, '--out', join(dir, 'a'), '--password-stdin'], 'S3cret!\n')).err).toMatch(/\[CORRUPT_ARCHIVE\]/);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'plain text');
    expect((await runCli(['extract', text, '--out', join(dir, 'b')])).err).toMatch(/\[UNSUPPORTED_ARCHIVE\]/);
  });

  it('requires --out', async () => {
    const result = await runCli(['extract', 'x.zip']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out is required');
  });
});
