/**
 * A TIFF document open in the viewer: its decoding worker (one per open document, ended when the
 * document closes, so its memory goes with it) and the pages it found.
 */
import type { TiffPage } from '../../shared/tiff-pages';
import type { TiffFailure, TiffReply, TiffRequest } from './tiff-protocol';

/** A page (or the file) that could not be shown, and why. */
export class TiffFailed extends Error {
  constructor(readonly failure: TiffFailure) {
    super(failure.message);
  }
}

export class TiffDocument {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (bitmap: ImageBitmap) => void; reject: (error: unknown) => void }>();
  #next = 0;
  #closed = false;

  private constructor(
    worker: Worker,
    readonly pages: readonly TiffPage[],
  ) {
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<TiffReply>) => {
      const message = event.data;
      if (message.type !== 'rendered' && message.type !== 'render-failed') return;
      const waiting = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (message.type === 'rendered') {
        if (waiting) waiting.resolve(message.bitmap);
        else message.bitmap.close();
      } else {
        waiting?.reject(new TiffFailed(message));
      }
    };
    worker.onerror = (event) => this.#failAll(event.message || 'the TIFF decoder stopped');
  }

  /** Hands the file's bytes to a new worker (they are transferred, not copied) and reads its pages. */
  static open(bytes: Uint8Array): Promise<TiffDocument> {
    const worker = new Worker(new URL('./tiff-worker.ts', import.meta.url), { type: 'module', name: 'tiff-decoder' });
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<TiffReply>) => {
        const message = event.data;
        if (message.type === 'opened') resolve(new TiffDocument(worker, message.pages));
        else if (message.type === 'open-failed') {
          worker.terminate();
          reject(new TiffFailed(message));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new TiffFailed({ reason: 'damaged', message: event.message || 'the TIFF decoder stopped' }));
      };
      const request: TiffRequest = { type: 'open', bytes: owned.buffer as ArrayBuffer };
      worker.postMessage(request, [owned.buffer as ArrayBuffer]);
    });
  }

  /** Page (1-based) drawn at width × height device pixels. */
  render(page: number, width: number, height: number): Promise<ImageBitmap> {
    if (this.#closed) return Promise.reject(new TiffFailed({ reason: 'damaged', message: 'closed' }));
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const request: TiffRequest = { type: 'render', id, page: page - 1, width: Math.round(width), height: Math.round(height) };
      this.#worker.postMessage(request);
    });
  }

  close(): void {
    this.#closed = true;
    this.#worker.terminate();
    this.#failAll('closed');
  }

  #failAll(message: string): void {
    for (const waiting of this.#waiting.values()) waiting.reject(new TiffFailed({ reason: 'damaged', message }));
    this.#waiting.clear();
  }
}
