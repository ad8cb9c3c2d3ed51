import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedLawyers } from '../state/seed-lawyers';
import { PortalStore } from '../state/store';
import { MAX_PASSWORD_FAILURES, PASSWORD_LOCKOUT_MS, PasswordLoginService } from './password-login';
import { TokenService } from './tokens';

async function setup() {
  const store = await PortalStore.open();
  await seedLawyers(store);
  const clock = { now: Date.now() };
  const service = new PasswordLoginService(store, new TokenService(store, 60_000), () => clock.now);
  return { store, clock, service };
}

describe('PasswordLoginService', () => {
  it('tells the minutes left of a lockout, and lets the lawyer try again after it', async () => {
    const { store, clock, service } = await setup();
    for (let i = 1; i < MAX_PASSWORD_FAILURES; i += 1) await expect(service.login('13800000001', 'Wrong1234')).rejects.toThrow('错误');
    await expect(service.login('13800000001', 'Wrong1234')).rejects.toThrow('请 15 分钟后再试');
    clock.now += PASSWORD_LOCKOUT_MS - 61_000;
    await expect(service.login('13800000001', DEMO_PASSWORD)).rejects.toThrow('请 2 分钟后再试');
    clock.now += 61_000;
    await expect(service.login('13800000001', 'Wrong1234')).rejects.toThrow('还可尝试 4 次');
    await expect(service.login('13800000001', DEMO_PASSWORD)).resolves.toMatchObject({ method: 'password' });
    expect(store.accounts.get('demo-lawyer-registered')).toMatchObject({ failedPasswordAttempts: 0, passwordLockedUntil: null });
  });

  it('never stores the password itself', async () => {
    const { store, service } = await setup();
    const account = store.accounts.get('demo-lawyer-registered');
    if (!account) throw new Error('seed missing');
    await service.change(account, DEMO_PASSWORD, 'Brand1New2');
    expect(account.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(account)).not.toContain('Brand1New2');
    await expect(service.login('13800000001', 'Brand1New2')).resolves.toMatchObject({ method: 'password' });
  });
});
