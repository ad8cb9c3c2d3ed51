/**
 * Reads dossier documents for the viewer: the bytes exactly as on disk (still encrypted: pdf.js
 * decrypts them in the renderer's memory), in ranges, and only PDFs, JPEGs, PNGs and TIFFs inside
 * the dossier's extracted folder. Other files are described (name, type, size), never read.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { MAX_READ_BYTES, type DocumentInfo } from '../../shared/viewer';
import { resolveDocumentPath } from './document-path';
import { otherMimeType, sniffDocumentType, SNIFF_BYTES, type DocumentType } from './document-type';

interface OpenDocument {
  /** Where it is on disk, links resolved. */
  real: string;
  handle: FileHandle;
  size: number;
  /** null: not a document the viewer reads. */
  type: DocumentType | null;
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

export class DocumentReader {
  /** Opens the document after every check; the caller closes the handle. */
  private async openDocument(folder: string, path: string): Promise<OpenDocument> {
    const real = await resolveDocumentPath(folder, path);
    let handle: FileHandle;
    try {
      handle = await open(real, 'r');
    } catch (error) {
      // Windows will not open a folder as a file.
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new AppError('VALIDATION', `不是文件：${path}`);
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new AppError('VALIDATION', `不是文件：${path}`);
      const type = sniffDocumentType(await readAt(handle, 0, Math.min(SNIFF_BYTES, stats.size)));
      return { real, handle, size: stats.size, type };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** What the document is (by its content, not its name; 'other' when the viewer does not read it) and its size. */
  async info(folder: string, dossierId: string, path: string): Promise<DocumentInfo> {
    const { handle, type, size } = await this.openDocument(folder, path);
    await handle.close();
    const { kind, mimeType } = type ?? { kind: 'other', mimeType: otherMimeType(path) };
    return { dossierId, path, kind, mimeType, size };
  }

  /** The file's real path, for the OS's own app to open: a file inside the folder, else an error. */
  async locate(folder: string, path: string): Promise<string> {
    const { real, handle } = await this.openDocument(folder, path);
    await handle.close();
    return real;
  }

  /**
   * Up to `length` bytes from `offset` (fewer at the end of the file). Throws VALIDATION for a range
   * that is not whole numbers or longer than MAX_READ_BYTES, RANGE_NOT_SATISFIABLE past the end.
   */
  async read(folder: string, path: string, offset: number, length: number): Promise<Buffer> {
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 1 || length > MAX_READ_BYTES) {
      throw new AppError('VALIDATION', `读取范围无效：${offset}+${length}`);
    }
    const { handle, size, type } = await this.openDocument(folder, path);
    try {
      if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `不是 PDF 或图片文档：${path}`);
      if (offset > size) throw new AppError('RANGE_NOT_SATISFIABLE', `读取位置超出文档长度（${size} 字节）`);
      return await readAt(handle, offset, Math.min(length, size - offset));
    } finally {
      await handle.close();
    }
  }
}
