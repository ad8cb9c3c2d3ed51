/** Helpers for tests that drive a real mock portal over HTTP, as any client would. */
import type { ErrorCode } from '../shared/errors';
import type { LoginTokenResponse, PhoneActivateRequest, QrSessionView } from '../shared/portal-wire';
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
