import { describe, expect, it } from 'vitest';
import { routeFromHash, viewerDossierId, viewerHash } from './routes';

describe('viewer addresses', () => {
  it('carry the dossier id, encoded', () => {
    expect(viewerHash('appt-42')).toBe('#/viewer/appt-42');
    expect(viewerHash('a b/c')).toBe('#/viewer/a%20b%2Fc');
    expect(viewerDossierId(viewerHash('a b/c'))).toBe('a b/c');
    expect(routeFromHash(viewerHash('appt-42'))).toBe('viewer');
  });

  it('without a dossier lead to 卷宗库, and other addresses are not viewer addresses', () => {
    expect(viewerDossierId('#/viewer')).toBeNull();
    expect(viewerDossierId('#/viewer/%E0%A4%A')).toBeNull();
    expect(viewerDossierId('#/library')).toBeNull();
    expect(routeFromHash('#/viewer')).toBe('library');
    expect(routeFromHash('#/viewer/')).toBe('library');
  });
});
