import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../shared/portal-wire';
import type { AccountRecord, UploadRecord } from '../state/records';
import { PortalStore } from '../state/store';
import { sampleFiles } from '../test-helpers';
import { MAX_UPLOAD_TOTAL_BYTES_PER_ACCOUNT, MAX_UPLOADS_PER_ACCOUNT, UploadService } from './uploads';

const lawyer = { id: 'lawyer-1' } as AccountRecord;
const other = { id: 'lawyer-2' } as AccountRecord;

function existing(store: PortalStore, accountId: string, n: number, size: number): void {
  for (let i = 0; i < n; i += 1) {
    const record: UploadRecord = {
      id: `${accountId}-u${i}`,
      accountId,
      kind: 'license',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size,
      sha256: '0'.repeat(64),
      uploadedAt: new Date().toISOString(),
    };
    store.uploads.set(record.id, record);
  }
}

const pdf = { kind: 'license' as const, fileName: 'a.pdf', declaredType: 'application/pdf', bytes: sampleFiles.pdf() };

describe('UploadService quotas', () => {
  it(`keeps at most ${MAX_UPLOADS_PER_ACCOUNT} uploads per lawyer, counting only their own`, async () => {
    const store = await PortalStore.open();
    const uploads = new UploadService(store);
    existing(store, lawyer.id, MAX_UPLOADS_PER_ACCOUNT - 1, 10);
    existing(store, other.id, MAX_UPLOADS_PER_ACCOUNT, 10);
    const last = await uploads.create(lawyer, pdf);
    expect(await uploads.bytes(last.id)).toEqual(pdf.bytes);
    await expect(uploads.create(lawyer, pdf)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps at most 200 MiB per lawyer', async () => {
    const store = await PortalStore.open();
    const uploads = new UploadService(store);
    existing(store, lawyer.id, MAX_UPLOAD_TOTAL_BYTES_PER_ACCOUNT / MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
    await expect(uploads.create(lawyer, pdf)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(uploads.create(other, pdf)).resolves.toMatchObject({ size: pdf.bytes.length });
  });

  it('refuses ids that could name a path', async () => {
    const uploads = new UploadService(await PortalStore.open(), '/tmp/never-written');
    await expect(uploads.bytes('../state')).rejects.toThrow(/invalid upload id/);
    await expect(uploads.putBytes('a/b', Buffer.from('x'))).rejects.toThrow(/invalid upload id/);
  });
});
