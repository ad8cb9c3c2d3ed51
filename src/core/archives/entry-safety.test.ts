import { describe, expect, it } from 'vitest';
import { entryProblem } from './entry-safety';

const file = (name: string, attributes = '_ -rw-r--r--') => ({ name, attributes, link: '', anti: false });

describe('entryProblem', () => {
  it('accepts plain relative names, Chinese ones and folders', () => {
    expect(entryProblem(file('第一卷/01_起诉意见书.pdf'))).toBeNull();
    expect(entryProblem(file('a..b/c.txt'))).toBeNull();
    expect(entryProblem(file('第一卷', 'D_ drwxr-xr-x'))).toBeNull();
    expect(entryProblem(file('dir\\file.txt'))).toBeNull();
  });

  it.each([
    ['../evil.txt', 'parent directory (..)'],
    ['a/../../evil.txt', 'parent directory (..)'],
    ['a\\..\\..\\evil.txt', 'parent directory (..)'],
    ['/etc/x', 'absolute path'],
    ['\\\\server\\share\\x', 'absolute path'],
    ['C:\\x', 'drive letter or stream'],
    ['c:x', 'drive letter or stream'],
    ['a\nb', 'control character in name'],
    ['', 'empty name'],
  ])('refuses the name %j', (name, problem) => {
    expect(entryProblem(file(name))).toBe(problem);
  });

  it('refuses links, devices, special files and anti-items from their attributes', () => {
    expect(entryProblem(file('lnk', '_ lrwxrwxrwx'))).toBe('symbolic link');
    expect(entryProblem(file('dev', '_ crw-rw-rw-'))).toBe('device');
    expect(entryProblem(file('blk', '_ brw-rw----'))).toBe('device');
    expect(entryProblem(file('fifo', '_ prw-r--r--'))).toBe('special file');
    expect(entryProblem({ ...file('hard'), link: 'target' })).toBe('link');
    expect(entryProblem({ ...file('gone'), anti: true })).toBe('delete item');
  });
});
