import { describe, expect, it } from 'vitest';
import { seedLawyers } from '../state/seed-lawyers';
import { PortalStore } from '../state/store';
import { SMS_CODE_TTL_MS, SMS_RESEND_MS, SmsLoginService } from './sms-login';
import { SmsService } from './sms';
import { TokenService } from './tokens';

async function setup() {
  const store = await PortalStore.open();
  await seedLawyers(store);
  const clock = { now: Date.now() };
  const sms = new SmsService(store);
  const service = new SmsLoginService(store, new TokenService(store, 60_000), sms, () => clock.now);
  const lastCode = (): string => /验证码为：(\d{6})/.exec(sms.inbox('13800000001').at(-1)?.text ?? '')?.[1] ?? '';
  return { store, clock, service, lastCode };
}

describe('SmsLoginService', () => {
  it('lets a new code be sent after a minute, and the new one replaces the old', async () => {
    const { clock, service, lastCode } = await setup();
    await service.request('13800000001');
    const first = lastCode();
    clock.now += SMS_RESEND_MS - 1_500;
    await expect(service.request('13800000001')).rejects.toThrow('请 2 秒后再试');
    clock.now += 1_500;
    await service.request('13800000001');
    const second = lastCode();
    if (first !== second) await expect(service.login('13800000001', first)).rejects.toThrow('验证码错误');
    await expect(service.login('13800000001', second)).resolves.toMatchObject({ method: 'sms' });
  });

  it('refuses a code after 5 minutes', async () => {
    const { clock, service, lastCode } = await setup();
    await service.request('13800000001');
    clock.now += SMS_CODE_TTL_MS;
    await expect(service.login('13800000001', lastCode())).rejects.toThrow('验证码已过期，请重新获取');
  });

  it('keeps only MACs of codes, and forgets them once they can no longer matter', async () => {
    const { store, clock, service, lastCode } = await setup();
    await service.request('13800000001');
    const code = lastCode();
    expect(JSON.stringify([...store.accounts.values(), ...store.tokens.values()])).not.toContain(code);
    clock.now += SMS_CODE_TTL_MS;
    service.purge();
    await expect(service.login('13800000001', code)).rejects.toThrow('请先获取短信验证码');
    await expect(service.request('13800000001')).resolves.toMatchObject({ resendAfterSeconds: 60 });
  });
});
