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

  it('says when the portal cannot be reached', async () => {
    const gone = await startMockPortal();
    await gone.close();
    await expect(
      phoneCommand.run(['scan', 'x', '--portal', gone.url, '--phone', '13800000000']),
    ).rejects.toThrow(/无法连接门户/);
  });
});
