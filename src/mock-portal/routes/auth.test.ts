import { afterEach, describe, expect, it } from 'vitest';
import type { LoginTokenResponse, MeResponse, PhoneScanResponse, QrSessionView } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal, type MockPortalOptions } from '../index';
import { activate, api, errorOf, lawyerFixture, loginByQr, waitUntil } from '../test-helpers';

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
