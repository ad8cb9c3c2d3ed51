import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../index';
import type { MeResponse, SmsInboxResponse } from '../../shared/portal-wire';
import { DEMO_LAWYERS } from '../state/seed-lawyers';
import { api, errorOf, idNumber, lawyerFixture, loginByQr, requestLoginCode } from '../test-helpers';

let portal: MockPortal;
beforeAll(async () => {
  portal = await startMockPortal();
});
afterAll(() => portal.close());

const activateWith = (body: unknown) => api(portal.url, 'POST', '/api/phone/activate', { body });

describe('POST /api/phone/activate', () => {
  it('activates a new lawyer with 201, then answers the same identity with 200', async () => {
    const lawyer = lawyerFixture({ name: '李四' });
    const first = await activateWith(lawyer);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ name: '李四', phone: lawyer.phone, licenseNumber: lawyer.licenseNumber });
    const again = await activateWith(lawyer);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('accepts a lower-case x check character', async () => {
    // 11010519491231002X is the standard's worked example.
    const answer = await activateWith(lawyerFixture({ idNumber: '11010519491231002x' }));
    expect(answer.status).toBe(201);
  });

  it('refuses the same phone with another identity, and the same identity on another phone', async () => {
    const lawyer = lawyerFixture();
    expect((await activateWith(lawyer)).status).toBe(201);

    const otherPerson = await activateWith({ ...lawyerFixture(), phone: lawyer.phone });
    expect(otherPerson.status).toBe(409);
    expect(errorOf(otherPerson).code).toBe('CONFLICT');

    const otherPhone = await activateWith({ ...lawyer, phone: lawyerFixture().phone });
    expect(otherPhone.status).toBe(409);
    expect(errorOf(otherPhone).code).toBe('CONFLICT');
  });

  it('answers a failed face check with 422, the advice and the hotline, and activates nothing', async () => {
    const lawyer = lawyerFixture({ faceCheck: 'fail' });
    const answer = await activateWith(lawyer);
    expect(answer.status).toBe(422);
    expect(errorOf(answer).code).toBe('FACE_CHECK_FAILED');
    expect(errorOf(answer).message).toContain('请仔细核对输入信息');
    expect(errorOf(answer).message).toContain('400-052-9602');
    const scan = await api(portal.url, 'POST', '/api/phone/scan', { body: { qrText: 'x', phone: lawyer.phone } });
    expect(errorOf(scan).code).toBe('NOT_ACTIVATED');
  });

  it.each([
    ['a wrong ID check digit', { idNumber: `${idNumber().slice(0, 17)}${idNumber().endsWith('0') ? '1' : '0'}` }, '校验位', 'idNumber'],
    ['an impossible birth date', { idNumber: idNumber('19800230') }, '出生日期', 'idNumber'],
    ['a short ID number', { idNumber: '11010519800101' }, '18 位', 'idNumber'],
    ['a landline number', { phone: '01012345678' }, '手机号格式不正确', 'phone'],
    ['a 12-digit phone', { phone: '138001380001' }, '手机号格式不正确', 'phone'],
    ['a 16-digit licence number', { licenseNumber: '1234567890123456' }, '17 位数字', 'licenseNumber'],
    ['a one-character name', { name: '张' }, '至少 2 个字', 'name'],
    ['a name with digits', { name: '张三3' }, '汉字或字母', 'name'],
    ['an unknown face check', { faceCheck: 'maybe' }, 'pass 或 fail', 'faceCheck'],
  ])('rejects %s with 400 naming the field', async (_what, override, words, field) => {
    const answer = await activateWith({ ...lawyerFixture(), ...override });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('VALIDATION');
    expect(errorOf(answer).message).toContain(words);
    expect(errorOf(answer).message).toContain(field);
  });

  it('names a missing field, and rejects bodies that are not JSON objects', async () => {
    const { phone: _phone, ...noPhone } = lawyerFixture();
    const missing = await activateWith(noPhone);
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toBe('缺少手机号（phone）');

    const notObject = await activateWith([1, 2]);
    expect(notObject.status).toBe(400);
    expect(errorOf(notObject).message).toContain('JSON 对象');

    const response = await fetch(`${portal.url}/api/phone/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'VALIDATION', message: '请求体不是有效的 JSON' } });
  });
});

describe('unknown routes', () => {
  it('answer 404 in the error shape', async () => {
    const answer = await api(portal.url, 'GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(errorOf(answer).code).toBe('NOT_FOUND');
  });
});

describe('activation of a lawyer 12309 already knows', () => {
  it('must bind the phone registered at 12309, and then QR login asks only for 授权信息', async () => {
    const own = await startMockPortal();
    try {
      const wang = DEMO_LAWYERS.find((lawyer) => lawyer.id === 'demo-lawyer-portal-only');
      if (!wang) throw new Error('seed missing');
      const identity = { name: wang.name, idNumber: wang.idNumber, licenseNumber: wang.licenseNumber };
      const activate = (body: unknown) => api(own.url, 'POST', '/api/phone/activate', { body });

      const otherPhone = await activate({ ...identity, phone: '13912340000' });
      expect(otherPhone.status).toBe(403);
      expect(errorOf(otherPhone)).toEqual({ code: 'PHONE_MISMATCH', message: '该手机号与12309中国检察网注册手机号不一致' });
      const wrongName = await activate({ ...identity, name: '王建国', phone: wang.phone });
      expect(wrongName.status).toBe(409);

      const scanBefore = await api(own.url, 'POST', '/api/phone/scan', { body: { qrText: 'x', phone: wang.phone } });
      expect(errorOf(scanBefore).code).toBe('NOT_ACTIVATED');

      const activated = await activate({ ...identity, phone: wang.phone });
      expect(activated.status).toBe(201);
      expect((await activate({ ...identity, phone: wang.phone })).status).toBe(200);
      const { token } = await loginByQr(own.url, wang.phone);
      const me = await api<MeResponse>(own.url, 'GET', '/api/me', { token });
      expect(me.body.stage).toBe('authorize');
      const agreed = await api<MeResponse>(own.url, 'POST', '/api/me/authorization', { token, body: { agree: true } });
      expect(agreed.body.stage).toBe('ready');
    } finally {
      await own.close();
    }
  });
});

describe('GET /api/phone/sms', () => {
  const inbox = (phone: string) => api<SmsInboxResponse>(portal.url, 'GET', `/api/phone/sms?phone=${phone}`);

  it("shows the phone's own messages, newest first", async () => {
    const before = await inbox('13800000001');
    expect(before.status).toBe(200);
    const first = await requestLoginCode(portal.url, '13800000001');
    await requestLoginCode(portal.url, '13800000003');
    const after = await inbox('13800000001');
    expect(after.body.messages).toHaveLength(before.body.messages.length + 1);
    const [newest] = after.body.messages;
    expect(newest).toMatchObject({ kind: 'login-code', id: expect.any(String) as string });
    expect(newest?.text).toContain(first);
    expect(Date.parse(newest?.sentAt ?? '')).toBeGreaterThan(0);
    expect(Object.keys(newest ?? {}).sort()).toEqual(['id', 'kind', 'sentAt', 'text']);
    expect((await inbox('13800000003')).body.messages[0]?.text).not.toContain(first);
  });

  it('is empty for a phone that got nothing, and refuses a malformed number', async () => {
    expect((await inbox('13700000000')).body).toEqual({ messages: [] });
    const bad = await api(portal.url, 'GET', '/api/phone/sms?phone=abc');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('phone');
    const missing = await api(portal.url, 'GET', '/api/phone/sms');
    expect(errorOf(missing).message).toBe('缺少手机号（phone）');
  });
});
