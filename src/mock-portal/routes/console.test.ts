import { networkInterfaces } from 'node:os';
import Fastify from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBindingItem, ConsoleBindingListResponse, ConsoleReviewItem, ConsoleReviewListResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../mock-portal';
import {
  api,
  applyForReview,
  dossierPasswordsFromSms,
  errorOf,
  fileBinding,
  latestSms,
  lawyerFixture,
  lawyerWithReview,
  registerByQr,
  sampleFiles,
} from '../test-helpers';
import { CONSOLE_LOOPBACK_MESSAGE, isLoopback, requireLoopback } from './console';

const portals: MockPortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
});

async function start(options: Parameters<typeof startMockPortal>[0] = {}): Promise<MockPortal> {
  const portal = await startMockPortal({ seed: false, dossierPages: 8, ...options });
  portals.push(portal);
  return portal;
}

describe('console bindings', () => {
  let portal: MockPortal;
  beforeAll(async () => {
    portal = await startMockPortal({ seed: false });
    return () => portal.close();
  });

  it('lists a pending binding with everything the prosecutor checks, and approves it with the SMS', async () => {
    const lawyer = lawyerFixture({ name: '赵律师' });
    const { token } = await registerByQr(portal.url, lawyer);
    const binding = await fileBinding(portal.url, token, {
      procuratorateId: 'ah-province',
      caseName: '孙某诈骗案',
      departmentCaseNo: '皖检刑受〔2024〕8号',
      suspectName: '孙某',
      clientName: '孙某某',
      clientRelation: 'parent',
    });

    const pending = await api<ConsoleBindingListResponse>(portal.url, 'GET', '/api/console/bindings?status=pending');
    expect(pending.status).toBe(200);
    const item = pending.body.items.find((i) => i.id === binding.id);
    expect(item).toMatchObject({
      status: 'pending',
      lawyer: { name: '赵律师', lawFirm: '北京某某律师事务所', licenseNumber: lawyer.licenseNumber, phone: lawyer.phone },
      unit: { id: 'ah-province', name: '安徽省人民检察院', shortName: '安徽省院' },
      caseName: '孙某诈骗案',
      departmentCaseNo: '皖检刑受〔2024〕8号',
      suspectName: '孙某',
      role: 'defender',
      clientName: '孙某某',
      clientRelation: 'parent',
      rejectReason: null,
      reviewedAt: null,
    });
    expect(item?.uploads.map((u) => u.kind).sort()).toEqual(
      ['client-id', 'kinship-proof', 'law-firm-letter', 'license', 'power-of-attorney'].sort(),
    );

    // The prosecutor can open each material.
    const upload = item?.uploads[0];
    const file = await fetch(`${portal.url}${upload?.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(sampleFiles.pdf());

    const approved = await api<ConsoleBindingItem>(portal.url, 'POST', `/api/console/bindings/${binding.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: binding.id, status: 'approved' });
    expect(approved.body.reviewedAt).not.toBeNull();
    expect(await latestSms(portal.url, lawyer.phone)).toMatchObject({
      kind: 'binding-approved',
      text: '您的案件绑定申请审核通过，可登录12309中国检察网“个人中心”查看审核结果。【安徽省院】',
    });
    // The lawyer sees it decided too.
    const own = await api<{ status: string }>(portal.url, 'GET', `/api/bindings/${binding.id}`, { token });
    expect(own.body.status).toBe('approved');

    const again = await api(portal.url, 'POST', `/api/console/bindings/${binding.id}/approve`);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
    const rejectDecided = await api(portal.url, 'POST', `/api/console/bindings/${binding.id}/reject`, { body: { reason: '材料不全' } });
    expect(rejectDecided.status).toBe(409);

    const listedApproved = await api<ConsoleBindingListResponse>(portal.url, 'GET', '/api/console/bindings?status=approved');
    expect(listedApproved.body.items.map((i) => i.id)).toContain(binding.id);
    const stillPending = await api<ConsoleBindingListResponse>(portal.url, 'GET', '/api/console/bindings?status=pending');
    expect(stillPending.body.items.map((i) => i.id)).not.toContain(binding.id);
  });

  it('rejects only with a reason of 2–200 characters, and texts it to the lawyer', async () => {
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(portal.url, lawyer);
    const binding = await fileBinding(portal.url, token, { procuratorateId: 'cq-fuling', caseName: '周某盗窃案' });
    const path = `/api/console/bindings/${binding.id}/reject`;

    for (const body of [undefined, {}, { reason: '' }, { reason: '差' }, { reason: 'x'.repeat(201) }, { reason: 42 }]) {
      const refused = await api(portal.url, 'POST', path, { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(refused).code).toBe('VALIDATION');
    }
    expect(errorOf(await api(portal.url, 'POST', path, { body: { reason: '差' } })).message).toContain('reason');

    const rejected = await api<ConsoleBindingItem>(portal.url, 'POST', path, { body: { reason: '  授权委托书未盖章  ' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '授权委托书未盖章' });
    expect(await latestSms(portal.url, lawyer.phone)).toMatchObject({
      kind: 'binding-rejected',
      text: '您的案件绑定申请审核未通过，原因：授权委托书未盖章。可登录12309中国检察网“个人中心”查看审核结果。【涪陵区院】',
    });
    expect((await api(portal.url, 'POST', `/api/console/bindings/${binding.id}/approve`)).status).toBe(409);
  });

  it('answers 404 for unknown ids and 400 for unknown statuses or malformed bodies', async () => {
    const unknown = await api(portal.url, 'POST', '/api/console/bindings/no-such-id/approve');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    expect((await api(portal.url, 'GET', '/api/console/uploads/no-such-upload')).status).toBe(404);
    expect((await api(portal.url, 'GET', '/api/console/bindings?status=published')).status).toBe(400);
    expect((await api(portal.url, 'GET', '/api/console/reviews?status=lost')).status).toBe(400);
    const malformed = await fetch(`${portal.url}/api/console/bindings/x/reject`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"reason":',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('console reviews', () => {
  let portal: MockPortal;
  beforeAll(async () => {
    portal = await startMockPortal({ seed: false, dossierPages: 8 });
    return () => portal.close();
  });

  it('approves a review with the SMS, then publishes its dossier and texts both passwords', async () => {
    const { lawyer, token, reviewId } = await lawyerWithReview(portal.url, {
      procuratorateId: 'cq-fuling',
      caseName: '陈某康危险驾驶案',
      suspectName: '陈某康',
    });
    const listed = await api<ConsoleReviewListResponse>(portal.url, 'GET', '/api/console/reviews?status=pending');
    expect(listed.body.items.find((i) => i.id === reviewId)).toMatchObject({
      status: 'pending',
      caseName: '陈某康危险驾驶案',
      suspectName: '陈某康',
      unit: { shortName: '涪陵区院' },
      lawyer: { name: lawyer.name },
      dossier: null,
      publishing: false,
    });

    const early = await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain('尚未审核');

    const approved = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(await latestSms(portal.url, lawyer.phone)).toMatchObject({
      kind: 'review-approved',
      text: '您申请的【陈某康危险驾驶案】【在线阅卷】审核已通过，卷宗网上处理完成后将短信通知您下载。【涪陵区院】',
    });
    expect((await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/approve`)).status).toBe(409);

    for (const body of [{ pages: 2 }, { pages: 5001 }, { pages: 7.5 }, { pages: '9' }]) {
      expect((await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`, { body })).status, JSON.stringify(body)).toBe(400);
    }

    const published = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`, { body: { pages: 12 } });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishing: false, dossier: { format: 'zip', pages: 12 } });
    expect(published.body.dossier?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(published.body.dossier?.size).toBeGreaterThan(1000);

    const sms = await latestSms(portal.url, lawyer.phone);
    expect(sms?.kind).toBe('dossier-ready');
    expect(sms?.text).toMatch(
      /^您申请的【陈某康危险驾驶案】【在线阅卷】审核已通过，您可以登录12309中国检察网下载卷宗。卷宗下载密码为：\d{6}，卷宗文档打开密码为：\d{7}，密码信息请勿泄漏！【涪陵区院】$/,
    );
    const passwords = await dossierPasswordsFromSms(portal.url, lawyer.phone);
    // The passwords travel only by SMS.
    expect(JSON.stringify(published.body)).not.toContain(passwords.download);
    const appointments = await api(portal.url, 'GET', '/api/appointments', { token });
    expect(JSON.stringify(appointments.body)).not.toContain(passwords.download);
    expect(JSON.stringify(appointments.body)).not.toContain(passwords.open);

    const twice = await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(twice.status).toBe(409);
    expect(errorOf(twice).message).toContain('已发布');
  });

  it('rejects a review with the reason by SMS, after which it cannot be published', async () => {
    const { lawyer, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'sh-pudong', caseName: '钱某合同诈骗案' });
    const rejected = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/reject`, {
      body: { reason: '案件已移送审查起诉以外的阶段' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '案件已移送审查起诉以外的阶段' });
    expect(await latestSms(portal.url, lawyer.phone)).toMatchObject({
      kind: 'review-rejected',
      text: '您申请的【钱某合同诈骗案】【在线阅卷】审核未通过，原因：案件已移送审查起诉以外的阶段。【浦东新区院】',
    });
    const publish = await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(publish.status).toBe(409);
    expect(errorOf(publish).message).toContain('未通过');
    expect((await api(portal.url, 'POST', `/api/console/reviews/${reviewId}/reject`, { body: { reason: '重复' } })).status).toBe(409);
    expect((await api(portal.url, 'POST', '/api/console/reviews/nope/approve')).status).toBe(404);
  });
});

describe('auto-approve', () => {
  it('approves bindings and reviews and publishes dossiers on its own, with the same SMS', async () => {
    const portal = await start({ autoApproveMs: 100 });
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(portal.url, lawyer);
    const binding = await fileBinding(portal.url, token, { procuratorateId: 'ah-hefei', caseName: '吴某故意伤害案' });

    const inboxKinds = async () =>
      (await api<{ messages: { kind: string }[] }>(portal.url, 'GET', `/api/phone/sms?phone=${lawyer.phone}`)).body.messages.map(
        (m) => m.kind,
      );
    await waitFor(async () => (await inboxKinds()).includes('binding-approved'));
    const reviewId = await applyForReview(portal.url, token, binding.id);
    await waitFor(async () => (await inboxKinds()).includes('dossier-ready'));
    expect(await inboxKinds()).toEqual(['dossier-ready', 'review-approved', 'binding-approved']);
    const reviews = await api<ConsoleReviewListResponse>(portal.url, 'GET', '/api/console/reviews?status=published');
    expect(reviews.body.items.find((r) => r.id === reviewId)?.dossier?.pages).toBe(8);
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('loopback only', () => {
  it('tells loopback addresses from others', () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(ip), ip).toBe(true);
    for (const ip of ['192.0.2.7', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '0.0.0.0', '::', '1.127.0.0.1']) {
      expect(isLoopback(ip), ip).toBe(false);
    }
  });

  it('refuses a client from another address, whatever it claims in X-Forwarded-For', async () => {
    const app = Fastify();
    app.setErrorHandler((error: Error & { code?: string }, _request, reply) =>
      reply.code(403).send({ code: error.code, message: error.message }),
    );
    app.get('/api/console/bindings', async (request) => {
      requireLoopback(request);
      return { ok: true };
    });
    const local = await app.inject({ method: 'GET', url: '/api/console/bindings', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
    const remote = await app.inject({
      method: 'GET',
      url: '/api/console/bindings',
      remoteAddress: '192.0.2.7',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toEqual({ code: 'FORBIDDEN', message: CONSOLE_LOOPBACK_MESSAGE });
    await app.close();
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(external === undefined)(`refuses the console API over a non-loopback address (${external ?? 'none on this machine'})`, async () => {
    const portal = await start({ host: external });
    for (const [method, path] of [
      ['GET', '/api/console/bindings'],
      ['GET', '/api/console/reviews?status=pending'],
      ['POST', '/api/console/bindings/x/approve'],
      ['POST', '/api/console/reviews/x/publish'],
      ['GET', '/api/console/uploads/x'],
      ['GET', '/api/%63onsole/bindings'],
    ] as const) {
      const refused = await api(portal.url, method, path);
      expect(refused.status, path).toBe(403);
      expect(errorOf(refused)).toEqual({ code: 'FORBIDDEN', message: CONSOLE_LOOPBACK_MESSAGE });
    }
    // The rest of the portal answers as usual.
    expect((await api(portal.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('the console page', () => {
  it('serves the page, its script and styles under a strict CSP, linked from the home page', async () => {
    const portal = await start();
    const page = await fetch(`${portal.url}/console`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    for (const words of ['检察官控制台', '案件绑定审核', '在线阅卷审核', '不通过原因', '发布卷宗']) expect(html).toContain(words);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<style>|\son\w+=/);
    for (const src of [...html.matchAll(/(?:src|href)="(\/console\/[^"]+)"/g)].map((m) => m[1])) {
      const asset = await fetch(`${portal.url}${src}`);
      expect(asset.status, src).toBe(200);
      if (src?.endsWith('.js')) {
        const script = await asset.text();
        expect(() => new Function(script)).not.toThrow();
      }
    }
    expect(await (await fetch(`${portal.url}/`)).text()).toContain('href="/console"');
  });
});
