import { afterEach, describe, expect, it } from 'vitest';
import type {
  BindingCreateRequest,
  BindingListResponse,
  BindingView,
  BoundCaseListResponse,
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
  sampleFiles,
  uploadBindingMaterials,
  uploadFile,
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

async function post(url: string, token: string, body: unknown, stepUp?: string) {
  const response = await fetch(`${url}/api/bindings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(stepUp ? { 'x-step-up': stepUp } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as BindingView };
}

async function form(url: string, token: string, overrides: Partial<BindingCreateRequest> = {}): Promise<BindingCreateRequest> {
  return {
    procuratorateId: 'cq-fuling',
    caseName: '陈某危险驾驶案',
    departmentCaseNo: '涪检刑受〔2021〕215号',
    role: 'defender',
    clientName: '陈某',
    clientRelation: 'self',
    uploads: await uploadBindingMaterials(url, token, overrides.clientRelation ?? 'self'),
    ...overrides,
  };
}

describe('POST /api/bindings (申请绑定)', () => {
  it('files an application as 待审核 and lists it, newest first', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const request = await form(url, token, { clientRelation: 'spouse', clientName: '刘芳', suspectName: '陈某' });
    request.uploads = await uploadBindingMaterials(url, token, 'spouse');
    const created = await post(url, token, request);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      procuratorate: { id: 'cq-fuling', name: '重庆市涪陵区人民检察院', shortName: '涪陵区院', province: '重庆市', city: '重庆市' },
      caseName: '陈某危险驾驶案',
      departmentCaseNo: '涪检刑受〔2021〕215号',
      suspectName: '陈某',
      role: 'defender',
      clientName: '刘芳',
      clientRelation: 'spouse',
      status: 'pending',
      statusLabel: '待审核',
      rejectReason: null,
      reviewedAt: null,
    });
    expect(created.body.uploads.map((u) => u.kind).sort()).toEqual(
      ['client-id', 'kinship-proof', 'law-firm-letter', 'license', 'power-of-attorney'].sort(),
    );

    const second = await fileBinding(url, token, { procuratorateId: 'ah-province', caseName: '王某盗窃案' });
    const list = await api<BindingListResponse>(url, 'GET', '/api/bindings', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((b) => b.id)).toEqual([second.id, created.body.id]);

    const one = await api<BindingView>(url, 'GET', `/api/bindings/${created.body.id}`, { token });
    expect(one.body).toEqual(created.body);

    // Not approved yet: nothing is bound.
    const bound = await api<BoundCaseListResponse>(url, 'GET', '/api/bound-cases', { token });
    expect(bound.body.items).toEqual([]);
  });

  it('accepts a legal-aid case with the 法律援助公函 and only a suspect name', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const binding = await fileBinding(url, token, {
      clientRelation: 'legal-aid',
      clientName: '重庆市涪陵区法律援助中心',
      suspectName: '周某',
      role: 'defender',
    });
    expect(binding.departmentCaseNo).toBeNull();
    expect(binding.uploads.map((u) => u.kind)).toContain('legal-aid-letter');
    expect(binding.uploads.map((u) => u.kind)).not.toContain('power-of-attorney');
  });

  it('applies the form rules with messages naming the field', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const base = await form(url, token);
    const { uploads } = base;
    const kinship = (await uploadFile(url, token, 'kinship-proof', sampleFiles.pdf())).body.id;
    const legalAid = (await uploadFile(url, token, 'legal-aid-letter', sampleFiles.pdf())).body.id;

    const refusals: [unknown, number, string][] = [
      [{ ...base, departmentCaseNo: undefined, suspectName: '  ' }, 400, '请填写部门受案号（departmentCaseNo）或犯罪嫌疑人姓名（suspectName）'],
      [{ ...base, caseName: undefined }, 400, '缺少案件名称（caseName）'],
      [{ ...base, caseName: 42 }, 400, '案件名称（caseName）必须是文本'],
      [{ ...base, caseName: '案' }, 400, '案件名称（caseName）至少 2 个字'],
      [{ ...base, role: 'witness' }, 400, '身份类型（role）只能是 defender（辩护人）或 agent（诉讼代理人）'],
      [{ ...base, clientRelation: 'friend' }, 400, '委托人关系（clientRelation）'],
      [{ ...base, clientName: 'A1' }, 400, '委托人（clientName）只能包含汉字或字母'],
      [{ ...base, procuratorateId: 'nowhere' }, 400, '受理单位（procuratorateId）不存在'],
      [{ ...base, procuratorateId: '../x' }, 400, '受理单位（procuratorateId）格式不正确'],
      [{ ...base, uploads: undefined }, 400, '缺少上传材料（uploads）'],
      [{ ...base, uploads: 'all' }, 400, '上传材料（uploads）必须是对象'],
      [{ ...base, uploads: { ...uploads, license: undefined } }, 400, '缺少律师执业证（uploads.license）'],
      [{ ...base, uploads: { ...uploads, powerOfAttorney: undefined } }, 400, '请上传授权委托书（uploads.powerOfAttorney）'],
      [{ ...base, uploads: { ...uploads, legalAidLetter: legalAid } }, 400, '只需上传其一'],
      [
        { ...base, uploads: { ...uploads, powerOfAttorney: undefined, legalAidLetter: legalAid } },
        400,
        '法律援助公函仅用于法律援助案件',
      ],
      [{ ...base, clientRelation: 'legal-aid' }, 400, '法律援助案件须上传法律援助公函（uploads.legalAidLetter）'],
      [{ ...base, clientRelation: 'parent' }, 400, '委托人为亲属时须上传亲属关系证明（uploads.kinshipProof）'],
      [{ ...base, uploads: { ...uploads, license: uploads.clientId } }, 400, '律师执业证（uploads.license）须为“律师执业证”类别的上传文件'],
      [{ ...base, uploads: { ...uploads, kinshipProof: uploads.license } }, 400, '亲属关系证明（uploads.kinshipProof）须为'],
      [{ ...base, uploads: { ...uploads, license: 'no-such-upload' } }, 404, '上传文件不存在'],
      ['{"caseName": ', 400, '请求体不是有效的 JSON'],
      ['[1,2]', 400, '请求体必须是 JSON 对象'],
    ];
    for (const [body, status, message] of refusals) {
      const answer = await post(url, token, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(errorOf(answer).message, JSON.stringify(body)).toContain(message);
    }
    // A relative with the proof passes.
    const ok = await post(url, token, { ...base, clientRelation: 'parent', uploads: { ...uploads, kinshipProof: kinship } });
    expect(ok.status).toBe(201);
    expect((await api<BindingListResponse>(url, 'GET', '/api/bindings', { token })).body.items).toHaveLength(1);
  });

  it('refuses a huge body and a non-JSON body', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const huge = await post(url, token, { caseName: 'x'.repeat(100 * 1024) });
    expect(huge.status).toBe(413);
    expect(errorOf(huge).message).toBe('请求体过大');
    const text = await fetch(`${url}/api/bindings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as { error: { message: string } }).error.message).toBe('请求体必须是 JSON 对象');
  });

  it('refuses a duplicate application for the same case at the same unit while pending or approved', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const first = await post(url, token, await form(url, token));
    expect(first.status).toBe(201);

    const sameName = await post(url, token, await form(url, token, { departmentCaseNo: undefined, suspectName: '陈某' }));
    expect(sameName.status).toBe(409);
    expect(errorOf(sameName)).toEqual({
      code: 'CONFLICT',
      message: '您已向重庆市涪陵区人民检察院提交过该案件的绑定申请（待审核），请勿重复申请',
    });
    const sameNumber = await post(url, token, await form(url, token, { caseName: '陈某某危险驾驶一案' }));
    expect(sameNumber.status).toBe(409);
    // Another unit, or another lawyer, may.
    expect((await post(url, token, await form(url, token, { procuratorateId: 'cq-yuzhong' }))).status).toBe(201);
    const other = await registerByQr(url, lawyerFixture());
    expect((await post(url, other.token, await form(url, other.token))).status).toBe(201);
  });

  it('needs a scan (step-up) from a lawyer signed in by SMS code', async () => {
    const url = await start();
    const lawyer = lawyerFixture();
    await registerByQr(url, lawyer);
    const { token } = await loginBySms(url, lawyer.phone);
    const request = await form(url, token);

    const refused = await post(url, token, request);
    expect(refused.status).toBe(403);
    expect(errorOf(refused)).toEqual({ code: 'STEP_UP_REQUIRED', message: '请使用“中国律师身份核验”小程序扫码完成身份核验' });

    const wrongAction = await verifyByPhone(url, token, lawyer.phone, 'review');
    expect((await post(url, token, request, wrongAction)).status).toBe(403);

    const verified = await verifyByPhone(url, token, lawyer.phone, 'binding');
    const created = await post(url, token, request, verified);
    expect(created.status).toBe(201);
  });

  it('answers only a signed-in lawyer at stage ready', async () => {
    const url = await start();
    expect((await api(url, 'GET', '/api/bindings')).status).toBe(401);
    expect((await api(url, 'GET', '/api/bound-cases', { token: 'forged' })).status).toBe(401);
    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const { token } = await loginByQr(url, lawyer.phone);
    for (const [method, path] of [
      ['GET', '/api/bindings'],
      ['GET', '/api/bound-cases'],
      ['GET', '/api/bindings/some-id'],
    ] as const) {
      const answer = await api(url, method, path, { token });
      expect(answer.status, path).toBe(403);
      expect(errorOf(answer).message).toBe('请先完成授权信息和完善信息');
    }
    const created = await post(url, token, { caseName: '陈某危险驾驶案' });
    expect(created.status).toBe(403);
  });
});

describe('GET /api/bindings/{id}', () => {
  it('hides another lawyer\'s application (404), and refuses their uploads', async () => {
    const url = await start();
    const owner = await registerByQr(url, lawyerFixture());
    const other = await registerByQr(url, lawyerFixture());
    const binding = await fileBinding(url, owner.token);

    const foreign = await api(url, 'GET', `/api/bindings/${binding.id}`, { token: other.token });
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', message: `案件绑定申请不存在：${binding.id}` });
    expect((await api<BindingListResponse>(url, 'GET', '/api/bindings', { token: other.token })).body.items).toEqual([]);

    // Filing with the owner's upload ids reads as "no such upload".
    const ownersLicense = binding.uploads.find((u) => u.kind === 'license')!.id;
    const withLicense = await post(url, other.token, {
      ...(await form(url, other.token)),
      uploads: { ...(await uploadBindingMaterials(url, other.token)), license: ownersLicense },
    });
    expect(withLicense.status).toBe(404);
    expect(errorOf(withLicense).code).toBe('NOT_FOUND');
  });
});
