import { PDFDocument } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ContractRangeTransport } from './range-transport';

async function samplePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([300 + i, 400]).drawText(`Page ${i + 1}`);
  return doc.save();
}

describe('ContractRangeTransport', () => {
  it('lets pdf.js open a document from ranges read through a size-limited read call', async () => {
    const bytes = await samplePdf(6);
    const reads: [number, number][] = [];
    const read = async (offset: number, length: number) => {
      reads.push([offset, length]);
      return bytes.slice(offset, offset + length);
    };
    const failures: unknown[] = [];
    const transport = new ContractRangeTransport(bytes.length, read, 700, (error) => failures.push(error));
    const task = getDocument({ range: transport, disableAutoFetch: true, disableStream: true, rangeChunkSize: 1024, verbosity: 0 });
    try {
      const pdf = await task.promise;
      expect(pdf.numPages).toBe(6);
      expect((await pdf.getPage(4)).view).toEqual([0, 0, 303, 400]);
      expect(reads.length).toBeGreaterThan(1);
      expect(Math.max(...reads.map(([, length]) => length))).toBeLessThanOrEqual(700);
      expect(reads.every(([offset, length]) => offset >= 0 && offset + length <= bytes.length)).toBe(true);
      expect(failures).toEqual([]);
    } finally {
      await task.destroy();
    }
  });

  it('reports a failed read instead of leaving pdf.js waiting', async () => {
    const failure = await new Promise<unknown>((resolve) => {
      const transport = new ContractRangeTransport(5000, () => Promise.reject(new Error('NOT_FOUND')), 700, resolve);
      transport.requestDataRange(0, 1024);
    });
    expect(String(failure)).toContain('NOT_FOUND');
  });
});
