import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QrSessionView } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { api, lawyerFixture } from '../../mock-portal/test-helpers';
import { UsageError } from '../command';
import { phoneCommand } from './phone';

let portal: MockPortal;
beforeAll(async () => {
  portal = await startMockPortal();
});
afterAll(() => portal.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the command and returns what it printed on stdout. */
async function run(argv: string[]): Promise<string[]> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  expect(await phoneCommand.run(argv)).toBe(0);
  vi.restoreAllMocks();
  return text.split('\n').filter(Boolean);
}

function activateArgs(lawyer: ReturnType<typeof lawyerFixture>): string[] {
  return [
    'activate',
    '--portal', portal.url,
    '--name', lawyer.name,
    '--id-number', lawyer.idNumber,
    '--license', lawyer.licenseNumber,
    '--phone', lawyer.phone,
  ];
}

async function newSession(): Promise<QrSessionView> {
  return (await api<QrSessionView>(portal.url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'login' } })).body;
}

describe('dossier phone', () => {
  it('activates a lawyer and prints them as one JSON line', async () => {
    const lawyer = lawyerFixture({ name: '郑十一' });
    const lines = await run(activateArgs(lawyer));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ name: '郑十一', phone: lawyer.phone, licenseNumber: lawyer.licenseNumber });
  });

  it("reports the portal's message when activation fails", async () => {
    const lawyer = lawyerFixture();
    await expect(phoneCommand.run([...activateArgs(lawyer), '--face', 'fail'])).rejects.toThrow(/400-052-9602/);
    await expect(phoneCommand.run(activateArgs({ ...lawyer, phone: '12345' }))).rejects.toThrow('手机号格式不正确');
  });

  it('scans and confirms a login QR, or cancels it', async () => {
    const lawyer = lawyerFixture();
    await run(activateArgs(lawyer));

    const session = await newSession();
    const confirmed = await run(['scan', session.qrText, '--portal', `${portal.url}/`, '--phone', lawyer.phone]);
    expect(JSON.parse(confirmed[0] ?? '')).toEqual({ sessionId: session.id, state: 'confirmed' });
    const view = await api<QrSessionView>(portal.url, 'GET', `/api/auth/qr-sessions/${session.id}`);
    expect(view.body).toMatchObject({ state: 'confirmed', scannedBy: lawyer.name });

    const other = await newSession();
    const cancelled = await run(['scan', other.qrText, '--portal', portal.url, '--phone', lawyer.phone, '--cancel']);
    expect(JSON.parse(cancelled[0] ?? '')).toEqual({ sessionId: other.id, state: 'cancelled' });

    await expect(
      phoneCommand.run(['scan', session.qrText, '--portal', portal.url, '--phone', lawyer.phone]),
    ).rejects.toThrow('二维码已被使用');
  });

  it('turns missing or malformed options into usage errors', async () => {
    const lawyer = lawyerFixture();
    const args = activateArgs(lawyer);
    await expect(phoneCommand.run(args.filter((a) => a !== '--license' && a !== lawyer.licenseNumber))).rejects.toThrow(
      new UsageError('--license is required'),
    );
    await expect(phoneCommand.run([...args, '--face', 'maybe'])).rejects.toBeInstanceOf(UsageError);
    await expect(phoneCommand.run(['scan', '--portal', portal.url, '--phone', lawyer.phone])).rejects.toBeInstanceOf(UsageError);
    await expect(phoneCommand.run(['scan', 'x', '--phone', lawyer.phone, '--portal', 'ftp://x'])).rejects.toBeInstanceOf(UsageError);
    await expect(phoneCommand.run(['unlock'])).rejects.toBeInstanceOf(UsageError);
    await expect(phoneCommand.run([])).rejects.toBeInstanceOf(UsageError);
  });

  it('prints the SMS inbox oldest first, one JSON object per line', async () => {
    const empty = await run(['sms', '--portal', portal.url, '--phone', '13700000000']);
    expect(empty).toEqual([]);

    const first = await api(portal.url, 'POST', '/api/auth/sms-codes', { body: { phone: '13800000003' } });
    expect(first.status).toBe(202);
    const lines = await run(['sms', '--portal', portal.url, '--phone', '13800000003']);
    expect(lines).toHaveLength(1);
    const message = JSON.parse(lines[0] ?? '') as { id: string; kind: string; text: string; sentAt: string };
    expect(message).toMatchObject({ kind: 'login-code', id: expect.any(String) as string });
    expect(message.text).toMatch(/^您正在登录12309中国检察网，验证码为：\d{6}/);
    expect(Date.parse(message.sentAt)).toBeGreaterThan(0);
  });

  it("reverses the portal's newest-first inbox", async () => {
    // A stand-in portal answering with two messages, as GET /api/phone/sms does (newest first).
    const messages = [
      { id: 'b', kind: 'dossier-ready', text: '卷宗可下载【涪陵区院】', sentAt: '2025-01-02T00:00:00.000Z' },
      { id: 'a', kind: 'binding-approved', text: '绑定通过【涪陵区院】', sentAt: '2025-01-01T00:00:00.000Z' },
    ];
    let asked = '';
    const server = createServer((request, response) => {
      asked = request.url ?? '';
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ messages }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const lines = await run(['sms', '--portal', `http://127.0.0.1:${port}`, '--phone', '13800000001']);
      expect(asked).toBe('/api/phone/sms?phone=13800000001');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([messages[1], messages[0]]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses sms without a phone, or with one the portal rejects', async () => {
    await expect(phoneCommand.run(['sms', '--portal', portal.url])).rejects.toThrow(new UsageError('--phone is required'));
    await expect(phoneCommand.run(['sms', '--portal', portal.url, '--phone', '123'])).rejects.toThrow('手机号格式不正确');
    await expect(phoneCommand.run(['sms', 'extra', '--portal', portal.url, '--phone', '13800000001'])).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('says when the portal cannot be reached', async () => {
    const gone = await startMockPortal();
    await gone.close();
    await expect(
      phoneCommand.run(['scan', 'x', '--portal', gone.url, '--phone', '13800000000']),
    ).rejects.toThrow(/无法连接门户/);
  });
});
