import { describe, expect, it } from 'vitest';
import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it('keeps an ordinary Chinese archive name', () => {
    expect(safeFileName(' 陈某危险驾驶案.zip ')).toBe('陈某危险驾驶案.zip');
  });

  it.each(['../x.zip', 'a/b.zip', 'a\\\\b.zip', 'C:x.zip', '.hidden', '..', '', 'nul.zip', 'a\u0000.zip'])('refuses %j', (name) => {
    expect(() => safeFileName(name)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
