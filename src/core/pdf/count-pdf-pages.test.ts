import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { countPdfPages } from './count-pdf-pages';

async function makePdf(pages: number, security?: { userPassword?: string; ownerPassword: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawText(`page ${i + 1}`, { x: 20, y: 100 });
  // AES-256 (R6), as the dossiers are encrypted.
  if (security) doc.encrypt({ ...security, algorithm: 'AES-256' });
  return doc.save({ useObjectStreams: false });
}

describe('countPdfPages', () => {
  it('counts the pages of a plain PDF and leaves the given bytes usable', async () => {
    const bytes = await makePdf(3);
    expect(await countPdfPages(bytes)).toBe(3);
    // The buffer was not transferred away: counting again works.
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(await countPdfPages(bytes)).toBe(3);
  });

  it('opens an encrypted PDF with its open password and names a missing or wrong one', async () => {
    const bytes = await makePdf(4, { userPassword: '4826153', ownerPassword: 'owner-secret' });
    expect(await countPdfPages(bytes, '4826153')).toBe(4);
    await expect(countPdfPages(bytes)).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    await expect(countPdfPages(bytes, 'nope')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('opens a PDF that carries only an owner password even when a user password is given', async () => {
    const bytes = await makePdf(2, { ownerPassword: 'owner-only' });
    expect(await countPdfPages(bytes)).toBe(2);
    expect(await countPdfPages(bytes, 'some-other-password')).toBe(2);
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(countPdfPages(new TextEncoder().encode('not a pdf at all'))).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
