import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { ArchiveEntry, ArchiveListing } from '../archives';
import { archiveContents, caseNameOf, isDossier } from './dossier-recognition';

function listing(...paths: string[]): ArchiveListing {
  const entries: ArchiveEntry[] = paths.map((path) => ({ path: path.replace(/\/$/, ''), rawPath: path, folder: path.endsWith('/'), size: 1, encrypted: false }));
  return { type: 'zip', entries, totalBytes: entries.length, encrypted: false };
}

const contentsOf = (result: ArchiveListing | Error): Promise<string> =>
  archiveContents(async () => {
    if (result instanceof Error) throw result;
    return result;
  }, '/x.zip');

describe('archiveContents', () => {
  it('calls an archive of PDFs, images and TIFFs documents, ignoring folders and a file manager’s leftovers', async () => {
    expect(await contentsOf(listing('第一卷/', '第一卷/a.PDF', 'b.jpeg', 'c.png', 'd.tif', 'e.TIFF', '__MACOSX/._a.pdf', '.DS_Store', 'Thumbs.db', 'desktop.ini'))).toBe('documents');
    expect(await contentsOf(listing('a.pdf', 'b.txt'))).toBe('other');
    expect(await contentsOf(listing('第一卷/', '.DS_Store'))).toBe('other');
  });

  it('tells encrypted names and broken archives apart from a listing that could not run', async () => {
    expect(await contentsOf(new AppError('PASSWORD_REQUIRED', 'x'))).toBe('encrypted');
    expect(await contentsOf(new AppError('CORRUPT_ARCHIVE', 'x'))).toBe('unreadable');
    expect(await contentsOf(new AppError('UNSAFE_ARCHIVE', 'x'))).toBe('unreadable');
    await expect(contentsOf(new Error('spawn 7za EACCES'))).rejects.toThrow('EACCES');
  });
});

describe('caseNameOf', () => {
  const cases = ['张三故意伤害案', '张三故意伤害、寻衅滋事案', 'Ａ公司走私案'];

  it('finds the longest known case name in the file name, folding width, case and spaces', () => {
    expect(caseNameOf('张三 故意伤害案.zip', cases)).toBe('张三故意伤害案');
    expect(caseNameOf('【卷宗】张三故意伤害、寻衅滋事案 (2).7z', cases)).toBe('张三故意伤害、寻衅滋事案');
    expect(caseNameOf('a公司走私案卷宗.ZIP', cases)).toBe('Ａ公司走私案');
    expect(caseNameOf('卷宗.zip', cases)).toBeNull();
  });

  it('accepts a file name inside a case name only when it says enough', () => {
    expect(caseNameOf('张三故意伤害 (1).zip', cases)).toBe('张三故意伤害案');
    expect(caseNameOf('张三.zip', cases)).toBeNull();
  });

  it('makes a dossier of documents, or of a readable or encrypted archive carrying a case', () => {
    expect(isDossier('documents', null)).toBe(true);
    expect(isDossier('other', null)).toBe(false);
    expect(isDossier('other', '张三故意伤害案')).toBe(true);
    expect(isDossier('encrypted', '张三故意伤害案')).toBe(true);
    expect(isDossier('encrypted', null)).toBe(false);
    expect(isDossier('unreadable', '张三故意伤害案')).toBe(false);
  });
});
