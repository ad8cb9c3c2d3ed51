import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile } from '../../mock-portal/dossier';
import { MAX_READ_BYTES } from '../../shared/viewer';
import { closeTestLibraries, makePdf, openTestLibrary, PNG_1X1 } from '../library/library-test-kit';
import { DocumentReader } from './document-reader';
import { checkOpenable } from './open-external';

const run = promisify(execFile);

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

let root: string;
let folder: string;
let outside: string;
let encryptedPdf: Buffer;
const reader = new DocumentReader();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'document-reader-'));
  folder = join(root, '卷宗');
  outside = join(root, 'elsewhere');
  await mkdir(join(folder, '第一卷'), { recursive: true });
  await mkdir(outside);
  encryptedPdf = Buffer.from(await makePdf(3, '4826153'));
  await writeFile(join(folder, '第一卷', '01_起诉意见书.pdf'), encryptedPdf);
  await writeFile(join(folder, '第一卷', '现场照片.jpg'), Buffer.concat([JPEG_START, Buffer.alloc(100, 7)]));
  await writeFile(join(folder, '第一卷', '图.png'), PNG_1X1);
  // Names lie: the content decides.
  await writeFile(join(folder, '第一卷', '其实是图片.pdf'), PNG_1X1);
  await writeFile(join(folder, '第一卷', '说明.pdf'), '这不是 PDF');
  await writeFile(join(folder, 'readme.txt'), 'text');
  await writeFile(join(folder, '第一卷', '询问录像.mp4'), Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]));
  await writeFile(join(folder, '第一卷', 'run.exe'), 'MZ');
  // TIFF scans, by real tools: libtiff-style little-endian from ImageMagick, big-endian through tiffcp.
  await run('convert', ['-size', '64x64', 'xc:white', '-compress', 'LZW', join(folder, '第一卷', '扫描件.tif')]);
  await run('tiffcp', ['-B', join(folder, '第一卷', '扫描件.tif'), join(folder, '第一卷', 'big.tiff')]);
  await writeFile(join(outside, 'secret.pdf'), await makePdf(1));
  await symlink(join(folder, '第一卷', '图.png'), join(folder, 'inside-link.png'));
  await symlink(join(outside, 'secret.pdf'), join(folder, 'escape.pdf'));
  await symlink(outside, join(folder, 'escape-dir'));
}, 60_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('DocumentReader.info', () => {
  it('describes PDFs and images by their content', async () => {
    expect(await reader.info(folder, 'd1', '第一卷/01_起诉意见书.pdf')).toEqual({
      dossierId: 'd1',
      path: '第一卷/01_起诉意见书.pdf',
      kind: 'pdf',
      mimeType: 'application/pdf',
      size: encryptedPdf.length,
    });
    expect(await reader.info(folder, 'd1', '第一卷/现场照片.jpg')).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', size: 111 });
    expect(await reader.info(folder, 'd1', '第一卷/图.png')).toMatchObject({ kind: 'image', mimeType: 'image/png', size: PNG_1X1.length });
    expect(await reader.info(folder, 'd1', '第一卷/其实是图片.pdf')).toMatchObject({ kind: 'image', mimeType: 'image/png' });
    // A link that stays inside the folder is followed.
    expect(await reader.info(folder, 'd1', 'inside-link.png')).toMatchObject({ kind: 'image', mimeType: 'image/png' });
  });

  it('tells TIFF scans by their signature, either byte order', async () => {
    expect(await reader.info(folder, 'd1', '第一卷/扫描件.tif')).toMatchObject({ kind: 'tiff', mimeType: 'image/tiff' });
    expect(await reader.info(folder, 'd1', '第一卷/big.tiff')).toMatchObject({ kind: 'tiff', mimeType: 'image/tiff' });
  });

  it('describes files that are neither PDF nor image as other, typed by their name, and never reads them', async () => {
    expect(await reader.info(folder, 'd1', 'readme.txt')).toEqual({ dossierId: 'd1', path: 'readme.txt', kind: 'other', mimeType: 'text/plain', size: 4 });
    expect(await reader.info(folder, 'd1', '第一卷/询问录像.mp4')).toMatchObject({ kind: 'other', mimeType: 'video/mp4', size: 8 });
    // Named .pdf, but not one: other, and no type is claimed for it.
    expect(await reader.info(folder, 'd1', '第一卷/说明.pdf')).toMatchObject({ kind: 'other', mimeType: 'application/octet-stream' });
    await expect(reader.read(folder, 'readme.txt', 0, 4)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent segment', '第一卷/../../elsewhere/secret.pdf'],
    ['a leading parent segment', '../elsewhere/secret.pdf'],
    ['a dot segment', './第一卷/图.png'],
    ['an empty segment', '第一卷//图.png'],
    ['a backslash', '第一卷\\图.png'],
    ['a drive letter', 'C:/Windows/win.ini'],
    ['a link to a file outside', 'escape.pdf'],
    ['a link to a folder outside', 'escape-dir/secret.pdf'],
    ['the folder itself through a folder path', '第一卷'],
  ])('refuses %s', async (_label, path) => {
    await expect(reader.info(folder, 'd1', path)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.read(folder, path, 0, 16)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('says NOT_FOUND for a missing file or folder', async () => {
    await expect(reader.info(folder, 'd1', '第一卷/没有.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reader.info(folder, 'd1', 'readme.txt/under-a-file.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reader.info(join(root, 'gone'), 'd1', 'a.pdf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('DocumentReader.locate and checkOpenable (for the OS\'s own app)', () => {
  it('gives the real path of a file inside the folder, following links that stay inside', async () => {
    expect(await reader.locate(folder, 'readme.txt')).toBe(join(await realpath(folder), 'readme.txt'));
    expect(await reader.locate(folder, 'inside-link.png')).toBe(join(await realpath(folder), '第一卷', '图.png'));
  });

  it('refuses paths outside the folder, folders and missing files', async () => {
    await expect(reader.locate(folder, '../elsewhere/secret.pdf')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.locate(folder, 'escape.pdf')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.locate(folder, '第一卷')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.locate(folder, '第一卷/没有.doc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses programs and scripts, which would run rather than open', () => {
    expect(() => checkOpenable('第一卷/run.exe')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => checkOpenable('第一卷/证据.LNK')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => checkOpenable('a/b.desktop')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => checkOpenable('第一卷/询问录像.mp4')).not.toThrow();
    expect(() => checkOpenable('readme.txt')).not.toThrow();
  });
});

describe('DocumentReader.read', () => {
  it('returns the bytes exactly as on disk (never decrypted), in ranges', async () => {
    const path = '第一卷/01_起诉意见书.pdf';
    expect(Buffer.compare(await reader.read(folder, path, 0, encryptedPdf.length), encryptedPdf)).toBe(0);
    expect(Buffer.compare(await reader.read(folder, path, 100, 50), encryptedPdf.subarray(100, 150))).toBe(0);
    // The tail: fewer bytes than asked, then none at the very end.
    const tail = await reader.read(folder, path, encryptedPdf.length - 10, 100);
    expect(Buffer.compare(tail, encryptedPdf.subarray(-10))).toBe(0);
    expect((await reader.read(folder, path, encryptedPdf.length, 10)).length).toBe(0);
    // Still encrypted: the page text is not in the bytes.
    expect(encryptedPdf.includes(Buffer.from('page 1'))).toBe(false);
  });

  it('refuses ranges outside the rules', async () => {
    const path = '第一卷/图.png';
    await expect(reader.read(folder, path, PNG_1X1.length + 1, 10)).rejects.toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
    await expect(reader.read(folder, path, 0, MAX_READ_BYTES + 1)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.read(folder, path, -1, 10)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.read(folder, path, 0, 0)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.read(folder, path, 1.5, 10)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(reader.read(folder, '第一卷/说明.pdf', 0, 10)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    // A TIFF is read, as the viewer decodes it itself.
    expect((await reader.read(folder, '第一卷/扫描件.tif', 0, 4)).subarray(0, 2).toString('latin1')).toBe('II');
  });
});

describe('with the library', () => {
  afterEach(closeTestLibraries);

  it('reads the documents of an imported dossier from its extracted folder', async () => {
    const kit = await openTestLibrary();
    const written = await writeDossierFile(
      { seed: 'document-reader', caseName: '王某盗窃案', unitName: '重庆市涪陵区人民检察院', suspects: ['王某'], pages: 6, format: 'zip', openPassword: '4826153' },
      join(kit.root, '王某盗窃案.zip'),
    );
    const summary = await kit.library.importArchive({ archivePath: written.filePath, password: '4826153' });
    const extracted = kit.library.extractedFolderOf(summary.id);
    expect(extracted).toBe(join(kit.library.folderOf(summary.id), '王某盗窃案'));
    const first = (await kit.library.get(summary.id)).files[0];
    expect(first?.path).toBe('第一卷/00_封面及卷内目录.pdf');
    const info = await reader.info(extracted as string, summary.id, first?.path as string);
    expect(info).toEqual({ dossierId: summary.id, path: first?.path, kind: 'pdf', mimeType: 'application/pdf', size: first?.size });
    const onDisk = await readFile(join(extracted as string, '第一卷', '00_封面及卷内目录.pdf'));
    expect(Buffer.compare(await reader.read(extracted as string, first?.path as string, 0, 64), onDisk.subarray(0, 64))).toBe(0);
    // The archive and dossier.json are beside the extracted folder, not in it.
    await expect(reader.info(extracted as string, summary.id, '../dossier.json')).rejects.toMatchObject({ code: 'VALIDATION' });
  }, 60_000);
});
