import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMockPortal } from '../mock-portal';
import { api } from '../test-helpers';
import { verifyPassword } from '../services/password-hash';
import { idNumberProblem } from '../validation/id-number';
import { DEMO_LAWYERS, DEMO_PASSWORD, seedLawyers } from './seed-lawyers';
import { PortalStore } from './store';

describe('seedLawyers', () => {
  it('seeds the three demo lawyers with valid identities and their standing', async () => {
    const store = await PortalStore.open();
    await seedLawyers(store);
    expect([...store.accounts.keys()]).toEqual(['demo-lawyer-registered', 'demo-lawyer-new', 'demo-lawyer-portal-only']);
    for (const lawyer of DEMO_LAWYERS) {
      expect(idNumberProblem(lawyer.idNumber)).toBeNull();
      expect(lawyer.licenseNumber).toMatch(/^\d{17}$/);
    }
    const registered = store.accounts.get('demo-lawyer-registered');
    expect(registered).toMatchObject({ name: '张明远', phone: '13800000001', registered: true, qrAuthorized: true, lawFirm: '重庆渝州律师事务所' });
    expect(registered?.activatedAt).not.toBeNull();
    expect(store.accounts.get('demo-lawyer-new')).toMatchObject({ name: '李思远', registered: false, passwordHash: null });
    const portalOnly = store.accounts.get('demo-lawyer-portal-only');
    expect(portalOnly).toMatchObject({ name: '王建华', registered: true, qrAuthorized: false, activatedAt: null });

    const hashes = [registered?.passwordHash, portalOnly?.passwordHash];
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const hash of hashes) expect(await verifyPassword(DEMO_PASSWORD, hash ?? '')).toBe(true);
    expect(JSON.stringify([...store.accounts.values()])).not.toContain(DEMO_PASSWORD);
  });
});

describe('seeding at start', () => {
  it('seeds only a fresh data folder, so later changes survive restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-seed-'));
    const login = (url: string, password: string) =>
      api<{ token: string }>(url, 'POST', '/api/auth/password-login', { body: { phone: '13800000001', password } });
    try {
      const first = await startMockPortal({ dataDir: dir });
      const { token } = (await login(first.url, DEMO_PASSWORD)).body;
      const changed = await api(first.url, 'PUT', '/api/me/password', {
        token,
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'Changed123' },
      });
      expect(changed.status).toBe(204);
      await first.close();

      const second = await startMockPortal({ dataDir: dir });
      try {
        expect((await login(second.url, DEMO_PASSWORD)).status).toBe(403);
        expect((await login(second.url, 'Changed123')).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('seeds nothing with seed: false', async () => {
    const portal = await startMockPortal({ seed: false });
    try {
      const answer = await api(portal.url, 'POST', '/api/auth/sms-codes', { body: { phone: '13800000001' } });
      expect(answer.status).toBe(404);
    } finally {
      await portal.close();
    }
  });
});
