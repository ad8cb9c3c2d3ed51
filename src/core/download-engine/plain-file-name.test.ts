import { describe, expect, it } from 'vitest';
import { checkPlainFileName } from './plain-file-name';

describe('checkPlainFileName', () => {
  it('keeps an ordinary Chinese archive name', () => {
    expect(checkPlainFileName(' 陈某危险驾驶案.zip ')).toBe('陈某危险驾驶案.zip');
  });

  it.each(['../x.zip', 'a/b.zip', 'a\\\\b.zip', 'C:x.zip', '.hidden', '..', '', 'nul.zip', 'CONIN$', 'com¹.zip', 'a\u0000.zip'])('refuses %j', (name) => {
    expect(() => checkPlainFileName(name)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
