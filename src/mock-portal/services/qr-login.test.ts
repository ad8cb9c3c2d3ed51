import { describe, expect, it } from 'vitest';
import { PortalStore } from '../state/store';
import { idNumber } from '../test-helpers';
import { AccountService } from './accounts';
import { MAX_QR_SESSIONS, QR_RETAIN_MS, QrLoginService } from './qr-login';
import { TokenService } from './tokens';

async function setup(ttlMs = 60_000) {
  const store = await PortalStore.open();
  const accounts = new AccountService(store);
  const qr = new QrLoginService(store, accounts, new TokenService(store, 60_000), ttlMs);
  await accounts.activate({
    name: '赵六',
    idNumber: idNumber(),
    licenseNumber: '11101201010000001',
    phone: '13912345678',
    faceCheck: 'pass',
  });
  return { store, qr };
}

describe('QrLoginService', () => {
  it('wakes a pending long poll on the change, long before its deadline', async () => {
    const { qr } = await setup();
    const session = qr.create('login');
    const started = Date.now();
    const polled = qr.waitForChange(session.id, 'waiting', 20_000, new AbortController().signal);
    qr.scan(session.qrText, '13912345678');
    const view = await polled;
    expect(view.state).toBe('scanned');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('releases long polls when the client goes away or the portal closes', async () => {
    const { qr } = await setup();
    const session = qr.create('login');
    const gone = new AbortController();
    const first = qr.waitForChange(session.id, 'waiting', 20_000, gone.signal);
    gone.abort();
    expect((await first).state).toBe('waiting');

    const second = qr.waitForChange(session.id, 'waiting', 20_000, new AbortController().signal);
    qr.close();
    expect((await second).state).toBe('waiting');
  });

  it('forgets sessions after their retention, and caps how many it keeps', async () => {
    const { qr } = await setup(1_000);
    const now = Date.now();
    const old = qr.create('login', now);
    qr.purge(now + 1_000 + QR_RETAIN_MS - 1);
    expect(qr.view(old.id, now + 1_000 + QR_RETAIN_MS - 1).state).toBe('expired');
    qr.purge(now + 1_000 + QR_RETAIN_MS + 1);
    expect(() => qr.view(old.id)).toThrow(/不存在/);

    const first = qr.create('login', now);
    for (let i = 0; i < MAX_QR_SESSIONS; i += 1) qr.create('login', now);
    expect(qr.size).toBe(MAX_QR_SESSIONS);
    expect(() => qr.view(first.id, now)).toThrow(/不存在/);
  });
});
