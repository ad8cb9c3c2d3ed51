import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import { STATE_FILE_NAME } from '../state/store';
import { DEMO_PASSWORD } from '../state/seed-lawyers';
import { activate, api, errorOf, idNumber, lawyerFixture, loginByQr, loginBySms, registerByQr } from '../test-helpers';

const portals: MockPortal[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function start(dataDir?: string): Promise<string> {
  const portal = await startMockPortal({ dataDir });
  portals.push(portal);
  return portal.url;
}

const me = (url: string, token: string) => api<MeResponse>(url, 'GET', '/api/me', { token });
const agree = (url: string, token: string, body: unknown = { agree: true }) =>
  api<MeResponse>(url, 'POST', '/api/me/authorization', { token, body });
const profile = (url: string, token: string, body: unknown) =>
  api<MeResponse>(url, 'PUT', '/api/me/profile', { token, body });

describe('stages of a signed-in lawyer (manual §2 step 4)', () => {
  it('takes a lawyer new to 12309 through 授权信息 and 完善信息, and a returning one straight to ready', async () => {
    const url = await start();
    const lawyer = lawyerFixture({ name: '钱七', idNumber: idNumber('19850315', '123') });
    await activate(url, lawyer);
    const { token } = await loginByQr(url, lawyer.phone);

    const first = await me(url, token);
    expect(first.body).toEqual({
      stage: 'authorize',
      lawyer: {
        name: '钱七',
        idNumberMasked: `110105********${lawyer.idNumber.slice(-4)}`,
        licenseNumber: lawyer.licenseNumber,
        phone: lawyer.phone,
        lawFirm: null,
        email: null,
        address: null,
      },
    });
    expect(JSON.stringify(first.body)).not.toContain(lawyer.idNumber);

    const tooEarly = await profile(url, token, { lawFirm: '北京某某律师事务所' });
    expect(tooEarly.status).toBe(409);
    expect(errorOf(tooEarly).code).toBe('CONFLICT');

    const refused = await agree(url, token, { agree: false });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toContain('agree');

    const agreed = await agree(url, token);
    expect(agreed.body.stage).toBe('complete-profile');
    expect((await me(url, token)).body.stage).toBe('complete-profile');

    const badEmail = await profile(url, token, { lawFirm: '北京某某律师事务所', email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    expect(errorOf(badEmail).message).toBe('电子邮箱（email）格式不正确');
    const noFirm = await profile(url, token, { email: 'a@b.cn' });
    expect(errorOf(noFirm).message).toBe('缺少律师事务所（lawFirm）');
    const shortFirm = await profile(url, token, { lawFirm: '所' });
    expect(errorOf(shortFirm).message).toContain('lawFirm');
    const longAddress = await profile(url, token, { lawFirm: '北京某某律师事务所', address: '路'.repeat(201) });
    expect(errorOf(longAddress).message).toContain('address');

    const done = await profile(url, token, {
      lawFirm: ' 北京某某律师事务所 ',
      email: 'qian@example.cn',
      address: '北京市东城区某某路 1 号',
    });
    expect(done.status).toBe(200);
    expect(done.body.stage).toBe('ready');
    expect(done.body.lawyer).toMatchObject({
      lawFirm: '北京某某律师事务所',
      email: 'qian@example.cn',
      address: '北京市东城区某某路 1 号',
    });

    // At ready the same call updates the details; an empty email means none.
    const updated = await profile(url, token, { lawFirm: '上海某某律师事务所', email: '' });
    expect(updated.body).toMatchObject({ stage: 'ready', lawyer: { lawFirm: '上海某某律师事务所', email: null, address: null } });

    const later = await loginByQr(url, lawyer.phone);
    expect((await me(url, later.token)).body.stage).toBe('ready');
  });

  it('asks a lawyer registered by other means only to agree', async () => {
    // Such lawyers exist in the portal's data before they first scan (manual §2, the note).
    const dir = await mkdtemp(join(tmpdir(), 'mock-portal-'));
    folders.push(dir);
    const lawyer = lawyerFixture({ name: '孙八' });
    await writeFile(
      join(dir, STATE_FILE_NAME),
      JSON.stringify({
        version: 1,
        instanceId: 'registered-lawyer-fixture',
        accounts: [
          {
            id: 'acc-1',
            name: lawyer.name,
            idNumber: lawyer.idNumber,
            licenseNumber: lawyer.licenseNumber,
            phone: lawyer.phone,
            activatedAt: new Date().toISOString(),
            registered: true,
            qrAuthorized: false,
            lawFirm: '广州某某律师事务所',
            email: null,
            address: null,
          },
        ],
        tokens: [],
      }),
    );
    const url = await start(dir);
    const { token } = await loginByQr(url, lawyer.phone);
    expect((await me(url, token)).body.stage).toBe('authorize');
    const agreed = await agree(url, token);
    expect(agreed.body).toMatchObject({ stage: 'ready', lawyer: { lawFirm: '广州某某律师事务所' } });
  });
});

describe('the 12309 login password', () => {
  const setPassword = (url: string, token: string | undefined, body: unknown) =>
    api(url, 'PUT', '/api/me/password', { token, body });
  const passwordLogin = (url: string, phone: string, password: string) =>
    api(url, 'POST', '/api/auth/password-login', { body: { phone, password } });

  it('is set by a registered lawyer without one, then changed only with the current one', async () => {
    const url = await start();
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(url, lawyer);
    expect((await passwordLogin(url, lawyer.phone, 'First1234')).status).toBe(403);

    expect((await setPassword(url, token, { newPassword: 'First1234' })).status).toBe(204);
    expect((await passwordLogin(url, lawyer.phone, 'First1234')).status).toBe(200);

    const missing = await setPassword(url, token, { newPassword: 'Second1234' });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toContain('currentPassword');
    const wrong = await setPassword(url, token, { currentPassword: 'Nope12345', newPassword: 'Second1234' });
    expect(wrong.status).toBe(403);
    expect(errorOf(wrong)).toEqual({ code: 'WRONG_PASSWORD', message: '当前密码不正确，还可尝试 4 次' });

    expect((await setPassword(url, token, { currentPassword: 'First1234', newPassword: 'Second1234' })).status).toBe(204);
    expect((await passwordLogin(url, lawyer.phone, 'First1234')).status).toBe(403);
    expect((await passwordLogin(url, lawyer.phone, 'Second1234')).status).toBe(200);
  });

  it('works for a lawyer signed in by SMS code, and wrong current passwords lock it', async () => {
    const url = await start();
    const { token } = await loginBySms(url, '13800000001');
    for (let i = 0; i < 4; i += 1) {
      expect((await setPassword(url, token, { currentPassword: 'Wrong1234', newPassword: 'Other1234' })).status).toBe(403);
    }
    const locked = await setPassword(url, token, { currentPassword: 'Wrong1234', newPassword: 'Other1234' });
    expect(locked.status).toBe(423);
    expect(errorOf(locked).message).toMatch(/请 15 分钟后再试/);
    expect((await passwordLogin(url, '13800000001', DEMO_PASSWORD)).status).toBe(423);
  });

  it.each([
    ['too short', 'Ab1'],
    ['too long', `Ab1${'x'.repeat(30)}`],
    ['without digits', 'abcdefghij'],
    ['without letters', '1234567890'],
    ['with a space', 'Abcd 12345'],
    ['with non-ASCII', '密码Abcd12345'],
  ])('refuses a new password %s', async (_what, newPassword) => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const answer = await setPassword(url, token, { newPassword });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).message).toBe('新密码（newPassword）应为 8–32 位字母、数字或英文符号，须同时包含字母和数字');
  });

  it('needs a signed-in lawyer who finished 授权信息 and 完善信息', async () => {
    const url = await start();
    expect((await setPassword(url, undefined, { newPassword: 'First1234' })).status).toBe(401);
    expect((await setPassword(url, 'A'.repeat(43), { newPassword: 'First1234' })).status).toBe(401);
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const { token } = await loginByQr(url, lawyer.phone);
    const notReady = await setPassword(url, token, { newPassword: 'First1234' });
    expect(notReady.status).toBe(403);
    expect(errorOf(notReady).code).toBe('FORBIDDEN');

    const { token: ready } = await registerByQr(url, lawyerFixture());
    const notObject = await setPassword(url, ready, 'First1234');
    expect(notObject.status).toBe(400);
    expect(errorOf(notObject).message).toBe('请求体必须是 JSON 对象');
    const wrongType = await setPassword(url, ready, { newPassword: 12345678 });
    expect(errorOf(wrongType).message).toBe('新密码（newPassword）必须是文本');
  });
});

describe('stages of lawyers signed in without QR', () => {
  it('are ready at once: 授权信息 belongs to QR login', async () => {
    const url = await start();
    const portalOnly = await api<{ token: string }>(url, 'POST', '/api/auth/password-login', {
      body: { phone: '13800000003', password: DEMO_PASSWORD },
    });
    const me = await api<MeResponse>(url, 'GET', '/api/me', { token: portalOnly.body.token });
    expect(me.body).toMatchObject({ stage: 'ready', lawyer: { name: '王建华', phone: '13800000003', lawFirm: '上海浦江律师事务所' } });
  });
});
