import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_READ_BYTES, type DocumentInfo } from '../../shared/viewer';
import { api, errorCode, readDocument } from '../transport';
import { Lru } from './lru';
import type { PasswordGate } from './password-gate';
import { pdfOptions } from './pdf-setup';
import { ContractRangeTransport } from './range-transport';
import { readRange } from './range-reader';
import { TiffDocument, TiffFailed } from './tiff-document';
import { MAX_TIFF_BYTES } from '../../shared/tiff-pages';
import { CSS_PER_POINT, type Size } from './zoom';

export type OpenDocument =
  | { kind: 'pdf'; pdf: PDFDocumentProxy; pages: number; size: Size }
  /** A scan: a blob: URL of its bytes, sized in points so 100% shows it pixel for pixel. */
  | { kind: 'image'; url: string; pages: 1; size: Size }
  /** A scan of one page or many, decoded in its worker; each page's size in points. */
  | { kind: 'tiff'; tiff: TiffDocument; pages: number; size: Size; pageSizes: Record<number, Size> }
  /** A file the viewer does not show (a .doc, a video): one page that says what it is. */
  | { kind: 'other'; info: DocumentInfo; pages: 1; size: Size };

/** 'too-large': over the viewer's limits (a TIFF file too big to read). */
export type FailureReason = 'password' | 'missing' | 'damaged' | 'too-large';

/** The page an 'other' file is shown as: A4 turned sideways, in points. */
const OTHER_PAGE: Size = { width: 842, height: 595 };

export class DocumentFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    override readonly cause: unknown,
  ) {
    super(`${reason}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Documents open at once besides those with pages on screen (an AES-256 open costs ~150 ms). */
const OPEN_LIMIT = 6;

function release(document: OpenDocument): void {
  if (document.kind === 'pdf') void document.pdf.loadingTask.destroy();
  else if (document.kind === 'image') URL.revokeObjectURL(document.url);
  else if (document.kind === 'tiff') document.tiff.close();
}

/**
 * The documents of one dossier, opened when their pages come near and closed (least recently used
 * first) when far away, so memory stays bounded however long the volume. Bytes come only through
 * documents.read; pdf.js decrypts them in memory.
 */
export class ViewerDocuments {
  readonly #open = new Lru<string, Promise<OpenDocument>>(OPEN_LIMIT, (_, opening) => {
    opening.then(release, () => undefined);
  });
  #closed = false;

  constructor(
    readonly dossierId: string,
    readonly gate: PasswordGate,
    /** Documents whose pages are on screen: never closed while shown. */
    private readonly inUse: () => ReadonlySet<string>,
  ) {}

  open(path: string): Promise<OpenDocument> {
    const cached = this.#open.get(path);
    if (cached) return cached;
    const opening = this.#load(path);
    this.#open.set(path, opening, (key) => this.inUse().has(key));
    // A failure is not kept: the next request (after a password, say) tries afresh.
    opening.catch(() => {
      if (this.#open.get(path) === opening) this.#open.delete(path);
    });
    return opening;
  }

  /** Lets documents no longer on screen go, down to the limit. */
  trim(): void {
    this.#open.trim((key) => this.inUse().has(key));
  }

  close(): void {
    this.#closed = true;
    this.#open.clear();
  }

  async #read(path: string, offset: number, length: number): Promise<Uint8Array> {
    return readDocument({ dossierId: this.dossierId, path, offset, length });
  }

  async #load(path: string): Promise<OpenDocument> {
    let info;
    try {
      info = await api['documents.info']({ dossierId: this.dossierId, path });
    } catch (error) {
      throw new DocumentFailure(errorCode(error) === 'NOT_FOUND' ? 'missing' : 'damaged', error);
    }
    const read = (offset: number, length: number) => this.#read(path, offset, length);
    if (info.kind === 'other') return { kind: 'other', info, pages: 1, size: OTHER_PAGE };
    if (info.kind === 'image') return this.#loadImage(read, info.size, info.mimeType);
    if (info.kind === 'tiff') return this.#loadTiff(read, info.size);
    return this.#loadPdf(path, read, info.size);
  }

  async #loadTiff(read: (offset: number, length: number) => Promise<Uint8Array>, size: number): Promise<OpenDocument> {
    if (size > MAX_TIFF_BYTES) throw new DocumentFailure('too-large', new Error(`${size} bytes`));
    const bytes = await readRange(read, 0, size, MAX_READ_BYTES);
    try {
      const tiff = await TiffDocument.open(bytes);
      if (this.#closed) {
        tiff.close();
        throw new Error('closed');
      }
      const pageSizes: Record<number, Size> = {};
      tiff.pages.forEach((page, i) => {
        pageSizes[i + 1] = page.size;
      });
      return { kind: 'tiff', tiff, pages: tiff.pages.length, size: tiff.pages[0]?.size ?? OTHER_PAGE, pageSizes };
    } catch (error) {
      throw new DocumentFailure(error instanceof TiffFailed && error.failure.reason === 'too-large' ? 'too-large' : 'damaged', error);
    }
  }

  async #loadImage(read: (offset: number, length: number) => Promise<Uint8Array>, size: number, mimeType: string): Promise<OpenDocument> {
    const bytes = await readRange(read, 0, size, MAX_READ_BYTES);
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const points = { width: image.naturalWidth / CSS_PER_POINT, height: image.naturalHeight / CSS_PER_POINT };
      return { kind: 'image', url, pages: 1, size: points };
    } catch (error) {
      URL.revokeObjectURL(url);
      throw new DocumentFailure('damaged', error);
    }
  }

  async #loadPdf(path: string, read: (offset: number, length: number) => Promise<Uint8Array>, size: number): Promise<OpenDocument> {
    let readError: unknown = null;
    let declined = false;
    const transport = new ContractRangeTransport(size, read, MAX_READ_BYTES, (error) => {
      readError = error;
      void task.destroy();
    });
    const task = getDocument({ ...pdfOptions(), range: transport });
    const attempt = this.gate.attempt(path);
    // pdf.js tries no password first (owner-password-only documents open so), then asks here.
    task.onPassword = (update: (password: string) => void) => {
      attempt.next().then(
        (password) => {
          if (password === null || this.#closed) {
            declined = true;
            void task.destroy();
          } else {
            update(password);
          }
        },
        () => void task.destroy(),
      );
    };
    try {
      const pdf = await task.promise;
      await attempt.opened();
      const first = await pdf.getPage(1);
      const [x0, y0, x1, y1] = first.view as [number, number, number, number];
      const rotate = first.rotate % 180 !== 0;
      const width = Math.abs(x1 - x0);
      const height = Math.abs(y1 - y0);
      return { kind: 'pdf', pdf, pages: pdf.numPages, size: rotate ? { width: height, height: width } : { width, height } };
    } catch (error) {
      attempt.finish();
      if (declined || (error as { name?: string } | null)?.name === 'PasswordException') throw new DocumentFailure('password', error);
      if (readError) throw new DocumentFailure(errorCode(readError) === 'NOT_FOUND' ? 'missing' : 'damaged', readError);
      throw new DocumentFailure('damaged', error);
    }
  }
}
