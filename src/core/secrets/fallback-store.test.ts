import { describe, expect, it } from 'vitest';
import { FallbackSecretStore } from './fallback-store';
import { MemorySecretStore } from './memory-store';
import type { SecretStore } from './secret-store';

/** A keychain that works until told to fail, as when the keyring daemon stops mid-run. */
class BreakableKeychain implements SecretStore {
  readonly kind = 'keychain' as const;
  broken = false;
  private readonly inner = new MemorySecretStore();
  private check() {
    if (this.broken) throw new Error('The name org.freedesktop.secrets was not provided');
  }
  async get(account: string) {
    this.check();
    return this.inner.get(account);
  }
  async set(account: string, secret: string) {
    this.check();
    return this.inner.set(account, secret);
  }
  async delete(account: string) {
    this.check();
    return this.inner.delete(account);
  }
}

describe('FallbackSecretStore', () => {
  it('uses the keychain while it answers', async () => {
    const keychain = new BreakableKeychain();
    const store = new FallbackSecretStore(keychain, () => {
      throw new Error('must not fall back');
    });
    await store.set('a', '1');
    expect(await keychain.get('a')).toBe('1');
    expect(store.kind).toBe('keychain');
  });

  it('switches to memory when the keychain fails, reporting it once', async () => {
    const keychain = new BreakableKeychain();
    const reasons: string[] = [];
    const store = new FallbackSecretStore(keychain, (reason) => reasons.push(reason));
    keychain.broken = true;
    await store.set('session', 'token-1');
    expect(store.kind).toBe('memory');
    expect(await store.get('session')).toBe('token-1');
    await store.delete('session');
    expect(await store.get('session')).toBeNull();
    expect(reasons).toEqual(['The name org.freedesktop.secrets was not provided']);
  });
});
