import { describe, expect, it } from 'vitest';
import { newDossierPasswords } from './dossier-passwords';

describe('newDossierPasswords', () => {
  it('makes a 6-digit download and a 7-digit open password, fresh each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const { download, open } = newDossierPasswords();
      expect(download).toMatch(/^\d{6}$/);
      expect(open).toMatch(/^\d{7}$/);
      seen.add(download);
    }
    expect(seen.size).toBeGreaterThan(15);
  });
});
