import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import type { SmsInboxResponse } from '../../shared/portal-wire';
import { UsageError } from '../command';
import { walkthroughCommand } from './walkthrough';

let portal: MockPortal | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await portal?.close();
  portal = null;
});

/** Runs the command, collecting what it wrote to stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await walkthroughCommand.run(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('dossier walkthrough', () => {
  it('walks an auto-approving portal to the downloaded, extracted dossier, printing no password', async () => {
    portal = await startMockPortal({ autoApproveMs: 50, dossierPages: 3 });
    const { code, stdout, stderr } = await run(['--portal', portal.url, '--timeout', '60']);
    expect(code, stderr).toBe(0);
    const dossier = JSON.parse(stdout) as { caseName: string; volumes: number; documents: number; pages: number; files: { path: string }[] };
    expect(dossier.caseName).toMatch(/危险驾驶案$/);
    expect(dossier.volumes).toBe(1);
    expect(dossier.pages).toBe(3);
    expect(dossier.files.length).toBe(dossier.documents);
    expect(dossier.files.every((file) => file.path.endsWith('.pdf'))).toBe(true);
    for (const step of ['activated', '授权信息', '完善信息', 'uploaded 4 materials', '申请绑定', '已通过', '申请在线阅卷', '卷宗可下载', '粘贴短信', 'SHA-256 matches', '卷宗库: extracted']) {
      expect(stderr).toContain(step);
    }

    // The lawyer it created got the dossier SMS; neither of its passwords reached the output.
    const phone = /\((1\d{2})\*{4}(\d{4})\)/.exec(stderr);
    expect(phone).not.toBeNull();
    const consoleReviews = (await (await fetch(`${portal.url}/api/console/reviews`)).json()) as {
      items: { lawyer: { phone: string }; status: string }[];
    };
    const lawyerPhone = consoleReviews.items.find(
      (item) => item.lawyer.phone.startsWith(phone?.[1] ?? '?') && item.lawyer.phone.endsWith(phone?.[2] ?? '?'),
    )?.lawyer.phone;
    expect(lawyerPhone).toBeDefined();
    const inbox = (await (await fetch(`${portal.url}/api/phone/sms?phone=${lawyerPhone}`)).json()) as SmsInboxResponse;
    const dossierSms = inbox.messages.find((message) => message.kind === 'dossier-ready')?.text ?? '';
    const passwords = /下载密码为：(\d+).*打开密码为：(\d+)/.exec(dossierSms)?.slice(1) ?? [];
    expect(passwords).toHaveLength(2);
    for (const password of passwords) expect(stderr + stdout).not.toContain(password);
  }, 90_000);

  it('says so when the prosecutors never decide', async () => {
    portal = await startMockPortal();
    const { code, stderr } = await run(['--portal', portal.url, '--timeout', '1']).catch((error: Error) => ({
      code: -1,
      stdout: '',
      stderr: error.message,
    }));
    expect(code).toBe(-1);
    expect(stderr).toMatch(/gave up waiting for the binding to be approved.*--auto-approve/);
  });

  it('turns bad options into usage errors', async () => {
    await expect(walkthroughCommand.run([])).rejects.toThrow(UsageError);
    await expect(walkthroughCommand.run(['--portal', 'ftp://x'])).rejects.toThrow(UsageError);
    await expect(walkthroughCommand.run(['--portal', 'http://127.0.0.1:1', '--timeout', '0'])).rejects.toThrow(/--timeout/);
  });
});
