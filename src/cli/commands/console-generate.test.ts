import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command';
import { runConsoleGenerate } from './console-generate';

const dir = mkdtempSync(join(tmpdir(), 'console-generate-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(argv: string[]): Promise<{ code: number; printed: string }> {
  let printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  const code = await runConsoleGenerate(argv);
  vi.restoreAllMocks();
  return { code, printed };
}

describe('dossier console generate', () => {
  it('writes the archive and prints one JSON line describing it', async () => {
    const out = join(dir, 'd.zip');
    const { code, printed } = await run(['--out', out, '--pages', '9', '--seed', 's', '--case-name', '李某涉嫌盗窃案', '--suspect', '李某', '--open-password', '7654321']);
    expect(code).toBe(0);
    expect(printed.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(printed) as { file: string; size: number; sha256: string; pages: number; volumes: { name: string; documents: { path: string; pages: number }[] }[] };
    const bytes = readFileSync(out);
    expect(result.file).toBe(out);
    expect(result.size).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.pages).toBe(9);
    expect(result.volumes[0]?.name).toBe('第一卷');
    expect(result.volumes.flatMap((v) => v.documents).reduce((s, d) => s + d.pages, 0)).toBe(9);
    expect(printed).not.toContain('7654321');
    // Same options, same bytes.
    const again = await run(['--out', join(dir, 'e.zip'), '--pages', '9', '--seed', 's', '--case-name', '李某涉嫌盗窃案', '--suspect', '李某', '--open-password', '7654321']);
    expect((JSON.parse(again.printed) as { sha256: string }).sha256).toBe(result.sha256);
  }, 30_000);

  it('refuses bad usage with a clear message', async () => {
    await expect(runConsoleGenerate(['--pages', '9'])).rejects.toThrow(new UsageError('--out is required'));
    await expect(runConsoleGenerate(['--out', join(dir, 'x.zip')])).rejects.toThrow(/--pages is required/);
    await expect(runConsoleGenerate(['--out', join(dir, 'x.zip'), '--pages', '2'])).rejects.toThrow(/--pages must be/);
    await expect(runConsoleGenerate(['--out', join(dir, 'x.zip'), '--pages', 'ten'])).rejects.toThrow(/--pages must be/);
    await expect(runConsoleGenerate(['--out', join(dir, 'x.7z'), '--pages', '9', '--format', 'rar'])).rejects.toThrow(/--format/);
    await expect(runConsoleGenerate(['--out', join(dir, 'x.7z'), '--pages', '9', '--format', '7z', '--gbk'])).rejects.toThrow(/--gbk/);
    await expect(runConsoleGenerate(['--out', join(dir, 'x.zip'), '--pages', '9', '--bogus'])).rejects.toThrow(UsageError);
  });
});
