// Core against the real mock portal over HTTP, as the app runs it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../mock-portal';
import { activate, api, lawyerFixture } from '../mock-portal/test-helpers';
import { callNames, type EventName, type EventPayload, type Session } from '../shared/contract';
import { dispatchCall } from '../shared/dispatch';
import type { PhoneScanResponse } from '../shared/portal-wire';
import { createCore, type Core } from './index';

let portal: MockPortal;
let dataDir: string;
const cores: Core[] = [];

beforeEach(async () => {
  portal = await startMockPortal();
  dataDir = await mkdtemp(join(tmpdir(), 'core-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await portal.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openCore(secretStore: 'keychain' | 'memory' = 'memory', portalUrl = portal.url): Promise<Core> {
  const core = await createCore({ portalUrl, dataDir, appVersion: '0.0.0-test', secretStore });
  cores.push(core);
  return core;
}

/** Resolves with the first payload of `name` that satisfies `match`. */
function nextEvent<N extends EventName>(core: Core, name: N, match: (p: EventPayload<N>) => boolean) {
  return new Promise<EventPayload<N>>((resolve) => {
    const off = core.on(name, (payload) => {
      if (match(payload)) {
        off();
        resolve(payload);
      }
    });
  });
}

async function phone(path: string, body: unknown): Promise<PhoneScanResponse> {
  const answer = await api<PhoneScanResponse>(portal.url, 'POST', path, { body });
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  return answer.body;
}

/** Scans the core's QR with the lawyer's phone and confirms; resolves once core has the session. */
async function logInByQr(core: Core, lawyerPhone: string): Promise<Session> {
  const qr = await core.api['auth.qrStart']({});
  const signedIn = nextEvent(core, 'auth.sessionChanged', (s) => s.status === 'signed-in');
  const scanned = nextEvent(core, 'auth.qrState', (q) => q.id === qr.id && q.state === 'scanned');
  const { sessionId } = await phone('/api/phone/scan', { qrText: qr.qrText, phone: lawyerPhone });
  expect((await scanned).scannedBy).not.toBeNull();
  await phone('/api/phone/confirm', { sessionId, phone: lawyerPhone, decision: 'confirm' });
  return signedIn;
}

describe('createCore', () => {
  it('implements every call of the contract', async () => {
    const core = await openCore();
    const missing = callNames.filter((name) => typeof core.api[name] !== 'function');
    expect(missing).toEqual([]);
    expect(Object.keys(core.api).sort()).toEqual([...callNames].sort());
  });

  it('reports the portal and whether it is the mock', async () => {
    const core = await openCore();
    const info = await core.api['app.info']({});
    expect(info.portal).toMatchObject({ url: portal.url, mock: true, reachable: true });
    expect(info.portal.name).toContain('12309');
    expect(info.secretStore).toBe('memory');
  });

  it('walks a first-time lawyer through 授权信息 and 完善信息 to 个人中心, then logs out', async () => {
    const lawyer = lawyerFixture();
    await activate(portal.url, lawyer);
    const core = await openCore();
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });

    const first = await logInByQr(core, lawyer.phone);
    expect(first).toMatchObject({ status: 'signed-in', stage: 'authorize', lawyer: { name: lawyer.name } });
    expect(await core.api['auth.agree']({})).toMatchObject({ stage: 'complete-profile' });
    const ready = await dispatchCall(core.api, 'auth.completeProfile', { lawFirm: '安徽皖江律师事务所', email: '' });
    expect(ready).toMatchObject({ stage: 'ready', lawyer: { lawFirm: '安徽皖江律师事务所', licenseNumber: lawyer.licenseNumber } });

    expect(await core.api['auth.logout']({})).toEqual({ status: 'signed-out' });
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });

    // Returning lawyer: straight to ready.
    expect(await logInByQr(core, lawyer.phone)).toMatchObject({ stage: 'ready' });
  });

  it('keeps the session in the OS keychain across a restart, and forgets it on logout', async () => {
    const lawyer = lawyerFixture();
    await activate(portal.url, lawyer);
    const first = await openCore('keychain');
    expect((await first.api['app.info']({})).secretStore).toBe('keychain');
    await logInByQr(first, lawyer.phone);
    await first.close();

    const second = await openCore('keychain');
    expect(await second.api['auth.session']({})).toMatchObject({ status: 'signed-in', lawyer: { phone: expect.any(String) } });
    await second.api['auth.logout']({});
    await second.close();

    const third = await openCore('keychain');
    expect(await third.api['auth.session']({})).toEqual({ status: 'signed-out' });
  });

  it('rejects bad input before it reaches core, with a VALIDATION code', async () => {
    const core = await openCore();
    await expect(dispatchCall(core.api, 'auth.completeProfile', { lawFirm: 'x' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(dispatchCall(core.api, 'auth.completeProfile', {})).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(dispatchCall(core.api, 'no.such.call', {})).rejects.toMatchObject({ code: 'UNKNOWN_CALL' });
  });

  it('refuses profile calls when signed out', async () => {
    const core = await openCore();
    await expect(core.api['auth.agree']({})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('follows a QR session that is cancelled on the phone', async () => {
    const lawyer = lawyerFixture();
    await activate(portal.url, lawyer);
    const core = await openCore();
    const qr = await core.api['auth.qrStart']({});
    const cancelled = nextEvent(core, 'auth.qrState', (q) => q.state === 'cancelled');
    const { sessionId } = await phone('/api/phone/scan', { qrText: qr.qrText, phone: lawyer.phone });
    await phone('/api/phone/confirm', { sessionId, phone: lawyer.phone, decision: 'cancel' });
    expect((await cancelled).id).toBe(qr.id);
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });
  });

  it('says the portal is unreachable instead of hanging', async () => {
    const url = portal.url;
    await portal.close();
    portal = await startMockPortal();
    const core = await openCore('memory', url);
    expect((await core.api['app.info']({})).portal.reachable).toBe(false);
    await expect(core.api['auth.qrStart']({})).rejects.toMatchObject({ code: 'PORTAL_UNREACHABLE' });
  });
});

describe('createCore with an expiring portal session', () => {
  it('signs the lawyer out when the portal no longer accepts the token', async () => {
    await portal.close();
    portal = await startMockPortal({ tokenTtlMs: 300 });
    const lawyer = lawyerFixture();
    await activate(portal.url, lawyer);
    const core = await openCore();
    await logInByQr(core, lawyer.phone);
    const signedOut = nextEvent(core, 'auth.sessionChanged', (s) => s.status === 'signed-out');
    await expect.poll(async () => core.api['auth.agree']({}).then(() => 'ok', (e) => e.code), { timeout: 5000 }).toBe(
      'UNAUTHORIZED',
    );
    await signedOut;
    expect(await core.api['auth.session']({})).toEqual({ status: 'signed-out' });
  });
});
