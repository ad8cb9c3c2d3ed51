import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalMessage, PortalMessageListResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import { DEMO_BINDINGS, DEMO_REVIEW_ID } from '../state/seed-cases';
import {
  activate,
  api,
  applyForReview,
  consoleApprove,
  dossierPasswordsFromSms,
  errorOf,
  fileBinding,
  lawyerFixture,
  lawyerWithReview,
  loginByQr,
  registerByQr,
} from '../test-helpers';

const DEMO_PHONE = '13800000001';

const portals: MockPortal[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function start(options: Parameters<typeof startMockPortal>[0] = {}): Promise<string> {
  const portal = await startMockPortal({ seed: false, dossierPages: 8, ...options });
  portals.push(portal);
  return portal.url;
}

async function messages(url: string, token: string): Promise<PortalMessageListResponse> {
  const answer = await api<PortalMessageListResponse>(url, 'GET', '/api/messages', { token });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('GET /api/messages', () => {
  it('tells the lawyer of every decision, newest first, the dossier one without its passwords', async () => {
    const url = await start();
    const { lawyer, token, bindingId, reviewId } = await lawyerWithReview(url);
    expect((await messages(url, token)).items.map((m) => [m.kind, m.subjectId])).toEqual([['binding-approved', bindingId]]);

    await consoleApprove(url, 'reviews', reviewId);
    const published = await api(url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(published.status).toBe(200);

    const list = await messages(url, token);
    expect(list.unread).toBe(3);
    expect(list.items.map((m) => [m.kind, m.subjectId, m.read])).toEqual([
      ['dossier-ready', reviewId, false],
      ['review-approved', reviewId, false],
      ['binding-approved', bindingId, false],
    ]);
    const [ready, approved, bound] = list.items as [PortalMessage, PortalMessage, PortalMessage];
    expect(bound).toMatchObject({ title: '案件绑定申请审核通过' });
    expect(bound.text).toContain('【张某危险驾驶案】');
    expect(bound.text).toContain('重庆市涪陵区人民检察院');
    expect(approved.title).toBe('在线阅卷申请审核通过');
    expect(ready.title).toBe('卷宗可以下载');
    expect(ready.text).toContain('已通过短信发送');
    const passwords = await dossierPasswordsFromSms(url, lawyer.phone);
    for (const message of list.items) {
      expect(message.text).not.toContain(passwords.download);
      expect(message.text).not.toContain(passwords.open);
    }
    expect(Date.parse(ready.createdAt)).toBeGreaterThanOrEqual(Date.parse(bound.createdAt));
  });

  it('gives the reason of a refused binding or review', async () => {
    const url = await start();
    const { token, reviewId } = await lawyerWithReview(url);
    const refusedReview = await api(url, 'POST', `/api/console/reviews/${reviewId}/reject`, { body: { reason: '案件尚在侦查阶段' } });
    expect(refusedReview.status).toBe(200);
    const binding = await fileBinding(url, token, { caseName: '钱某盗窃案', suspectName: '钱某', clientName: '钱某' });
    const refusedBinding = await api(url, 'POST', `/api/console/bindings/${binding.id}/reject`, { body: { reason: '授权委托书不清晰' } });
    expect(refusedBinding.status).toBe(200);

    const [latest, review] = (await messages(url, token)).items;
    expect(latest).toMatchObject({ kind: 'binding-rejected', subjectId: binding.id, title: '案件绑定申请审核未通过' });
    expect(latest?.text).toContain('【钱某盗窃案】');
    expect(latest?.text).toContain('授权委托书不清晰');
    expect(review).toMatchObject({ kind: 'review-rejected', subjectId: reviewId, title: '在线阅卷申请审核未通过' });
    expect(review?.text).toContain('案件尚在侦查阶段');
  });

  it("shows each lawyer only their own, and needs a ready lawyer's token", async () => {
    const url = await start();
    const first = await lawyerWithReview(url);
    const other = await registerByQr(url, lawyerFixture());
    expect(await messages(url, other.token)).toEqual({ items: [], unread: 0 });
    expect((await messages(url, first.token)).items).toHaveLength(1);

    const anonymous = await api(url, 'GET', '/api/messages');
    expect(anonymous.status).toBe(401);
    expect(errorOf(anonymous).code).toBe('UNAUTHORIZED');
    const newcomer = lawyerFixture();
    await activate(url, newcomer);
    const { token } = await loginByQr(url, newcomer.phone);
    const notReady = await api(url, 'GET', '/api/messages', { token });
    expect(notReady.status).toBe(403);
    expect(errorOf(notReady).code).toBe('FORBIDDEN');
  });

  it("comes with the demo lawyer's cases: a 消息 for each decision, the older ones read", async () => {
    const url = await start({ seed: true });
    const { token } = await loginByQr(url, DEMO_PHONE);
    const list = await messages(url, token);
    const decided = DEMO_BINDINGS.filter((b) => b.decidedDaysAgo !== undefined);
    expect(list.items).toHaveLength(decided.length + 1);
    expect(list.items[0]).toMatchObject({ kind: 'review-approved', subjectId: DEMO_REVIEW_ID, read: false });
    for (const binding of decided) {
      expect(list.items.find((m) => m.subjectId === binding.id)).toMatchObject({
        kind: binding.status === 'approved' ? 'binding-approved' : 'binding-rejected',
      });
    }
    const times = list.items.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(list.unread).toBeGreaterThan(0);
    expect(list.unread).toBeLessThan(list.items.length);
    expect(list.unread).toBe(list.items.filter((m) => !m.read).length);
  });
});

describe('POST /api/messages/read', () => {
  /** A lawyer with three unread messages (binding approved, review approved, a second binding approved). */
  async function lawyerWithMessages(url: string) {
    const setup = await lawyerWithReview(url);
    await consoleApprove(url, 'reviews', setup.reviewId);
    const second = await fileBinding(url, setup.token, { caseName: '钱某盗窃案', suspectName: '钱某', clientName: '钱某' });
    await consoleApprove(url, 'bindings', second.id);
    const list = await messages(url, setup.token);
    expect(list.unread).toBe(3);
    return { ...setup, list };
  }

  it('marks the given messages read and answers with the list', async () => {
    const url = await start();
    const { token, list } = await lawyerWithMessages(url);
    const target = list.items[1]!;
    const answer = await api<PortalMessageListResponse>(url, 'POST', '/api/messages/read', { token, body: { ids: [target.id] } });
    expect(answer.status).toBe(200);
    expect(answer.body.unread).toBe(2);
    expect(answer.body.items.map((m) => m.read)).toEqual([false, true, false]);
    expect(await messages(url, token)).toEqual(answer.body);
    // Again: nothing changes.
    const again = await api<PortalMessageListResponse>(url, 'POST', '/api/messages/read', { token, body: { ids: [target.id] } });
    expect(again.body.unread).toBe(2);
  });

  it('marks every message read when no ids are given, with or without a body', async () => {
    const url = await start();
    const first = await lawyerWithMessages(url);
    const withBody = await api<PortalMessageListResponse>(url, 'POST', '/api/messages/read', { token: first.token, body: {} });
    expect(withBody.status).toBe(200);
    expect(withBody.body.unread).toBe(0);
    expect(withBody.body.items.every((m) => m.read)).toBe(true);

    const second = await lawyerWithMessages(url);
    const noBody = await api<PortalMessageListResponse>(url, 'POST', '/api/messages/read', { token: second.token });
    expect(noBody.status).toBe(200);
    expect(noBody.body.unread).toBe(0);
  });

  it("refuses unknown ids and other lawyers' ids without changing anything", async () => {
    const url = await start();
    const mine = await lawyerWithMessages(url);
    const theirs = await lawyerWithMessages(url);
    const foreign = theirs.list.items[0]!.id;

    const unknown = await api(url, 'POST', '/api/messages/read', { token: mine.token, body: { ids: [mine.list.items[0]!.id, 'no-such-id'] } });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-id') });
    const stolen = await api(url, 'POST', '/api/messages/read', { token: mine.token, body: { ids: [foreign] } });
    expect(stolen.status).toBe(404);

    expect((await messages(url, mine.token)).unread).toBe(3);
    expect((await messages(url, theirs.token)).unread).toBe(3);
  });

  it('rejects malformed requests and anonymous callers', async () => {
    const url = await start();
    const { token } = await lawyerWithMessages(url);
    for (const body of [{ ids: 'all' }, { ids: [42] }, { ids: ['bad id!'] }, []]) {
      const answer = await api(url, 'POST', '/api/messages/read', { token, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(answer).code).toBe('VALIDATION');
    }
    expect((await api(url, 'POST', '/api/messages/read', { body: {} })).status).toBe(401);
    expect((await messages(url, token)).unread).toBe(3);
  });
});

describe('messages in the data folder', () => {
  it('survive a restart with their read state', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portal-messages-'));
    folders.push(dataDir);
    const portal = await startMockPortal({ seed: false, dataDir });
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(portal.url, lawyer);
    const binding = await fileBinding(portal.url, token);
    await consoleApprove(portal.url, 'bindings', binding.id);
    const reviewId = await applyForReview(portal.url, token, binding.id);
    await consoleApprove(portal.url, 'reviews', reviewId);
    const before = await messages(portal.url, token);
    await api(portal.url, 'POST', '/api/messages/read', { token, body: { ids: [before.items[1]!.id] } });
    await portal.close();

    const again = await startMockPortal({ seed: false, dataDir });
    portals.push(again);
    const { token: fresh } = await loginByQr(again.url, lawyer.phone);
    const after = await messages(again.url, fresh);
    expect(after.items.map((m) => [m.id, m.read])).toEqual([
      [before.items[0]!.id, false],
      [before.items[1]!.id, true],
    ]);
    expect(after.unread).toBe(1);
  });
});
