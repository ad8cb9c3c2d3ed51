import { describe, expect, it } from 'vitest';
import { isAbsolutePath } from './absolute-path';

describe('isAbsolutePath', () => {
  it('accepts POSIX, drive and UNC paths', () => {
    expect(isAbsolutePath('/Users/zhang/卷宗')).toBe(true);
    expect(isAbsolutePath('D:\\卷宗')).toBe(true);
    expect(isAbsolutePath('c:/dossiers')).toBe(true);
    expect(isAbsolutePath('\\\\nas\\share\\卷宗')).toBe(true);
    expect(isAbsolutePath('  /tmp/x  ')).toBe(true);
  });

  it('refuses relative and drive-relative paths', () => {
    expect(isAbsolutePath('卷宗')).toBe(false);
    expect(isAbsolutePath('./dossiers')).toBe(false);
    expect(isAbsolutePath('D:卷宗')).toBe(false);
    expect(isAbsolutePath('~/卷宗')).toBe(false);
    expect(isAbsolutePath('')).toBe(false);
  });
});
