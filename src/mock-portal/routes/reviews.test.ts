import { afterEach, describe, expect, it } from 'vitest';
import type {
  AppointmentListResponse,
  BoundCaseListResponse,
  ReviewNotice,
  ReviewView,
} from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import {
  activate,
  api,
  errorOf,
  fileBinding,
  lawyerFixture,
  loginByQr,
  loginBySms,
  registerByQr,
  verifyByPhone,
} from '../test-helpers';

const portals: MockPortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
});

async function start(): Promise<string> {
  const portal = await startMockPortal({ seed: false });
  portals.push(portal);
  return portal.url;
}

async function notice(url: string): Promise<ReviewNotice> {
  return (await api<ReviewNotice>(url, 'GET', '/api/reviews/notice')).body;
}

async function apply(url: string, token: string, bindingId: string, body?: unknown, stepUp?: string) {
  const version = (await notice(url)).version;
  const response = await fetch(`${url}/api/bound-cases/${bindingId}/reviews`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(stepUp ? { 'x-step-up': stepUp } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body ?? { acceptNotice: true, noticeVersion: version }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as ReviewView };
}

/** A binding filed by the lawyer and approved by the prosecutors (console API). */
async function boundCase(url: string, token: string, procuratorateId = 'cq-fuling', caseName = '陈某危险驾驶案'): Promise<string> {
  const binding = await fileBinding(url, token, { procuratorateId, caseName });
  const approved = await api(url, 'POST', `/api/console/bindings/${binding.id}/approve`);
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return binding.id;
}

describe('GET /api/reviews/notice', () => {
  it('serves the 申请在线阅卷须知 publicly, with a version', async () => {
    const url = await start();
    const answer = await api<ReviewNotice>(url, 'GET', '/api/reviews/notice');
    expect(answer.status).toBe(200);
    expect(answer.body.title).toBe('申请在线阅卷须知');
    expect(answer.body.version).toMatch(/\S/);
    for (const term of ['保密', '不得', '仅限于本案', '密码', '记录', '上海市、安徽省、重庆市']) {
      expect(answer.body.text).toContain(term);
    }
  });
});

describe('POST /api/bound-cases/{bindingId}/reviews (申请在线阅卷)', () => {
  it('files an application on an approved binding at a pilot unit; it shows in 已绑定案件 and 网上预约', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const bindingId = await boundCase(url, token);

    const bound = await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token });
    expect(bound.body.items).toEqual([
      expect.objectContaining({
        bindingId,
        caseName: '陈某危险驾驶案',
        procuratorate: expect.objectContaining({ name: '重庆市涪陵区人民检察院', province: '重庆市' }),
        onlineReviewAvailable: true,
        review: null,
        boundAt: expect.any(String),
      }),
    ]);

    const created = await apply(url, token, bindingId);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bindingId,
      caseName: '陈某危险驾驶案',
      procuratorate: { id: 'cq-fuling', shortName: '涪陵区院' },
      status: 'pending',
      statusLabel: '待审核',
      rejectReason: null,
      dossier: null,
    });

    const afterApply = await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token });
    expect(afterApply.body.items[0]?.review).toMatchObject({ id: created.body.id, status: 'pending', statusLabel: '待审核' });

    const appointments = await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token });
    expect(appointments.status).toBe(200);
    expect(appointments.body.items).toEqual([{ ...created.body, type: '在线阅卷' }]);

    // One open application per binding.
    const again = await apply(url, token, bindingId);
    expect(again.status).toBe(409);
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', message: '该案件已有在线阅卷申请（待审核），请勿重复申请' });

    // Rejected: the reason shows, and the lawyer may apply again.
    const rejected = await api(url, 'POST', `/api/console/reviews/${created.body.id}/reject`, { body: { reason: '卷宗尚在整理' } });
    expect(rejected.status).toBe(200);
    const list = await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token });
    expect(list.body.items[0]).toMatchObject({ status: 'rejected', statusLabel: '未通过', rejectReason: '卷宗尚在整理' });
    const retry = await apply(url, token, bindingId);
    expect(retry.status).toBe(201);
    const newest = await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token });
    expect(newest.body.items.map((a) => a.id)).toEqual([retry.body.id, created.body.id]);

    // Approved: still open.
    expect((await api(url, 'POST', `/api/console/reviews/${retry.body.id}/approve`)).status).toBe(200);
    const approved = await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token });
    expect(approved.body.items[0]).toMatchObject({ status: 'approved', dossier: null });
    expect((await apply(url, token, bindingId)).status).toBe(409);
    expect(JSON.stringify(approved.body)).not.toMatch(/password|storageKey/i);
  });

  it('shows the published dossier in 网上预约 and 已绑定案件, never its passwords', async () => {
    const url = await start();
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(url, lawyer);
    const bindingId = await boundCase(url, token);
    const { body: review } = await apply(url, token, bindingId);
    expect((await api(url, 'POST', `/api/console/reviews/${review.id}/approve`)).status).toBe(200);
    const published = await api(url, 'POST', `/api/console/reviews/${review.id}/publish`, { body: { pages: 3 } });
    expect(published.status).toBe(200);

    const [entry] = (await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token })).body.items;
    expect(entry).toMatchObject({
      id: review.id,
      type: '在线阅卷',
      status: 'published',
      statusLabel: '卷宗可下载',
      dossier: {
        fileName: expect.stringMatching(/\.(zip|7z)$/),
        size: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        pages: expect.any(Number),
        publishedAt: expect.any(String),
      },
    });
    expect(Object.keys(entry?.dossier ?? {}).sort()).toEqual(['fileName', 'pages', 'publishedAt', 'sha256', 'size']);
    const inbox = await api<{ messages: { kind: string; text: string }[] }>(url, 'GET', `/api/phone/sms?phone=${lawyer.phone}`);
    const passwords = /卷宗下载密码为：(\d+)，卷宗文档打开密码为：(\d+)/.exec(
      inbox.body.messages.find((m) => m.kind === 'dossier-ready')?.text ?? '',
    );
    expect(passwords).not.toBeNull();
    const everything = JSON.stringify([entry, (await api(url, 'GET', '/api/bound-cases', { token })).body]);
    expect(everything).not.toContain(passwords![1]);
    expect(everything).not.toContain(passwords![2]);
    const bound = await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token });
    expect(bound.body.items[0]?.review).toMatchObject({ id: review.id, status: 'published' });
    // Published is done: a new application may follow.
    expect((await apply(url, token, bindingId)).status).toBe(201);
  });

  it('refuses units outside the pilot provinces with the manual\'s words', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const bindingId = await boundCase(url, token, 'km-wuhua', '李某故意伤害案');
    const bound = await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token });
    expect(bound.body.items[0]).toMatchObject({ onlineReviewAvailable: false, procuratorate: { province: '云南省' } });

    const refused = await apply(url, token, bindingId);
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toEqual({
      code: 'REVIEW_UNAVAILABLE',
      message: '目前仅上海市、安徽省、重庆市检察机关试点开通在线阅卷功能，昆明市五华区人民检察院暂未开通',
    });
  });

  it('requires acceptance of the current 须知', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const bindingId = await boundCase(url, token);
    const { version } = await notice(url);

    const cases: [unknown, number, string][] = [
      [{ acceptNotice: false, noticeVersion: version }, 400, '须阅读并同意申请在线阅卷须知（acceptNotice 必须为 true）'],
      [{ noticeVersion: version }, 400, 'acceptNotice'],
      [{ acceptNotice: 'true', noticeVersion: version }, 400, 'acceptNotice'],
      [{ acceptNotice: true }, 400, '缺少须知版本（noticeVersion）'],
      [{ acceptNotice: true, noticeVersion: 7 }, 400, '须知版本（noticeVersion）必须是文本'],
      [{ acceptNotice: true, noticeVersion: '1999-01' }, 409, '申请在线阅卷须知已更新，请重新阅读后再申请'],
      ['{"acceptNotice": tru', 400, '请求体不是有效的 JSON'],
      ['null', 400, '请求体必须是 JSON 对象'],
    ];
    for (const [body, status, message] of cases) {
      const answer = await apply(url, token, bindingId, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(errorOf(answer).message, JSON.stringify(body)).toContain(message);
    }
    expect((await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token })).body.items).toEqual([]);
  });

  it('refuses bindings that are not approved, not the caller\'s, or do not exist', async () => {
    const url = await start();
    const owner = await registerByQr(url, lawyerFixture());
    const other = await registerByQr(url, lawyerFixture());
    const pending = await fileBinding(url, owner.token);
    const notApproved = await apply(url, owner.token, pending.id);
    expect(notApproved.status).toBe(409);
    expect(errorOf(notApproved).message).toBe('案件绑定申请尚未审核通过，审核通过后方可申请在线阅卷');

    const bindingId = await boundCase(url, owner.token, 'sh-pudong', '赵某诈骗案');
    const foreign = await apply(url, other.token, bindingId);
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign).code).toBe('NOT_FOUND');
    expect((await apply(url, owner.token, 'no-such-binding')).status).toBe(404);
    expect((await apply(url, owner.token, 'bad%20id')).status).toBe(400);

    // The other lawyer sees none of it.
    expect((await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token: other.token })).body.items).toEqual([]);
    const mine = await apply(url, owner.token, bindingId);
    expect(mine.status).toBe(201);
    expect((await api<AppointmentListResponse>(url, 'GET', '/api/appointments', { token: other.token })).body.items).toEqual([]);
  });

  it('needs a scan (step-up) from a lawyer signed in by SMS code', async () => {
    const url = await start();
    const lawyer = lawyerFixture();
    const qr = await registerByQr(url, lawyer);
    const bindingId = await boundCase(url, qr.token);
    const { token } = await loginBySms(url, lawyer.phone);

    const refused = await apply(url, token, bindingId);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('STEP_UP_REQUIRED');
    const forBinding = await verifyByPhone(url, token, lawyer.phone, 'binding');
    expect((await apply(url, token, bindingId, undefined, forBinding)).status).toBe(403);
    const verified = await verifyByPhone(url, token, lawyer.phone, 'review');
    expect((await apply(url, token, bindingId, undefined, verified)).status).toBe(201);
  });

  it('answers only a signed-in lawyer at stage ready', async () => {
    const url = await start();
    expect((await api(url, 'GET', '/api/appointments')).status).toBe(401);
    expect((await apply(url, 'forged-token', 'some-binding')).status).toBe(401);
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const { token } = await loginByQr(url, lawyer.phone);
    const appointments = await api(url, 'GET', '/api/appointments', { token });
    expect(appointments.status).toBe(403);
    expect(errorOf(appointments).code).toBe('FORBIDDEN');
    expect((await apply(url, token, 'some-binding')).status).toBe(403);
  });
});
