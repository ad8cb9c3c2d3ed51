// This file's worker points D-Bus at nowhere before keytar connects, so the real keytar finds no
// Secret Service, as on a desktop without a keychain.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/dossier-desk-no-bus';

import { describe, expect, it } from 'vitest';
import { openSecretStore } from './index';

describe('openSecretStore without a keychain', () => {
  it('falls back to memory, says why once, and still keeps secrets for the run', async () => {
    const reasons: string[] = [];
    const store = await openSecretStore('keychain', (reason) => reasons.push(reason));
    expect(store.kind).toBe('memory');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toBe('');
    await store.set('session', 'abc');
    expect(await store.get('session')).toBe('abc');
    expect(reasons).toHaveLength(1);
  });
});
