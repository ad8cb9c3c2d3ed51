import { lstat, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDossier } from '../../mock-portal/dossier';
import { AppError, type ErrorCode } from '../../shared/errors';
import { extractArchive, listArchive } from './index';
import { pythonZip, scratch, sevenZipPack, stage } from './test-archives';

const FILES = { 'readme.txt': 'hello', '第一卷/01_起诉意见书.txt': '起诉意见书正文', '第一卷/子目录/笔录.txt': '讯问笔录' };
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const cleanup: string[] = [];

afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await scratch();
  cleanup.push(dir);
  return dir;
}

async function packed(switches: string[], name: string): Promise<string> {
  const source = await stage(FILES);
  cleanup.push(source);
  const out = join(await tempDir(), name);
  await sevenZipPack(source, out, switches);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Extracting fails with `code`, and the destination's parent holds nothing new. */
async function refused(archive: string, code: ErrorCode, password?: string): Promise<AppError> {
  const parent = await tempDir();
  const dest = join(parent, 'out');
  const error = await failure(extractArchive(archive, dest, password === undefined ? {} : { password }));
  expect(error.code).toBe(code);
  expect(await readdir(parent)).toEqual([]);
  return error;
}

async function expectFiles(dest: string): Promise<void> {
  for (const [path, text] of Object.entries(FILES)) expect(await readFile(join(dest, path), 'utf8')).toBe(text);
}

describe('extractArchive: good archives', () => {
  it.each([
    ['zip (deflate)', ['-tzip'], 'a.zip', undefined],
    ['zip (stored)', ['-tzip', '-mx=0'], 'a.zip', undefined],
    ['zip (ZipCrypto)', ['-tzip', '-pzc-secret'], 'a.zip', 'zc-secret'],
    ['zip (AES-256)', ['-tzip', '-mem=AES256', '-paes-secret'], 'a.zip', 'aes-secret'],
    ['7z', ['-t7z'], 'a.7z', undefined],
    ['7z with encrypted headers', ['-t7z', '-p7z-secret', '-mhe=on'], 'a.7z', '7z-secret'],
  ])('%s: extracts every file with its content and reports progress', async (_label, switches, name, password) => {
    const archive = await packed(switches, name);
    const dest = join(await tempDir(), 'dossier');
    const percents: number[] = [];
    const result = await extractArchive(archive, dest, { ...(password ? { password } : {}), onProgress: (p) => percents.push(p.percent) });
    await expectFiles(dest);
    expect(result.files.map((f) => f.path).sort()).toEqual(Object.keys(FILES).sort());
    expect(result.files.find((f) => f.path === 'readme.txt')?.size).toBe(5);
    expect(percents.at(-1)).toBe(100);
    // Nothing but the destination is left beside it.
    expect(await readdir(dirname(dest))).toEqual(['dossier']);
  });

  it('lists an AES zip without its password but marks it encrypted, and extraction then asks for one', async () => {
    const archive = await packed(['-tzip', '-mem=AES256', '-psecret'], 'a.zip');
    const listing = await listArchive(archive);
    expect(listing.type).toBe('zip');
    expect(listing.encrypted).toBe(true);
    expect(listing.totalBytes).toBe(Object.values(FILES).reduce((sum, text) => sum + Buffer.byteLength(text), 0));
    await refused(archive, 'PASSWORD_REQUIRED');
  });

  it('decodes GBK names written without the UTF-8 flag', async () => {
    const archive = join(await tempDir(), 'gbk.zip');
    await pythonZip(
      archive,
      `
for name, text in [('第一卷/01_起诉意见书.txt', '正文'), ('第一卷/02_讯问笔录（第一次）.txt', '笔录'), ('readme.txt', 'hi')]:
    z.writestr(GbkInfo(name), text.encode('utf-8'))
`,
    );
    // The raw names really are GBK, and no entry carries the UTF-8 flag (bit 11 of the central header's flags).
    const bytes = await readFile(archive);
    expect(bytes.includes(iconv.encode('起诉意见书', 'gbk'))).toBe(true);
    expect(bytes.includes(Buffer.from('起诉意见书', 'utf8'))).toBe(false);
    for (let at = bytes.indexOf(CENTRAL_HEADER); at >= 0; at = bytes.indexOf(CENTRAL_HEADER, at + 4)) expect(bytes.readUInt16LE(at + 8) & 0x800).toBe(0);
    const listing = await listArchive(archive);
    expect(listing.entries.map((e) => e.path).sort()).toEqual(['readme.txt', '第一卷/01_起诉意见书.txt', '第一卷/02_讯问笔录（第一次）.txt']);
    const dest = join(await tempDir(), 'out');
    await extractArchive(archive, dest);
    expect(await readFile(join(dest, '第一卷', '02_讯问笔录（第一次）.txt'), 'utf8')).toBe('笔录');
    expect(await readdir(dest)).toEqual(['readme.txt', '第一卷']);
  });

  it('keeps UTF-8 flagged names as they are', async () => {
    const archive = join(await tempDir(), 'utf8.zip');
    await pythonZip(archive, `z.writestr('卷宗/起诉书.txt', 'x')`);
    expect((await listArchive(archive)).entries.map((e) => e.path)).toEqual(['卷宗/起诉书.txt']);
  });

  it('extracts the generator’s GBK zip and its password-protected 7z', async () => {
    const spec = { seed: 'archives', caseName: '张某某盗窃案', unitName: '北京市海淀区人民检察院', suspects: ['张某某'], pages: 6, openPassword: 'open-1' };
    const zip = await generateDossier({ ...spec, format: 'zip', gbkNames: true });
    const sevenZ = await generateDossier({ ...spec, format: '7z', archivePassword: 'pack-42' });
    const expected = zip.volumes.flatMap((v) => v.documents.map((d) => d.path)).sort();
    for (const [dossier, password] of [[zip, undefined], [sevenZ, 'pack-42']] as const) {
      const dir = await tempDir();
      const archive = join(dir, dossier.fileName);
      await writeFile(archive, dossier.bytes);
      const result = await extractArchive(archive, join(dir, 'out'), password ? { password } : {});
      expect(result.files.map((f) => f.path).sort()).toEqual(expected);
      const first = await readFile(join(dir, 'out', ...(expected[0] as string).split('/')));
      expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const dir = await tempDir();
    const archive = join(dir, 'locked.7z');
    await writeFile(archive, sevenZ.bytes);
    await refused(archive, 'PASSWORD_REQUIRED');
    await refused(archive, 'WRONG_PASSWORD', 'nope');
  }, 60_000);
});

describe('extractArchive: passwords', () => {
  it.each([
    ['zip (ZipCrypto)', ['-tzip', '-pright'], 'a.zip'],
    ['zip (AES-256)', ['-tzip', '-mem=AES256', '-pright'], 'a.zip'],
    ['7z', ['-t7z', '-pright'], 'a.7z'],
    ['7z with encrypted headers', ['-t7z', '-pright', '-mhe=on'], 'a.7z'],
  ])('%s: a wrong password fails and leaves nothing; a missing one is asked for', async (_label, switches, name) => {
    const archive = await packed(switches, name);
    const wrong = await refused(archive, 'WRONG_PASSWORD', 'wrong-guess');
    expect(wrong.message).not.toContain('wrong-guess');
    await refused(archive, 'PASSWORD_REQUIRED');
  });
});

describe('extractArchive: hostile archives', () => {
  it.each([
    ['zip-slip', `z.writestr('../evil.txt', 'x')`, '../evil.txt'],
    ['deep zip-slip', `z.writestr('ok/../../evil.txt', 'x')`, 'ok/../../evil.txt'],
    ['absolute path', `z.writestr('/etc/x', 'x')`, '/etc/x'],
    ['drive letter', `z.writestr('C:\\\\x', 'x')`, 'C:\\x'],
    ['backslash traversal', `z.writestr('a\\\\..\\\\..\\\\evil.txt', 'x')`, 'a\\..\\..\\evil.txt'],
    [
      'symlink',
      `info = ZipInfo('link')\ninfo.create_system = 3\ninfo.external_attr = 0o120777 << 16\nz.writestr(info, '/etc/passwd')`,
      'link',
    ],
    ['character device', `info = ZipInfo('dev')\ninfo.create_system = 3\ninfo.external_attr = 0o020666 << 16\nz.writestr(info, '')`, 'dev'],
  ])('refuses a %s entry, names it, and writes nothing', async (_label, body, name) => {
    const archive = join(await tempDir(), 'hostile.zip');
    await pythonZip(archive, `z.writestr('innocent.txt', 'fine')\n${body}`);
    const error = await refused(archive, 'UNSAFE_ARCHIVE');
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('innocent.txt');
    expect((await failure(listArchive(archive))).code).toBe('UNSAFE_ARCHIVE');
  });

  it('refuses a symlink followed by a file written through it (the p7zip escape)', async () => {
    const outside = await tempDir();
    const archive = join(await tempDir(), 'escape.zip');
    await pythonZip(
      archive,
      `info = ZipInfo('dir')\ninfo.create_system = 3\ninfo.external_attr = 0o120777 << 16\nz.writestr(info, ${JSON.stringify(outside)})\nz.writestr('dir/pwned.txt', 'x')`,
    );
    await refused(archive, 'UNSAFE_ARCHIVE');
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('extractArchive: broken input', () => {
  it('refuses a truncated zip and a truncated 7z as corrupt, leaving nothing', async () => {
    for (const [switches, name] of [[['-tzip'], 'a.zip'], [['-t7z'], 'a.7z']] as const) {
      const archive = await packed([...switches], name);
      const size = (await lstat(archive)).size;
      await truncate(archive, Math.floor(size * 0.6));
      await refused(archive, 'CORRUPT_ARCHIVE');
    }
  });

  it('refuses an archive whose data is damaged', async () => {
    const archive = await packed(['-tzip', '-mx=0'], 'a.zip');
    const bytes = await readFile(archive);
    const at = bytes.indexOf(Buffer.from('起诉意见书正文'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(archive, bytes);
    await refused(archive, 'CORRUPT_ARCHIVE');
  });

  it('refuses something that is not an archive as unsupported', async () => {
    const file = join(await tempDir(), 'notes.zip');
    await writeFile(file, 'just some text, not an archive at all\n');
    await refused(file, 'UNSUPPORTED_ARCHIVE');
  });

  it('refuses a format other than zip and 7z', async () => {
    const archive = await packed(['-ttar'], 'a.tar');
    await refused(archive, 'UNSUPPORTED_ARCHIVE');
  });

  it('refuses a destination that already has files, touching nothing', async () => {
    const archive = await packed(['-tzip'], 'a.zip');
    const dest = await tempDir();
    await writeFile(join(dest, 'mine.txt'), 'keep');
    expect((await failure(extractArchive(archive, dest))).code).toBe('CONFLICT');
    expect(await readdir(dest)).toEqual(['mine.txt']);
  });

  it('stops when aborted and leaves nothing', async () => {
    const archive = await packed(['-tzip'], 'a.zip');
    const parent = await tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(extractArchive(archive, join(parent, 'out'), { signal: controller.signal })).rejects.toThrow();
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a destination that is a symbolic link', async () => {
    // A link could point anywhere; only a real, empty folder (or none) is taken.
    const archive = await packed(['-tzip'], 'a.zip');
    const parent = await tempDir();
    await symlink(await tempDir(), join(parent, 'out'));
    expect((await failure(extractArchive(archive, join(parent, 'out')))).code).toBe('CONFLICT');
  });
});
