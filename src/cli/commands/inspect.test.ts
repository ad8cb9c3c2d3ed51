import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pageTreePdf } from '../../core/pdf/hostile-pdfs';
import { chineseSourcePdf, encryptPdf, predefinedCmapPdf } from '../../core/pdf/test-pdfs';
import { dossierFontBytes, dossierFontkit } from '../../mock-portal/dossier/dossier-font';
import { buildCli } from '../built-cli';
import { runCli } from '../run-cli';

const USER = 'S3cret-42';
let dir: string;
let plain: string;
let locked: string;
let ownerOnly: string;
let cmapText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-cli-'));
  const source = await chineseSourcePdf({ bytes: dossierFontBytes(), fontkit: dossierFontkit });
  plain = join(dir, '讯问笔录.pdf');
  locked = join(dir, 'locked.pdf');
  ownerOnly = join(dir, 'owner-only.pdf');
  cmapText = join(dir, 'cmap.pdf');
  await writeFile(plain, source);
  await writeFile(locked, await encryptPdf('qpdf', 'aes-256', source, { user: USER, owner: 'owner-pw' }));
  await writeFile(ownerOnly, await encryptPdf('mutool', 'aes-128', source, { user: '', owner: 'owner-pw' }));
  await writeFile(cmapText, await predefinedCmapPdf('起诉意见书 被害人'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('dossier inspect', () => {
  it('prints pages and encryption of a plain PDF, text only when asked', async () => {
    const bare = await runCli(['inspect', plain]);
    expect(bare).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(bare.out)).toEqual({ pages: 3, encrypted: false, needsPassword: false });
    const withText = await runCli(['inspect', plain, '--text']);
    const parsed = JSON.parse(withText.out) as { text: string[] };
    expect(parsed.text).toHaveLength(3);
    expect(parsed.text[0]).toBe('讯问笔录时间:2024年3月5日9时地点:重庆市涪陵区公安局办案中心');
    // Radicals as ordinary ideographs, no spaces, full-width as ASCII, lower case.
    expect(parsed.text[1]).toContain('我看见被害人倒在地上');
    expect(parsed.text[2]).toContain('abc-123全角abc');
  });

  it('opens an encrypted PDF with its password and reads its text', async () => {
    const result = await runCli(['inspect', locked, '--password-stdin', '--text'], `${USER}\n`);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { pages: number; encrypted: boolean; needsPassword: boolean; text: string[] };
    expect(parsed).toMatchObject({ pages: 3, encrypted: true, needsPassword: true });
    expect(parsed.text[1]).toContain('犯罪嫌疑人陈浩然当时在场');
  });

  it('says a document with only an owner password is encrypted but needs none', async () => {
    for (const extra of [[], ['--password-stdin']]) {
      const result = await runCli(['inspect', ownerOnly, ...extra], 'wrong-user-pw\n');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toEqual({ pages: 3, encrypted: true, needsPassword: false });
    }
  });

  it('reads CJK text through the CMaps of the installed pdf.js', async () => {
    const result = await runCli(['inspect', cmapText, '--text']);
    expect(JSON.parse(result.out)).toEqual({ pages: 1, encrypted: false, needsPassword: false, text: ['起诉意见书被害人'] });
  });

  it.each([
    ['a wrong password', () => [locked, '--password-stdin'], /WRONG_PASSWORD/],
    ['a missing password', () => [locked], /PASSWORD_REQUIRED/],
    ['a file that is not a PDF', () => [join(dir, 'notes.txt')], /UNSUPPORTED_MEDIA_TYPE/],
    ['a missing file', () => [join(dir, 'nothing.pdf')], /NOT_FOUND/],
    ['a page tree of 200,000 kids', () => [join(dir, 'wide.pdf'), '--text'], /200000 页，上限 20000 页 \[LIMIT_EXCEEDED\]/],
    ['a page count of -5', () => [join(dir, 'negative.pdf')], /页数无效（-5） \[INTERNAL\]/],
  ])('exits 1 with one line on stderr for %s, never echoing a password', async (_label, args, pattern) => {
    await writeFile(join(dir, 'notes.txt'), 'plain text');
    await writeFile(join(dir, 'wide.pdf'), pageTreePdf(200_000));
    await writeFile(join(dir, 'negative.pdf'), pageTreePdf(1, -5));
    const result = await runCli(['inspect', ...args()], 'guess-123\n');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^dossier inspect: /);
    expect(result.err).toMatch(pattern);
    expect(result.err).not.toContain('guess-123');
  });

  it('needs exactly one file', async () => {
    expect((await runCli(['inspect'])).code).toBe(2);
    expect((await runCli(['inspect', plain, plain])).code).toBe(2);
  });

  it('works bundled as the CLI is built (pdf.js and its CMaps resolved from the bundle)', async () => {
    const cli = await buildCli();
    try {
      const result = spawnSync(process.execPath, [cli.bin, 'inspect', cmapText, '--text'], { encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ text: ['起诉意见书被害人'] });
    } finally {
      await cli.remove();
    }
  }, 60_000);
});
