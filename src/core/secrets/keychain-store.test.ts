// Runs against the real OS keychain: on Linux a Secret Service (gnome-keyring in dbus-run-session,
// which `npm test` starts when none is running).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from './keychain-store';

describe('KeychainSecretStore (real keychain)', () => {
  it('stores, reads back and deletes a secret', async () => {
    const store = await KeychainSecretStore.open('dossier-desk-test');
    const account = `test-${randomBytes(4).toString('hex')}`;
    const secret = `令牌-${randomBytes(8).toString('hex')}`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    await store.set(account, `${secret}-2`);
    expect(await store.get(account)).toBe(`${secret}-2`);
    await store.delete(account);
    expect(await store.get(account)).toBeNull();
  });
});
