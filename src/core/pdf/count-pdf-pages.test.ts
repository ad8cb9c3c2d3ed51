import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfFilePages, countPdfPages } from './count-pdf-pages';
import { pageTreeObjects, pageTreePdf, writeSparsePdf } from './hostile-pdfs';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'count-pdf-pages-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

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
    await expect(countPdfPages(new TextEncoder().encode('not a pdf at all'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('gives no page count below 1 or over the limit', async () => {
    await expect(countPdfPages(pageTreePdf(1, -5))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('页数无效（-5）') });
    await expect(countPdfPages(pageTreePdf(1, 0))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(countPdfPages(pageTreePdf(3), undefined, 2)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('3 页，上限 2 页') });
    expect(await countPdfPages(pageTreePdf(20_000))).toBe(20_000);
    await expect(countPdfPages(pageTreePdf(20_001))).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});

describe('countPdfFilePages', () => {
  it('counts a file, encrypted ones with their password', async () => {
    const path = join(work, 'locked.pdf');
    await writeFile(path, await makePdf(4, { userPassword: '4826153', ownerPassword: 'owner-secret' }));
    expect(await countPdfFilePages(path, '4826153')).toBe(4);
    await expect(countPdfFilePages(path)).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
  });

  it('refuses a 1 GiB file of zeros named .pdf at once, without reading it', async () => {
    // Sparse: no disk used, and reading it whole would take seconds and a gigabyte.
    const path = join(work, 'zeros.pdf');
    await writeFile(path, '');
    await truncate(path, 1024 ** 3);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    await expect(countPdfFilePages(path)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a PDF over the size limit before reading past its header', async () => {
    const path = join(work, 'huge.pdf');
    await writeFile(path, '%PDF-1.7\n');
    await truncate(path, 1024 ** 3);
    const started = performance.now();
    await expect(countPdfFilePages(path)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('1024 MB，上限 512 MB') });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('reads only what the page tree needs of a large file', async () => {
    // A 300 MB stream no page uses (a hole in a sparse file) between the pages and the trailer:
    // pdf.js finds the trailer and the page tree by ranges; reading it all would take 300 MB.
    const path = join(work, 'sparse.pdf');
    await writeSparsePdf(path, pageTreeObjects(7, 7, { dict: '', hole: 300 * 1024 * 1024 }));
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await countPdfFilePages(path)).toBe(7);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});
