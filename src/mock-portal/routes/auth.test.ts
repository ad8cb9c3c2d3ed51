import { afterEach, describe, expect, it } from 'vitest';
import type { LoginTokenResponse, MeResponse, PhoneScanResponse, QrSessionView } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal, type MockPortalOptions } from '../index';
import { DEMO_PASSWORD } from '../state/seed-lawyers';
import {
  activate,
  api,
  errorOf,
  latestSms,
  lawyerFixture,
  loginByQr,
  loginBySms,
  registerByQr,
  requestLoginCode,
  verifyByPhone,
  waitUntil,
} from '../test-helpers';

const portals: MockPortal[] = [];
async function start(options: MockPortalOptions = {}): Promise<MockPortal> {
  const portal = await startMockPortal(options);
  portals.push(portal);
  return portal;
}
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
});

async function newSession(url: string): Promise<QrSessionView> {
  const answer = await api<QrSessionView>(url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'login' } });
  expect(answer.status).toBe(201);
  return answer.body;
}
const getSession = (url: string, id: string, query = '') =>
  api<QrSessionView>(url, 'GET', `/api/auth/qr-sessions/${id}${query}`);
const scan = (url: string, qrText: string, phone: string) =>
  api<PhoneScanResponse>(url, 'POST', '/api/phone/scan', { body: { qrText, phone } });
const decide = (url: string, sessionId: string, phone: string, decision: 'confirm' | 'cancel') =>
  api(url, 'POST', '/api/phone/confirm', { body: { sessionId, phone, decision } });
const claim = (url: string, id: string) => api<LoginTokenResponse>(url, 'POST', `/api/auth/qr-sessions/${id}/token`);

describe('QR login', () => {
  it('goes waiting → scanned → confirmed and hands out the token once', async () => {
    const { url } = await start({ qrTtlMs: 60_000 });
    const lawyer = lawyerFixture({ name: '王五' });
    await activate(url, lawyer);

    const before = Date.now();
    const session = await newSession(url);
    expect(session).toMatchObject({ purpose: 'login', state: 'waiting', scannedBy: null });
    expect(Date.parse(session.expiresAt) - before).toBeGreaterThan(59_000);
    expect(session.qrText).toMatch(/^12309QR:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(session.qrText.length).toBeLessThanOrEqual(64);
    expect(session.qrText).toContain(session.id);

    expect((await claim(url, session.id)).status).toBe(409);

    const scanned = await scan(url, session.qrText, lawyer.phone);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toEqual({ sessionId: session.id, purpose: 'login', prompt: '确认登录 12309 中国检察网？' });
    expect((await getSession(url, session.id)).body).toMatchObject({ state: 'scanned', scannedBy: '王五' });

    const again = await scan(url, session.qrText, lawyer.phone);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('QR_USED');

    const confirmed = await decide(url, session.id, lawyer.phone, 'confirm');
    expect(confirmed.body).toEqual({ sessionId: session.id, state: 'confirmed' });
    expect((await getSession(url, session.id)).body.state).toBe('confirmed');

    const token = await claim(url, session.id);
    expect(token.status).toBe(200);
    expect(token.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await claim(url, session.id);
    expect(second.status).toBe(409);
    expect(errorOf(second).code).toBe('QR_USED');

    const me = await api<MeResponse>(url, 'GET', '/api/me', { token: token.body.token });
    expect(me.status).toBe(200);
    expect(me.body.lawyer.name).toBe('王五');
  });

  it('lets only the scanning phone decide, and a cancelled session yields no token', async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    const other = lawyerFixture();
    await activate(url, lawyer);
    await activate(url, other);
    const session = await newSession(url);

    const early = await decide(url, session.id, lawyer.phone, 'confirm');
    expect(early.status).toBe(409);

    await scan(url, session.qrText, lawyer.phone);
    const stranger = await decide(url, session.id, other.phone, 'confirm');
    expect(stranger.status).toBe(403);
    expect(errorOf(stranger).code).toBe('PHONE_MISMATCH');

    const cancelled = await decide(url, session.id, lawyer.phone, 'cancel');
    expect(cancelled.body).toEqual({ sessionId: session.id, state: 'cancelled' });
    expect((await getSession(url, session.id)).body.state).toBe('cancelled');
    expect(errorOf(await decide(url, session.id, lawyer.phone, 'confirm')).code).toBe('QR_USED');
    const token = await claim(url, session.id);
    expect(token.status).toBe(409);
    expect(errorOf(token).code).toBe('QR_CANCELLED');
  });

  it('refuses unknown, forged and foreign scans', async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const session = await newSession(url);

    const unknown = await scan(url, 'https://example.com/not-ours', lawyer.phone);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');

    const forged = session.qrText.replace(/:[^:]+$/, ':AAAAAAAAAAAAAAAAAAAAAA');
    expect((await scan(url, forged, lawyer.phone)).status).toBe(404);

    const notActivated = await scan(url, session.qrText, lawyerFixture().phone);
    expect(notActivated.status).toBe(403);
    expect(errorOf(notActivated).code).toBe('NOT_ACTIVATED');
    expect((await getSession(url, session.id)).body.state).toBe('waiting');

    expect((await getSession(url, 'no-such-session')).status).toBe(404);
  });

  it('expires a session that is not confirmed in time', async () => {
    const { url } = await start({ qrTtlMs: 300 });
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const waiting = await newSession(url);
    const scanned = await newSession(url);
    await scan(url, scanned.qrText, lawyer.phone);

    await waitUntil(async () => (await getSession(url, waiting.id)).body.state === 'expired');
    await waitUntil(async () => (await getSession(url, scanned.id)).body.state === 'expired');

    const late = await scan(url, waiting.qrText, lawyer.phone);
    expect(late.status).toBe(410);
    expect(errorOf(late).code).toBe('QR_EXPIRED');
    expect((await decide(url, scanned.id, lawyer.phone, 'confirm')).status).toBe(410);
    expect(errorOf(await claim(url, scanned.id)).code).toBe('QR_EXPIRED');
  });

  it('long-polls: answers as soon as the state changes, and at the deadline otherwise', async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const session = await newSession(url);

    const started = Date.now();
    const polled = getSession(url, session.id, '?waitMs=20000&since=waiting');
    // Whether the poll reaches the portal before or after the scan, it must answer with the change.
    await scan(url, session.qrText, lawyer.phone);
    const answer = await polled;
    expect(answer.body).toMatchObject({ state: 'scanned', scannedBy: lawyer.name });
    expect(Date.now() - started).toBeLessThan(10_000);

    // A `since` that is already stale answers at once.
    const stale = await getSession(url, session.id, '?waitMs=20000&since=waiting');
    expect(stale.body.state).toBe('scanned');

    const quietStart = Date.now();
    const quiet = await getSession(url, session.id, '?waitMs=300&since=scanned');
    expect(quiet.body.state).toBe('scanned');
    expect(Date.now() - quietStart).toBeGreaterThanOrEqual(250);
  });

  it('long-polls up to expiry, and rejects bad long-poll parameters', async () => {
    const { url } = await start({ qrTtlMs: 400 });
    const session = await newSession(url);
    const answer = await getSession(url, session.id, '?waitMs=20000');
    expect(answer.body.state).toBe('expired');

    const tooLong = await getSession(url, session.id, '?waitMs=25001');
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong).message).toContain('waitMs');
    const badState = await getSession(url, session.id, '?waitMs=10&since=done');
    expect(badState.status).toBe(400);
    expect(errorOf(badState).message).toContain('since');
  });

  it('closes promptly while a long poll is pending', async () => {
    const portal = await startMockPortal();
    const session = await newSession(portal.url);
    const pending = getSession(portal.url, session.id, '?waitMs=25000').catch(() => null);
    await waitUntil(async () => (await getSession(portal.url, session.id)).status === 200);
    const started = Date.now();
    await portal.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await pending;
  });

  it('rejects a QR session for another purpose', async () => {
    const { url } = await start();
    const answer = await api(url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'pay' } });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).message).toContain('purpose');
  });
});

describe('tokens', () => {
  it('expire after tokenTtlMs', async () => {
    const { url } = await start({ tokenTtlMs: 300 });
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const { token, expiresAt } = await loginByQr(url, lawyer.phone);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() - 1_000);
    expect((await api(url, 'GET', '/api/me', { token })).status).toBe(200);
    await waitUntil(async () => (await api(url, 'GET', '/api/me', { token })).status === 401);
    const answer = await api(url, 'GET', '/api/me', { token });
    expect(errorOf(answer)).toEqual({ code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' });
  });

  it('are revoked by logout', async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const first = await loginByQr(url, lawyer.phone);
    const second = await loginByQr(url, lawyer.phone);
    expect(first.token).not.toBe(second.token);

    const out = await fetch(`${url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(out.status).toBe(204);
    expect((await api(url, 'GET', '/api/me', { token: first.token })).status).toBe(401);
    // Other sessions of the same lawyer stay signed in.
    expect((await api(url, 'GET', '/api/me', { token: second.token })).status).toBe(200);
    expect((await api(url, 'POST', '/api/auth/logout')).status).toBe(401);
  });

  it('are required, and unknown ones refused', async () => {
    const { url } = await start();
    const none = await api(url, 'GET', '/api/me');
    expect(none.status).toBe(401);
    expect(errorOf(none).code).toBe('UNAUTHORIZED');
    const unknown = await api(url, 'GET', '/api/me', { token: 'A'.repeat(43) });
    expect(errorOf(unknown)).toEqual({ code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' });
  });
});

const REGISTERED = '13800000001';
const PORTAL_ONLY = '13800000003';
const NEW_LAWYER = '13800000002';
const sendCode = (url: string, phone: unknown) => api(url, 'POST', '/api/auth/sms-codes', { body: { phone } });
const smsLogin = (url: string, body: unknown) => api<LoginTokenResponse>(url, 'POST', '/api/auth/sms-login', { body });
const passwordLogin = (url: string, body: unknown) =>
  api<LoginTokenResponse>(url, 'POST', '/api/auth/password-login', { body });

describe('手机号 + 短信验证码 login', () => {
  it('texts a 6-digit code to the phone and signs in with it once, as a ready lawyer', async () => {
    const { url } = await start();
    const sent = await sendCode(url, REGISTERED);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ resendAfterSeconds: 60 });
    const sms = await latestSms(url, REGISTERED);
    expect(sms?.kind).toBe('login-code');
    expect(sms?.text).toMatch(/^您正在登录12309中国检察网，验证码为：\d{6}，5分钟内有效，请勿泄露。【12309中国检察网】$/);
    const code = /(\d{6})/.exec(sms?.text ?? '')?.[1] ?? '';

    const login = await smsLogin(url, { phone: REGISTERED, code });
    expect(login.status).toBe(200);
    expect(login.body.method).toBe('sms');
    const me = await api<MeResponse>(url, 'GET', '/api/me', { token: login.body.token });
    expect(me.body).toMatchObject({ stage: 'ready', lawyer: { name: '张明远' } });

    const again = await smsLogin(url, { phone: REGISTERED, code });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
  });

  it('serves a lawyer registered at 12309 whose phone app is not activated', async () => {
    const { url } = await start();
    const login = await loginBySms(url, PORTAL_ONLY);
    const me = await api<MeResponse>(url, 'GET', '/api/me', { token: login.token });
    expect(me.body).toMatchObject({ stage: 'ready', lawyer: { name: '王建华' } });
  });

  it('refuses phones not registered at 12309 without saying more, and sends them nothing', async () => {
    const { url } = await start();
    const activatedOnly = await sendCode(url, NEW_LAWYER);
    const unknown = await sendCode(url, '13999999999');
    for (const answer of [activatedOnly, unknown]) {
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toEqual({ code: 'NOT_FOUND', message: '该手机号未注册12309中国检察网，请使用律师认证登录' });
    }
    expect(await latestSms(url, '13999999999')).toBeUndefined();
    const login = await smsLogin(url, { phone: '13999999999', code: '123456' });
    expect(errorOf(login).message).toBe('该手机号未注册12309中国检察网，请使用律师认证登录');
  });

  it('sends one code per phone a minute, telling the seconds left', async () => {
    const { url } = await start();
    await requestLoginCode(url, REGISTERED);
    const soon = await sendCode(url, REGISTERED);
    expect(soon.status).toBe(429);
    expect(errorOf(soon).code).toBe('RATE_LIMITED');
    expect(errorOf(soon).message).toMatch(/请 (60|59|58) 秒后再试/);
    // Another phone is not held back.
    expect((await sendCode(url, PORTAL_ONLY)).status).toBe(202);
  });

  it('voids a code after 5 wrong guesses', async () => {
    const { url } = await start();
    const code = await requestLoginCode(url, REGISTERED);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      const answer = await smsLogin(url, { phone: REGISTERED, code: wrong });
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toEqual({ code: 'WRONG_PASSWORD', message: `验证码错误，还可尝试 ${left} 次` });
    }
    const fifth = await smsLogin(url, { phone: REGISTERED, code: wrong });
    expect(errorOf(fifth).message).toContain('已失效');
    const right = await smsLogin(url, { phone: REGISTERED, code });
    expect(right.status).toBe(409);
    expect(errorOf(right).message).toBe('请先获取短信验证码');
  });

  it('refuses a login with no code requested, and malformed input', async () => {
    const { url } = await start();
    expect(errorOf(await smsLogin(url, { phone: REGISTERED, code: '123456' })).message).toBe('请先获取短信验证码');
    const shortCode = await smsLogin(url, { phone: REGISTERED, code: '12345' });
    expect(shortCode.status).toBe(400);
    expect(errorOf(shortCode).message).toContain('code');
    const numberCode = await smsLogin(url, { phone: REGISTERED, code: 123456 });
    expect(errorOf(numberCode).message).toBe('短信验证码（code）必须是文本');
    const badPhone = await sendCode(url, '1380000000');
    expect(badPhone.status).toBe(400);
    expect(errorOf(badPhone).message).toContain('phone');
    const notJson = await fetch(`${url}/api/auth/sms-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"phone"',
    });
    expect(notJson.status).toBe(400);
    const huge = await sendCode(url, '1'.repeat(100_000));
    expect(huge.status).toBe(413);
    expect(errorOf(huge).message).toBe('请求体过大');
  });
});

describe('手机号 + 密码 login', () => {
  it('signs a registered lawyer in with method password', async () => {
    const { url } = await start();
    const login = await passwordLogin(url, { phone: REGISTERED, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.method).toBe('password');
    expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api<MeResponse>(url, 'GET', '/api/me', { token: login.body.token });
    expect(me.body.stage).toBe('ready');
  });

  it('locks the password for 15 minutes after 5 wrong ones, even for the right one', async () => {
    const { url } = await start();
    for (let left = 4; left >= 1; left -= 1) {
      const answer = await passwordLogin(url, { phone: REGISTERED, password: 'Wrong1234' });
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toEqual({ code: 'WRONG_PASSWORD', message: `手机号或密码错误，还可尝试 ${left} 次` });
    }
    const fifth = await passwordLogin(url, { phone: REGISTERED, password: 'Wrong1234' });
    expect(fifth.status).toBe(423);
    expect(errorOf(fifth)).toEqual({ code: 'LOCKED_OUT', message: '密码错误次数过多，账号已锁定，请 15 分钟后再试' });
    const right = await passwordLogin(url, { phone: REGISTERED, password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    // The other seeded lawyer is not affected.
    expect((await passwordLogin(url, { phone: PORTAL_ONLY, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('counts parallel guesses one by one', async () => {
    const { url } = await start();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => passwordLogin(url, { phone: REGISTERED, password: 'Wrong1234' })),
    );
    expect(answers.filter((a) => a.status === 403)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 423)).toHaveLength(4);
  });

  it('refuses unregistered phones, accounts without a password, and malformed input', async () => {
    const { url } = await start();
    const unregistered = await passwordLogin(url, { phone: NEW_LAWYER, password: DEMO_PASSWORD });
    expect(unregistered.status).toBe(404);
    expect(errorOf(unregistered).message).toBe('该手机号未注册12309中国检察网，请使用律师认证登录');

    const lawyer = lawyerFixture();
    await registerByQr(url, lawyer);
    const noPassword = await passwordLogin(url, { phone: lawyer.phone, password: DEMO_PASSWORD });
    expect(noPassword.status).toBe(403);
    expect(errorOf(noPassword).code).toBe('FORBIDDEN');
    expect(errorOf(noPassword).message).toContain('尚未设置登录密码');

    const empty = await passwordLogin(url, { phone: REGISTERED, password: '' });
    expect(empty.status).toBe(400);
    expect(errorOf(empty).message).toContain('password');
    const wrongType = await passwordLogin(url, { phone: REGISTERED, password: ['Demo@12309'] });
    expect(errorOf(wrongType).message).toBe('密码（password）必须是文本');
    expect((await passwordLogin(url, 'phone=1&password=2')).status).toBe(400);
  });
});

describe('step-up verification (manual §2 注)', () => {
  const stepUp = (url: string, token: string | undefined, body: unknown) =>
    api<QrSessionView>(url, 'POST', '/api/step-up', { token, body });

  it("creates a verify QR that the lawyer's own phone scans with a prompt naming the action", async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(url, lawyer);
    const session = await stepUp(url, token, { action: 'download' });
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ purpose: 'verify', state: 'waiting', scannedBy: null });

    const polled = getSession(url, session.body.id, '?waitMs=20000&since=waiting');
    const scanned = await scan(url, session.body.qrText, lawyer.phone);
    expect(scanned.body).toEqual({ sessionId: session.body.id, purpose: 'verify', prompt: '确认进行身份核验（卷宗下载）？' });
    expect((await polled).body.state).toBe('scanned');
    expect((await decide(url, session.body.id, lawyer.phone, 'confirm')).body).toMatchObject({ state: 'confirmed' });
    expect((await getSession(url, session.body.id)).body.state).toBe('confirmed');

    // A verification never signs anyone in.
    const claimed = await claim(url, session.body.id);
    expect(claimed.status).toBe(403);
    expect(errorOf(claimed)).toEqual({ code: 'FORBIDDEN', message: '身份核验二维码不能用于登录' });
  });

  it("refuses another lawyer's phone, and an unactivated one", async () => {
    const { url } = await start();
    const lawyer = lawyerFixture();
    const other = lawyerFixture();
    const { token } = await registerByQr(url, lawyer);
    await activate(url, other);
    const session = (await stepUp(url, token, { action: 'binding' })).body;

    const foreign = await scan(url, session.qrText, other.phone);
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).code).toBe('PHONE_MISMATCH');
    const unknown = await scan(url, session.qrText, '13999999999');
    expect(errorOf(unknown).code).toBe('NOT_ACTIVATED');
    expect((await getSession(url, session.id)).body.state).toBe('waiting');
    expect((await scan(url, session.qrText, lawyer.phone)).status).toBe(200);
  });

  it('asks an SMS-login lawyer registered only at 12309 to activate the phone app first', async () => {
    const { url } = await start();
    const { token } = await loginBySms(url, PORTAL_ONLY);
    const session = (await stepUp(url, token, { action: 'review' })).body;
    const scanned = await scan(url, session.qrText, PORTAL_ONLY);
    expect(scanned.status).toBe(403);
    expect(errorOf(scanned).code).toBe('NOT_ACTIVATED');
  });

  it('helps build the X-Step-Up header for a password login', async () => {
    const { url } = await start();
    const { token } = (await passwordLogin(url, { phone: REGISTERED, password: DEMO_PASSWORD })).body;
    const id = await verifyByPhone(url, token, REGISTERED, 'appointment');
    expect((await getSession(url, id)).body).toMatchObject({ purpose: 'verify', state: 'confirmed', scannedBy: '张明远' });
  });

  it('needs a signed-in, ready lawyer and a known action', async () => {
    const { url } = await start();
    const none = await stepUp(url, undefined, { action: 'download' });
    expect(none.status).toBe(401);
    const forged = await stepUp(url, 'A'.repeat(43), { action: 'download' });
    expect(forged.status).toBe(401);

    const fresh = lawyerFixture();
    await activate(url, fresh);
    const { token: newToken } = await loginByQr(url, fresh.phone);
    const notReady = await stepUp(url, newToken, { action: 'download' });
    expect(notReady.status).toBe(403);
    expect(errorOf(notReady)).toEqual({ code: 'FORBIDDEN', message: '请先完成授权信息和完善信息' });

    const { token } = (await passwordLogin(url, { phone: REGISTERED, password: DEMO_PASSWORD })).body;
    const badAction = await stepUp(url, token, { action: 'pay' });
    expect(badAction.status).toBe(400);
    expect(errorOf(badAction).message).toContain('action');
    expect((await stepUp(url, token, undefined)).status).toBe(400);
  });

  it('cannot be created through the public QR endpoint', async () => {
    const { url } = await start();
    const answer = await api(url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'verify' } });
    expect(answer.status).toBe(400);
  });
});
