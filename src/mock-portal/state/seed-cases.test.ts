import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AppointmentListResponse,
  BindingListResponse,
  BoundCaseListResponse,
  ReviewNotice,
  UploadView,
} from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import { api, errorOf, loginByQr } from '../test-helpers';
import { DEMO_REVIEW_ID } from './seed-cases';

const portals: MockPortal[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

const DEMO_PHONE = '13800000001';

describe('seeded demo cases', () => {
  it('give 张明远 bindings in every state, a review awaiting its dossier, and the SMS of each decision', async () => {
    const portal = await startMockPortal();
    portals.push(portal);
    const { url } = portal;
    const { token } = await loginByQr(url, DEMO_PHONE);

    const bindings = (await api<BindingListResponse>(url, 'GET', '/api/bindings', { token })).body.items;
    expect(bindings.map((b) => b.status).sort()).toEqual(['approved', 'approved', 'approved', 'pending', 'rejected']);
    expect(bindings[0]?.status).toBe('pending'); // newest first
    expect(bindings.find((b) => b.status === 'rejected')?.rejectReason).toMatch(/\S/);
    for (const binding of bindings) {
      expect(binding.uploads.length, binding.id).toBeGreaterThanOrEqual(4);
      const upload = await api<UploadView>(url, 'GET', `/api/uploads/${binding.uploads[0]!.id}`, { token });
      expect(upload.body.mimeType).toBe('application/pdf');
    }

    const bound = (await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token })).body.items;
    expect(bound).toHaveLength(3);
    expect(bound.filter((c) => c.onlineReviewAvailable)).toHaveLength(2);
    expect(bound.find((c) => c.review !== null)?.review).toMatchObject({ id: DEMO_REVIEW_ID, status: 'approved' });

    const appointments = (await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token })).body.items;
    expect(appointments).toEqual([
      expect.objectContaining({ id: DEMO_REVIEW_ID, type: '在线阅卷', status: 'approved', dossier: null }),
    ]);

    // The demo flows work from here: apply at the pilot unit without a review, be refused at Kunming.
    const { version } = (await api<ReviewNotice>(url, 'GET', '/api/reviews/notice')).body;
    const fresh = bound.find((c) => c.onlineReviewAvailable && c.review === null)!;
    const applied = await api(url, 'POST', `/api/bound-cases/${fresh.bindingId}/reviews`, {
      token,
      body: { acceptNotice: true, noticeVersion: version },
    });
    expect(applied.status).toBe(201);
    const kunming = bound.find((c) => !c.onlineReviewAvailable)!;
    const refused = await api(url, 'POST', `/api/bound-cases/${kunming.bindingId}/reviews`, {
      token,
      body: { acceptNotice: true, noticeVersion: version },
    });
    expect(errorOf(refused).code).toBe('REVIEW_UNAVAILABLE');

    const inbox = await api<{ messages: { kind: string; text: string }[] }>(url, 'GET', `/api/phone/sms?phone=${DEMO_PHONE}`);
    const kinds = inbox.body.messages.map((m) => m.kind);
    expect(kinds.filter((k) => k === 'binding-approved')).toHaveLength(3);
    expect(kinds).toContain('binding-rejected');
    expect(kinds).toContain('review-approved');
    expect(inbox.body.messages.find((m) => m.kind === 'review-approved')?.text).toMatch(/【在线阅卷】审核已通过.*【涪陵区院】$/);
  });

  it('are not seeded with seed: false, nor again into a data folder already in use', async () => {
    const bare = await startMockPortal({ seed: false });
    portals.push(bare);
    expect((await api(bare.url, 'POST', '/api/phone/scan', { body: { qrText: 'x', phone: DEMO_PHONE } })).status).not.toBe(200);

    const dir = await mkdtemp(join(tmpdir(), 'mock-portal-seed-'));
    folders.push(dir);
    const first = await startMockPortal({ dataDir: dir });
    const files = await readdir(join(dir, 'uploads'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    const { token } = await loginByQr(first.url, DEMO_PHONE);
    const pending = (await api<BindingListResponse>(first.url, 'GET', '/api/bindings', { token })).body.items.length;
    await first.close();

    const second = await startMockPortal({ dataDir: dir });
    portals.push(second);
    const again = (await api<BindingListResponse>(second.url, 'GET', '/api/bindings', { token })).body.items;
    expect(again).toHaveLength(pending);
    expect(await readdir(join(dir, 'uploads'))).toEqual(files);
  });
});
