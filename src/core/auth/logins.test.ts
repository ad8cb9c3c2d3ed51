// SMS-code and password logins and step-up verification through core, against the real mock portal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { latestSms, lawyerFixture, registerByQr } from '../../mock-portal/test-helpers';
import { dispatchCall } from '../../shared/dispatch';
import { MemorySecretStore } from '../secrets';
import { CoreHarness, logInByQr, nextEvent, scanWithPhone } from '../test-harness';
import { AuthService } from './index';
import { EventHub } from '../events/event-hub';
import { PortalClient } from '../portal-client';

let portal: MockPortal;
const harness = new CoreHarness();

beforeEach(async () => {
  portal = await startMockPortal();
});
afterEach(async () => {
  await harness.closeAll();
  await portal.close();
});

async function codeFromInbox(phone: string): Promise<string> {
  const code = /验证码为：(\d{6})/.exec((await latestSms(portal.url, phone))?.text ?? '')?.[1];
  if (!code) throw new Error('no login code in the inbox');
  return code;
}

describe('手机号 + 短信验证码', () => {
  it('texts a code and signs in with it, straight to ready', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url);
    const sent = await core.api['auth.smsCodeRequest']({ phone: lawyer.phone });
    expect(sent.resendAfterSeconds).toBeGreaterThan(0);
    const changed = nextEvent(core, 'auth.sessionChanged');
    const session = await core.api['auth.smsLogin']({ phone: lawyer.phone, code: await codeFromInbox(lawyer.phone) });
    expect(session).toMatchObject({ status: 'signed-in', stage: 'ready', lawyer: { phone: lawyer.phone } });
    expect(await changed).toEqual(session);
    expect(await core.api['auth.session']({})).toEqual(session);
    // Asking again at once is refused by the portal, unchanged.
    await expect(core.api['auth.smsCodeRequest']({ phone: lawyer.phone })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses a wrong code and bad input', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url);
    await core.api['auth.smsCodeRequest']({ phone: lawyer.phone });
    const right = await codeFromInbox(lawyer.phone);
    const wrong = right === '000000' ? '111111' : '000000';
    await expect(core.api['auth.smsLogin']({ phone: lawyer.phone, code: wrong })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });
    await expect(dispatchCall(core.api, 'auth.smsLogin', { phone: lawyer.phone, code: '12ab' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('验证码为 6 位数字'),
    });
    await expect(dispatchCall(core.api, 'auth.smsCodeRequest', { phone: '12345' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('手机号格式不正确'),
    });
  });
});

describe('手机号 + 密码', () => {
  it('signs in the demo lawyer with the demo password and keeps the token in the secret store', async () => {
    const secrets = new MemorySecretStore();
    const events = new EventHub();
    const auth = new AuthService({ portal: new PortalClient({ baseUrl: portal.url }), secrets, events, tokenAccount: 'session' });
    const session = await auth.passwordLogin('13800000001', 'Demo@12309');
    expect(session).toMatchObject({ status: 'signed-in', stage: 'ready', lawyer: { name: '张明远' } });
    expect(await secrets.get('session')).toMatch(/\S{16,}/);
    await auth.logout();
    expect(await secrets.get('session')).toBeNull();
  });

  it('refuses a wrong password without signing in', async () => {
    const core = await harness.open(portal.url);
    await expect(core.api['auth.passwordLogin']({ phone: '13800000001', password: 'wrong-1' })).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });
    await expect(dispatchCall(core.api, 'auth.passwordLogin', { phone: '13800000001', password: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('stepUp.start', () => {
  it('needs a session', async () => {
    const core = await harness.open(portal.url);
    await expect(core.api['stepUp.start']({ action: 'binding' })).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(dispatchCall(core.api, 'stepUp.start', { action: 'everything' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('follows a verify QR through scanned and confirmed, leaving the session as it was', async () => {
    const core = await harness.open(portal.url);
    const before = await core.api['auth.passwordLogin']({ phone: '13800000001', password: 'Demo@12309' });
    const qr = await core.api['stepUp.start']({ action: 'review' });
    expect(qr).toMatchObject({ state: 'waiting', scannedBy: null });
    const states: string[] = [];
    core.on('auth.qrState', (state) => {
      if (state.id === qr.id) states.push(state.state);
    });
    const confirmed = nextEvent(core, 'auth.qrState', (state) => state.id === qr.id && state.state === 'confirmed');
    await scanWithPhone(portal.url, qr, '13800000001');
    expect(await confirmed).toMatchObject({ id: qr.id, scannedBy: '张明远' });
    expect(states).toEqual(['scanned', 'confirmed']);
    expect(await core.api['auth.session']({})).toEqual(before);
  });

  it('reports a verification cancelled on the phone', async () => {
    const lawyer = lawyerFixture();
    await registerByQr(portal.url, lawyer);
    const core = await harness.open(portal.url);
    await logInByQr(core, portal.url, lawyer.phone);
    const qr = await core.api['stepUp.start']({ action: 'binding' });
    const cancelled = nextEvent(core, 'auth.qrState', (state) => state.id === qr.id && state.state === 'cancelled');
    await scanWithPhone(portal.url, qr, lawyer.phone, 'cancel');
    expect((await cancelled).id).toBe(qr.id);
    expect(await core.api['auth.session']({})).toMatchObject({ status: 'signed-in' });
  });
});
