import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleReviewItem, DownloadLinkResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../mock-portal';
import { api, consoleApprove, dossierPasswordsFromSms, lawyerWithReview, verifyByPhone } from '../test-helpers';

let portal: MockPortal | null = null;
afterEach(async () => {
  await portal?.close();
  portal = null;
});

describe('downloads on a slow line (downloadBytesPerSecond)', () => {
  it('still sends the whole, identical archive and honours ranges', async () => {
    portal = await startMockPortal({ dossierPages: 3, downloadBytesPerSecond: 2 * 1024 * 1024 });
    const url = portal.url;
    const { lawyer, token, reviewId } = await lawyerWithReview(url, { procuratorateId: 'cq-fuling', caseName: '陈某慢速案' });
    await consoleApprove(url, 'reviews', reviewId);
    const published = await api<ConsoleReviewItem>(url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(published.status).toBe(200);
    const { download } = await dossierPasswordsFromSms(url, lawyer.phone);
    const stepUp = await verifyByPhone(url, token, lawyer.phone, 'download');
    const linkResponse = await fetch(`${url}/api/reviews/${reviewId}/download-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-step-up': stepUp },
      body: JSON.stringify({ password: download }),
    });
    const link = (await linkResponse.json()) as DownloadLinkResponse;

    const whole = Buffer.from(await (await fetch(`${url}${link.url}`)).arrayBuffer());
    expect(whole.length).toBe(link.size);
    expect(createHash('sha256').update(whole).digest('hex')).toBe(link.sha256);

    const tail = await fetch(`${url}${link.url}`, { headers: { range: 'bytes=100-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(100))).toBe(true);
  });

  it('refuses a rate below one byte a second', async () => {
    await expect(startMockPortal({ downloadBytesPerSecond: 0 })).rejects.toThrow(/downloadBytesPerSecond/);
  });
});
