import { describe, expect, it } from 'vitest';
import { planSavedNames, savedSegment } from './saved-names';

const files = (...paths: string[]) => paths.map((path) => ({ path, folder: false }));

describe('savedSegment', () => {
  it.each([
    ['起诉意见书.pdf', '起诉意见书.pdf'],
    ['CON', 'CON_'],
    ['aux.txt', 'aux_.txt'],
    ['nul.tar.gz', 'nul_.tar.gz'],
    ['COM1', 'COM1_'],
    ['lpt9.pdf', 'lpt9_.pdf'],
    ['console.txt', 'console.txt'],
    ['name. . ', 'name'],
    ['...', '_'],
    ['a<b>c|d?e*f"g.pdf', 'a_b_c_d_e_f_g.pdf'],
  ])('%j → %j', (name, saved) => {
    expect(savedSegment(name)).toBe(saved);
  });

});

describe('planSavedNames', () => {
  it('ignores `.` entries and drops `.` segments', () => {
    const plan = planSavedNames([{ path: '.', folder: true }, ...files('./a.txt', 'b/./c.txt')]);
    expect(plan.saved).toEqual([null, 'a.txt', 'b/c.txt']);
    expect(plan.problems).toEqual([]);
  });

  it('renames reserved names, in folders too, and reports each file renamed', () => {
    const plan = planSavedNames([{ path: 'CON', folder: true }, ...files('CON/aux.txt', 'ok.pdf')]);
    expect(plan.saved).toEqual(['CON_', 'CON_/aux_.txt', 'ok.pdf']);
    expect(plan.renamed).toEqual([
      { original: 'CON', saved: 'CON_' },
      { original: 'CON/aux.txt', saved: 'CON_/aux_.txt' },
    ]);
  });

  it('numbers a renamed name that meets another one', () => {
    const plan = planSavedNames(files('con_.txt', 'CON.txt', 'a.', 'a'));
    expect(plan.saved).toEqual(['con_.txt', 'CON_ (2).txt', 'a', 'a (2)']);
    expect(plan.problems).toEqual([]);
  });

  it('refuses exact duplicates, names differing only in case, and a file sharing a folder’s name', () => {
    expect(planSavedNames(files('a.pdf', 'a.pdf')).problems).toEqual([{ name: 'a.pdf', problem: 'duplicate name' }]);
    expect(planSavedNames(files('卷/Scan.pdf', '卷/scan.PDF')).problems).toEqual([{ name: '卷/scan.PDF', problem: 'differs only in case from 卷/Scan.pdf' }]);
    expect(planSavedNames(files('Vol/a.pdf', 'vol/A.pdf')).problems).toHaveLength(1);
    expect(planSavedNames(files('a', 'a/b.txt')).problems).toEqual([{ name: 'a/b.txt', problem: 'a file and a folder share the name a' }]);
  });

  it('refuses a segment over 255 bytes and an overlong path', () => {
    expect(planSavedNames(files(`${'卷'.repeat(85)}.pdf`)).problems).toEqual([{ name: `${'卷'.repeat(85)}.pdf`, problem: 'name longer than 255 bytes' }]);
    expect(planSavedNames(files('a'.repeat(255))).problems).toEqual([]);
    expect(planSavedNames(files(Array.from({ length: 20 }, () => 'x'.repeat(200)).join('/'))).problems[0]?.problem).toBe('path too long');
  });

  it('merges folders differing only in case into the first one seen', () => {
    expect(planSavedNames(files('Vol/a.pdf', 'vol/b.pdf')).saved).toEqual(['Vol/a.pdf', 'Vol/b.pdf']);
  });
});
