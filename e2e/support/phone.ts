import type { PhoneConfirmResponse, PhoneScanResponse } from '../../src/shared/portal-wire';
import { dossier } from './cli-process';
import type { TestLawyer } from './lawyer';

/**
 * The lawyer's phone with the simulated 中国律师身份核验 mini-program. Activation and one-step
 * scans go through the `dossier phone` CLI; a scan that pauses before confirming (to see the app
 * show 已扫描) speaks to the portal's phone API directly, as the mini-program does.
 */
export class Phone {
  constructor(
    private readonly portalUrl: string,
    readonly lawyer: TestLawyer,
  ) {}

  async activate(): Promise<void> {
    const { name, idNumber, licenseNumber, phone } = this.lawyer;
    await dossier([
      'phone', 'activate', '--portal', this.portalUrl,
      '--name', name, '--id-number', idNumber, '--license', licenseNumber, '--phone', phone,
    ]);
  }

  /** 扫一扫 and 确认 in one go, through the CLI. */
  async scanAndConfirm(qrText: string): Promise<void> {
    await dossier(['phone', 'scan', qrText, '--portal', this.portalUrl, '--phone', this.lawyer.phone]);
  }

  /** The phone's SMS inbox, oldest first. */
  async inbox(): Promise<{ kind: string; text: string }[]> {
    const out = await dossier(['phone', 'sms', '--portal', this.portalUrl, '--phone', this.lawyer.phone]);
    return out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { kind: string; text: string });
  }

  async scan(qrText: string): Promise<PhoneScanResponse> {
    return this.post('/api/phone/scan', { qrText, phone: this.lawyer.phone });
  }

  async decide(sessionId: string, decision: 'confirm' | 'cancel'): Promise<PhoneConfirmResponse> {
    return this.post('/api/phone/confirm', { sessionId, phone: this.lawyer.phone, decision });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.portalUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: { message: string } };
    if (!response.ok) throw new Error(`${path}: ${json.error?.message ?? response.status}`);
    return json;
  }
}
