import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleReviewItem, DownloadLinkResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../mock-portal';
import {
  api,
  consoleApprove,
  dossierPasswordsFromSms,
  errorOf,
  lawyerWithReview,
  loginBySms,
  verifyByPhone,
  type ApiAnswer,
} from '../test-helpers';

const portals: MockPortal[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
});

interface Published {
  token: string;
  phone: string;
  reviewId: string;
  password: string;
  dossier: NonNullable<ConsoleReviewItem['dossier']>;
}

/** A lawyer whose online review was approved and its dossier published from the console. */
async function published(url: string, caseName = '陈某康危险驾驶案'): Promise<Published> {
  const { lawyer, token, reviewId } = await lawyerWithReview(url, { procuratorateId: 'cq-fuling', caseName });
  await consoleApprove(url, 'reviews', reviewId);
  const answer = await api<ConsoleReviewItem>(url, 'POST', `/api/console/reviews/${reviewId}/publish`);
  if (answer.status !== 200 || !answer.body.dossier) throw new Error(`publish failed: ${JSON.stringify(answer.body)}`);
  const { download } = await dossierPasswordsFromSms(url, lawyer.phone);
  return { token, phone: lawyer.phone, reviewId, password: download, dossier: answer.body.dossier };
}

async function requestLink(
  url: string,
  who: { token: string; phone: string },
  reviewId: string,
  password: string,
  stepUp?: string | null,
): Promise<ApiAnswer<DownloadLinkResponse>> {
  const header = stepUp === null ? undefined : (stepUp ?? (await verifyByPhone(url, who.token, who.phone, 'download')));
  const response = await fetch(`${url}/api/reviews/${reviewId}/download-links`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${who.token}`,
      'content-type': 'application/json',
      ...(header === undefined ? {} : { 'x-step-up': header }),
    },
    body: JSON.stringify({ password }),
  });
  return { status: response.status, body: (await response.json()) as DownloadLinkResponse };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('dossier downloads', () => {
  let portal: MockPortal;
  let lawyer: Published;
  let link: DownloadLinkResponse;
  let whole: Buffer;

  beforeAll(async () => {
    portal = await startMockPortal({ seed: false, dossierPages: 10 });
    lawyer = await published(portal.url);
    const answer = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password);
    if (answer.status !== 201) throw new Error(`link failed: ${JSON.stringify(answer.body)}`);
    link = answer.body;
    return () => portal.close();
  });

  it('issues a 30-minute link describing the published dossier', () => {
    expect(link.url).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ fileName: lawyer.dossier.fileName, size: lawyer.dossier.size, sha256: lawyer.dossier.sha256 });
    const minutes = (Date.parse(link.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });

  it('serves the whole archive with its length, ETag, name and SHA-256, matching what was published', async () => {
    const response = await fetch(`${portal.url}${link.url}`);
    expect(response.status).toBe(200);
    whole = Buffer.from(await response.arrayBuffer());
    expect(whole.length).toBe(link.size);
    expect(sha256(whole)).toBe(link.sha256);
    expect(whole.subarray(0, 2).toString('latin1')).toBe('PK');
    const h = response.headers;
    expect(h.get('content-type')).toBe('application/zip');
    expect(h.get('content-length')).toBe(String(link.size));
    expect(h.get('etag')).toBe(`"${link.sha256}"`);
    expect(h.get('accept-ranges')).toBe('bytes');
    expect(h.get('x-content-sha256')).toBe(link.sha256);
    expect(h.get('repr-digest')).toBe(`sha-256=:${Buffer.from(link.sha256, 'hex').toString('base64')}:`);
    expect(h.get('content-disposition')).toBe(
      `attachment; filename="dossier.zip"; filename*=UTF-8''${encodeURIComponent(link.fileName)}`,
    );
    expect(link.fileName).toContain('陈某康危险驾驶案');

    // A link works again within its lifetime (resume after an interruption).
    const again = await fetch(`${portal.url}${link.url}`);
    expect(sha256(Buffer.from(await again.arrayBuffer()))).toBe(link.sha256);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const response = await fetch(`${portal.url}${link.url}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(link.size));
    expect(response.headers.get('etag')).toBe(`"${link.sha256}"`);
    expect(response.headers.get('x-content-sha256')).toBe(link.sha256);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
    const ranged = await fetch(`${portal.url}${link.url}`, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-9/${link.size}`);
  });

  it('serves single byte ranges: first bytes, middle, suffix and open-ended', async () => {
    const size = link.size;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      [`bytes=${Math.floor(size / 3)}-${Math.floor(size / 2)}`, Math.floor(size / 3), Math.floor(size / 2)],
      ['bytes=-100', size - 100, size - 1],
      [`bytes=${size - 50}-`, size - 50, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetch(`${portal.url}${link.url}`, { headers: { range } });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
      // The digest headers describe the whole archive, not the part.
      expect(response.headers.get('x-content-sha256')).toBe(link.sha256);
      expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('resumes by If-Range only while the ETag matches', async () => {
    const match = await fetch(`${portal.url}${link.url}`, { headers: { range: 'bytes=100-', 'if-range': `"${link.sha256}"` } });
    expect(match.status).toBe(206);
    expect(Buffer.from(await match.arrayBuffer()).equals(whole.subarray(100))).toBe(true);

    const stale = await fetch(`${portal.url}${link.url}`, { headers: { range: 'bytes=100-', 'if-range': `"${'0'.repeat(64)}"` } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-range')).toBeNull();
    expect(sha256(Buffer.from(await stale.arrayBuffer()))).toBe(link.sha256);
  });

  it('refuses unsatisfiable, malformed and multiple ranges with 416', async () => {
    for (const range of [`bytes=${link.size}-`, 'bytes=-0', 'bytes=20-10', 'bytes=0-1,5-9', 'bytes=x-y', 'lines=0-1', 'bytes=']) {
      const response = await fetch(`${portal.url}${link.url}`, { headers: { range } });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe(`bytes */${link.size}`);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, range).toBe('RANGE_NOT_SATISFIABLE');
      expect(body.error.message.length).toBeGreaterThan(2);
    }
  });

  it('answers 404 for unknown or malformed links', async () => {
    expect((await api(portal.url, 'GET', `/api/downloads/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await api(portal.url, 'GET', '/api/downloads/short')).status).toBe(404);
    expect((await api(portal.url, 'GET', `/api/downloads/${'A'.repeat(43)}`)).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('download links', () => {
  let portal: MockPortal;
  beforeAll(async () => {
    portal = await startMockPortal({ seed: false, dossierPages: 5 });
    return () => portal.close();
  });

  it('require a step-up verification for every login method, used up by the link', async () => {
    const lawyer = await published(portal.url, '郑某危险驾驶案');
    // A QR login still scans for a download.
    const none = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, null);
    expect(none.status).toBe(403);
    expect(errorOf(none).code).toBe('STEP_UP_REQUIRED');
    const forged = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, 'not-a-session');
    expect(errorOf(forged).code).toBe('STEP_UP_REQUIRED');
    // Verified for another action does not count.
    const forBinding = await verifyByPhone(portal.url, lawyer.token, lawyer.phone, 'binding');
    expect(errorOf(await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, forBinding)).code).toBe('STEP_UP_REQUIRED');

    const verification = await verifyByPhone(portal.url, lawyer.token, lawyer.phone, 'download');
    const first = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, verification);
    expect(first.status).toBe(201);
    const reused = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, verification);
    expect(reused.status).toBe(403);
    expect(errorOf(reused).code).toBe('STEP_UP_REQUIRED');

    // An SMS login of the same lawyer scans too, and then gets its link.
    const sms = await loginBySms(portal.url, lawyer.phone);
    const smsLawyer = { token: sms.token, phone: lawyer.phone };
    expect(errorOf(await requestLink(portal.url, smsLawyer, lawyer.reviewId, lawyer.password, null)).code).toBe('STEP_UP_REQUIRED');
    expect((await requestLink(portal.url, smsLawyer, lawyer.reviewId, lawyer.password)).status).toBe(201);
  });

  it('count wrong passwords and lock the review for 15 minutes after the fifth, telling the time left', async () => {
    const lawyer = await published(portal.url, '冯某盗窃案');
    const wrong = lawyer.password === '000000' ? '111111' : '000000';
    const verification = await verifyByPhone(portal.url, lawyer.token, lawyer.phone, 'download');

    for (const left of [4, 3, 2, 1]) {
      const answer = await requestLink(portal.url, lawyer, lawyer.reviewId, wrong, verification);
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toEqual({ code: 'WRONG_PASSWORD', message: `卷宗下载密码错误，还可尝试 ${left} 次` });
    }
    const fifth = await requestLink(portal.url, lawyer, lawyer.reviewId, wrong, verification);
    expect(fifth.status).toBe(423);
    expect(errorOf(fifth)).toEqual({ code: 'LOCKED_OUT', message: '卷宗下载密码错误次数过多，请 15 分钟后重试' });

    // Locked: even the right password is refused, with the minutes left.
    const right = await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, verification);
    expect(right.status).toBe(423);
    expect(errorOf(right).message).toMatch(/^卷宗下载密码错误次数过多，请 1[45] 分钟后重试$/);
  });

  it('reset the count after a right password', async () => {
    const lawyer = await published(portal.url, '褚某诈骗案');
    const wrong = lawyer.password === '000000' ? '111111' : '000000';
    const verification = await verifyByPhone(portal.url, lawyer.token, lawyer.phone, 'download');
    for (let i = 0; i < 4; i += 1) await requestLink(portal.url, lawyer, lawyer.reviewId, wrong, verification);
    expect((await requestLink(portal.url, lawyer, lawyer.reviewId, lawyer.password, verification)).status).toBe(201);
    const next = await requestLink(portal.url, lawyer, lawyer.reviewId, wrong);
    expect(errorOf(next)).toEqual({ code: 'WRONG_PASSWORD', message: '卷宗下载密码错误，还可尝试 4 次' });
  });

  it('are only for the lawyer\'s own published review', async () => {
    const owner = await published(portal.url, '卫某交通肇事案');
    const other = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName: '蒋某盗窃案' });
    const otherWho = { token: other.token, phone: other.lawyer.phone };

    const foreign = await requestLink(portal.url, otherWho, owner.reviewId, owner.password);
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign).code).toBe('NOT_FOUND');
    expect((await requestLink(portal.url, otherWho, 'no-such-review', owner.password)).status).toBe(404);

    const unpublished = await requestLink(portal.url, otherWho, other.reviewId, '123456');
    expect(unpublished.status).toBe(409);
    expect(errorOf(unpublished).code).toBe('CONFLICT');

    const anonymous = await api(portal.url, 'POST', `/api/reviews/${owner.reviewId}/download-links`, { body: { password: owner.password } });
    expect(anonymous.status).toBe(401);
    const forgedToken = await api(portal.url, 'POST', `/api/reviews/${owner.reviewId}/download-links`, {
      token: 'forged-token',
      body: { password: owner.password },
    });
    expect(forgedToken.status).toBe(401);
    for (const body of [{}, { password: 123456 }, { password: '' }, []]) {
      const bad = await api(portal.url, 'POST', `/api/reviews/${owner.reviewId}/download-links`, { token: owner.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('expire: an old link answers 410', async () => {
    const short = await startMockPortal({ seed: false, dossierPages: 4, downloadLinkTtlMs: 300 });
    portals.push(short);
    const lawyer = await published(short.url, '沈某危险驾驶案');
    const answer = await requestLink(short.url, lawyer, lawyer.reviewId, lawyer.password);
    expect(answer.status).toBe(201);
    const expiresAt = Date.parse(answer.body.expiresAt);
    while (Date.now() <= expiresAt) await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 5));
    const expired = await api(short.url, 'GET', answer.body.url);
    expect(expired.status).toBe(410);
    expect(errorOf(expired).code).toBe('LINK_EXPIRED');
  });
});

describe('published dossiers with a data folder', () => {
  it('are kept in <data>/dossiers and still download after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portal-dossiers-'));
    try {
      const first = await startMockPortal({ seed: false, dossierPages: 4, dataDir: dir });
      portals.push(first);
      const lawyer = await published(first.url, '秦某危险驾驶案');
      await first.close();
      expect(await readdir(join(dir, 'dossiers'))).toEqual([expect.stringMatching(/\.zip$/)]);

      const second = await startMockPortal({ seed: false, dataDir: dir });
      portals.push(second);
      const link = await requestLink(second.url, lawyer, lawyer.reviewId, lawyer.password);
      expect(link.status).toBe(201);
      const bytes = Buffer.from(await (await fetch(`${second.url}${link.body.url}`)).arrayBuffer());
      expect(sha256(bytes)).toBe(lawyer.dossier.sha256);
    } finally {
      await Promise.all(portals.splice(0).map((p) => p.close()));
      await rm(dir, { recursive: true, force: true });
    }
  });
});
