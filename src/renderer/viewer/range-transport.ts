import { PDFDataRangeTransport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readRange, type ReadBytes } from './range-reader';

/**
 * Feeds pdf.js the ranges it asks for through `documents.read`: with disableAutoFetch and
 * disableStream it asks only for what the pages shown need, so a large scan is never read whole.
 * pdf.js has no way to hear of a failed range, so failures go to `onError` (which ends the load).
 */
export class ContractRangeTransport extends PDFDataRangeTransport {
  #closed = false;

  constructor(
    length: number,
    private readonly read: ReadBytes,
    private readonly maxRead: number,
    private readonly onError: (error: unknown) => void,
  ) {
    super(length, null);
  }

  override requestDataRange(begin: number, end: number): void {
    readRange(this.read, begin, end, this.maxRead).then(
      (bytes) => {
        if (!this.#closed) this.onDataRange(begin, bytes);
      },
      (error: unknown) => {
        if (!this.#closed) this.onError(error);
      },
    );
  }

  override abort(): void {
    this.#closed = true;
    super.abort();
  }
}
