/** Helpers for tests that drive a real mock portal over HTTP, as any client would. */
import type { ErrorCode } from '../shared/errors';
import type {
  BindingCreateRequest,
  BindingView,
  ClientRelation,
  LoginTokenResponse,
  PhoneActivateRequest,
  QrSessionView,
  UploadView,
} from '../shared/portal-wire';
import { idNumberCheckChar } from './validation/id-number';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function api<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export function errorOf(answer: ApiAnswer): { code: ErrorCode; message: string } {
  return (answer.body as { error: { code: ErrorCode; message: string } }).error;
}

/** A valid ID number for a birth date and sequence. */
export function idNumber(birth = '19800101', sequence = '001', region = '110105'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

let nextLawyer = 0;

/** A fresh, valid activation request (distinct phone and ID number each call). */
export function lawyerFixture(overrides: Partial<PhoneActivateRequest> = {}): PhoneActivateRequest {
  nextLawyer += 1;
  const n = String(nextLawyer).padStart(3, '0');
  return {
    name: '张三',
    idNumber: idNumber('19800101', n),
    licenseNumber: `1110120101${String(nextLawyer).padStart(7, '0')}`,
    phone: `13800138${n}`,
    ...overrides,
  };
}

export async function activate(url: string, lawyer: PhoneActivateRequest): Promise<void> {
  const answer = await api(url, 'POST', '/api/phone/activate', { body: lawyer });
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`activation failed: ${JSON.stringify(answer.body)}`);
}

/** The whole QR login as the page and the phone do it; resolves to the bearer token. */
export async function loginByQr(url: string, phone: string): Promise<LoginTokenResponse> {
  const session = (await api<QrSessionView>(url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'login' } })).body;
  const scanned = await api<{ sessionId: string }>(url, 'POST', '/api/phone/scan', {
    body: { qrText: session.qrText, phone },
  });
  if (scanned.status !== 200) throw new Error(`scan failed: ${JSON.stringify(scanned.body)}`);
  await api(url, 'POST', '/api/phone/confirm', { body: { sessionId: session.id, phone, decision: 'confirm' } });
  const token = await api<LoginTokenResponse>(url, 'POST', `/api/auth/qr-sessions/${session.id}/token`);
  if (token.status !== 200) throw new Error(`token failed: ${JSON.stringify(token.body)}`);
  return token.body;
}

/** Polls `check` until it returns true (a condition, not a fixed sleep). */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 5_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A lawyer registered at 12309 the QR way (activate, scan, 授权信息, 完善信息); resolves to their QR token. */
export async function registerByQr(url: string, lawyer: PhoneActivateRequest): Promise<LoginTokenResponse> {
  await activate(url, lawyer);
  const login = await loginByQr(url, lawyer.phone);
  const agreed = await api(url, 'POST', '/api/me/authorization', { token: login.token, body: { agree: true } });
  const profiled = await api(url, 'PUT', '/api/me/profile', { token: login.token, body: { lawFirm: '北京某某律师事务所' } });
  if (agreed.status !== 200 || profiled.status !== 200) throw new Error(`registration failed: ${JSON.stringify(profiled.body)}`);
  return login;
}

/** The newest SMS in a phone's inbox, read as the simulated phone does. */
export async function latestSms(url: string, phone: string): Promise<{ id: string; kind: string; text: string; sentAt: string } | undefined> {
  const inbox = await api<{ messages: { id: string; kind: string; text: string; sentAt: string }[] }>(
    url,
    'GET',
    `/api/phone/sms?phone=${phone}`,
  );
  return inbox.body.messages[0];
}

/** Requests a login code and reads it from the phone's inbox. */
export async function requestLoginCode(url: string, phone: string): Promise<string> {
  const sent = await api(url, 'POST', '/api/auth/sms-codes', { body: { phone } });
  if (sent.status !== 202) throw new Error(`sms code failed: ${JSON.stringify(sent.body)}`);
  const code = /验证码为：(\d{6})/.exec((await latestSms(url, phone))?.text ?? '')?.[1];
  if (!code) throw new Error('no login code in the inbox');
  return code;
}

/** The whole SMS login: code to the inbox, read it, sign in. */
export async function loginBySms(url: string, phone: string): Promise<LoginTokenResponse> {
  const code = await requestLoginCode(url, phone);
  const login = await api<LoginTokenResponse>(url, 'POST', '/api/auth/sms-login', { body: { phone, code } });
  if (login.status !== 200) throw new Error(`sms login failed: ${JSON.stringify(login.body)}`);
  return login.body;
}

/**
 * A step-up verification for `action`, scanned and confirmed by `phone`; resolves to the value of
 * the X-Step-Up header a guarded call then carries.
 */
export async function verifyByPhone(url: string, token: string, phone: string, action: string): Promise<string> {
  const session = await api<QrSessionView>(url, 'POST', '/api/step-up', { token, body: { action } });
  if (session.status !== 201) throw new Error(`step-up failed: ${JSON.stringify(session.body)}`);
  const scanned = await api(url, 'POST', '/api/phone/scan', { body: { qrText: session.body.qrText, phone } });
  if (scanned.status !== 200) throw new Error(`verify scan failed: ${JSON.stringify(scanned.body)}`);
  const confirmed = await api(url, 'POST', '/api/phone/confirm', {
    body: { sessionId: session.body.id, phone, decision: 'confirm' },
  });
  if (confirmed.status !== 200) throw new Error(`verify confirm failed: ${JSON.stringify(confirmed.body)}`);
  return session.body.id;
}

/** The first bytes of each supported upload type, padded to a plausible file. */
export const sampleFiles = {
  pdf: () => Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2), Buffer.from([0xff, 0xd9])]),
};

/** POST /api/uploads as a browser form would send it (multipart/form-data). */
export async function uploadFile(
  url: string,
  token: string,
  kind: string,
  bytes: Uint8Array<ArrayBuffer>,
  fileName = '材料.pdf',
  type = 'application/pdf',
): Promise<ApiAnswer<UploadView>> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([bytes], { type }), fileName);
  const response = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as UploadView };
}

/** Uploads one PDF for each slot a binding with `relation` needs; resolves to the `uploads` object. */
export async function uploadBindingMaterials(
  url: string,
  token: string,
  relation: ClientRelation = 'self',
): Promise<BindingCreateRequest['uploads']> {
  const slots: [keyof BindingCreateRequest['uploads'], string][] = [
    ['license', 'license'],
    [relation === 'legal-aid' ? 'legalAidLetter' : 'powerOfAttorney', relation === 'legal-aid' ? 'legal-aid-letter' : 'power-of-attorney'],
    ['lawFirmLetter', 'law-firm-letter'],
    ['clientId', 'client-id'],
  ];
  if (['spouse', 'parent', 'child', 'sibling', 'other-relative'].includes(relation)) slots.push(['kinshipProof', 'kinship-proof']);
  const uploads: Partial<BindingCreateRequest['uploads']> = {};
  for (const [slot, kind] of slots) {
    const answer = await uploadFile(url, token, kind, sampleFiles.pdf(), `${kind}.pdf`);
    if (answer.status !== 201) throw new Error(`upload failed: ${JSON.stringify(answer.body)}`);
    uploads[slot] = answer.body.id;
  }
  return uploads as BindingCreateRequest['uploads'];
}

/** Files a complete 案件绑定申请 (materials uploaded first); resolves to the new binding. */
export async function fileBinding(
  url: string,
  token: string,
  fields: Partial<Omit<BindingCreateRequest, 'uploads'>> = {},
  headers: { stepUp?: string } = {},
): Promise<BindingView> {
  const clientRelation = fields.clientRelation ?? 'self';
  const body: BindingCreateRequest = {
    procuratorateId: 'cq-fuling',
    caseName: '张某危险驾驶案',
    suspectName: '张某',
    role: 'defender',
    clientName: '张某',
    clientRelation,
    ...fields,
    uploads: await uploadBindingMaterials(url, token, clientRelation),
  };
  const response = await fetch(`${url}/api/bindings`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(headers.stepUp ? { 'x-step-up': headers.stepUp } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as BindingView;
  if (response.status !== 201) throw new Error(`binding failed: ${JSON.stringify(answer)}`);
  return answer;
}

/** POST /api/console/{kind}/{id}/approve as the prosecutor; throws unless it is approved. */
export async function consoleApprove(url: string, kind: 'bindings' | 'reviews', id: string): Promise<void> {
  const answer = await api(url, 'POST', `/api/console/${kind}/${encodeURIComponent(id)}/approve`);
  if (answer.status !== 200) throw new Error(`console approve failed: ${JSON.stringify(answer.body)}`);
}

/** 申请在线阅卷 on an approved binding, accepting the current 须知; resolves to the review id. */
export async function applyForReview(url: string, token: string, bindingId: string): Promise<string> {
  const notice = await api<{ version: string }>(url, 'GET', '/api/reviews/notice');
  const answer = await api<{ id: string }>(url, 'POST', `/api/bound-cases/${encodeURIComponent(bindingId)}/reviews`, {
    token,
    body: { acceptNotice: true, noticeVersion: notice.body.version },
  });
  if (answer.status !== 201) throw new Error(`review application failed: ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** A new registered lawyer with a binding approved at `procuratorateId` and an online review filed (pending). */
export async function lawyerWithReview(
  url: string,
  fields: Partial<Omit<BindingCreateRequest, 'uploads'>> = {},
): Promise<{ lawyer: PhoneActivateRequest; token: string; bindingId: string; reviewId: string }> {
  const lawyer = lawyerFixture();
  const { token } = await registerByQr(url, lawyer);
  const binding = await fileBinding(url, token, fields);
  await consoleApprove(url, 'bindings', binding.id);
  const reviewId = await applyForReview(url, token, binding.id);
  return { lawyer, token, bindingId: binding.id, reviewId };
}

/** The 卷宗下载密码 and 卷宗文档打开密码 of the newest dossier-ready SMS of a phone. */
export async function dossierPasswordsFromSms(url: string, phone: string): Promise<{ download: string; open: string }> {
  const inbox = await api<{ messages: { kind: string; text: string }[] }>(url, 'GET', `/api/phone/sms?phone=${phone}`);
  const text = inbox.body.messages.find((m) => m.kind === 'dossier-ready')?.text ?? '';
  const match = /卷宗下载密码为：(\d{6})，卷宗文档打开密码为：(\d{7})/.exec(text);
  if (!match?.[1] || !match[2]) throw new Error('no dossier-ready SMS with both passwords');
  return { download: match[1], open: match[2] };
}
