import { describe, expect, it } from 'vitest';
import { PortalStore } from '../state/store';
import { TokenService, sha256Hex } from './tokens';

async function setup() {
  const store = await PortalStore.open();
  store.accounts.set('acc', {
    id: 'acc',
    name: '冯十二',
    idNumber: '11010519491231002X',
    licenseNumber: '11101201010000001',
    phone: '13600000000',
    activatedAt: new Date().toISOString(),
    registered: false,
    qrAuthorized: false,
    lawFirm: null,
    email: null,
    address: null,
    passwordHash: null,
    failedPasswordAttempts: 0,
    passwordLockedUntil: null,
  });
  return { store, tokens: new TokenService(store, 1_000) };
}

describe('TokenService', () => {
  it('keeps only the SHA-256 of a token, with a fixed lifetime', async () => {
    const { store, tokens } = await setup();
    const now = Date.now();
    const { token, expiresAt } = tokens.issue('acc', 'qr', now);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toBe(new Date(now + 1_000).toISOString());
    expect([...store.tokens.keys()]).toEqual([sha256Hex(token)]);
    expect(JSON.stringify([...store.tokens.values()])).not.toContain(token);

    expect(tokens.authenticate(token, now + 999).name).toBe('冯十二');
    // Using a token does not extend it.
    expect(() => tokens.authenticate(token, now + 1_000)).toThrow('登录已过期，请重新登录');
  });

  it('purges expired tokens only', async () => {
    const { store, tokens } = await setup();
    const now = Date.now();
    tokens.issue('acc', 'qr', now - 2_000);
    const live = tokens.issue('acc', 'qr', now);
    expect(tokens.purge(now)).toBe(true);
    expect([...store.tokens.keys()]).toEqual([sha256Hex(live.token)]);
    expect(tokens.purge(now)).toBe(false);
  });
});
