/**
 * Lets pdf.js read a file by ranges, as it reads a document over HTTP: only the parts it asks for
 * (the trailer, the cross-reference table, the objects it needs) are read from disk, never the
 * whole file. Counting the pages of a 400 MB scanned volume reads a few chunks.
 */
import type { FileHandle } from 'node:fs/promises';
import { PDFDataRangeTransport } from 'pdfjs-dist/legacy/build/pdf.mjs';

export class FileRangeTransport extends PDFDataRangeTransport {
  constructor(
    private readonly file: FileHandle,
    length: number,
  ) {
    super(length, null);
  }

  override requestDataRange(begin: number, end: number): void {
    const chunk = new Uint8Array(Math.max(0, end - begin));
    this.file
      .read(chunk, 0, chunk.length, begin)
      .then(({ bytesRead }) => this.onDataRange(begin, chunk.subarray(0, bytesRead)))
      // A read that fails leaves pdf.js waiting: the reading's time limit ends it.
      .catch(() => undefined);
  }
}
