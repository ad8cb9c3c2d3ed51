/**
 * Files lawyers upload for 案件绑定申请. Metadata lives in the store; the bytes in memory, or as
 * `<data>/uploads/<id>` written atomically before the record that names them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_KIND_LABELS, type UploadKind, type UploadView } from '../../shared/portal-wire';
import { writeFileAtomic } from '../state/atomic-file';
import type { AccountRecord, UploadRecord } from '../state/records';
import type { PortalStore } from '../state/store';
import { declaredTypeContradicts, safeFileName, sniffMimeType } from '../validation/upload-file';

export const UPLOAD_FOLDER_NAME = 'uploads';
/** Keeps one lawyer from filling the portal's memory or disk. */
export const MAX_UPLOADS_PER_ACCOUNT = 200;
export const MAX_UPLOAD_TOTAL_BYTES_PER_ACCOUNT = 200 * 1024 * 1024;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface NewUpload {
  kind: UploadKind;
  /** As the client named it (decoded as UTF-8). */
  fileName: string | undefined;
  /** The part's declared Content-Type. */
  declaredType: string | undefined;
  bytes: Buffer;
}

export class UploadService {
  private readonly memory = new Map<string, Buffer>();
  private readonly folder: string | null;

  constructor(
    private readonly store: PortalStore,
    dataDir?: string,
  ) {
    this.folder = dataDir === undefined ? null : join(dataDir, UPLOAD_FOLDER_NAME);
  }

  /** Checks the file (type by its bytes, size, name), keeps it and answers its metadata. */
  async create(account: AccountRecord, input: NewUpload, now = new Date()): Promise<UploadView> {
    const { bytes } = input;
    if (bytes.length === 0) throw new AppError('VALIDATION', '上传的文件（file）为空');
    if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage());
    const mimeType = sniffMimeType(bytes);
    if (mimeType === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '仅支持 PDF、JPG、PNG 格式的文件（file）');
    if (declaredTypeContradicts(input.declaredType, mimeType)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件（file）声明的类型与内容不符，仅支持 PDF、JPG、PNG 格式');
    }
    const name = safeFileName(input.fileName, mimeType, UPLOAD_KIND_LABELS[input.kind]);
    if (!name.ok) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `文件（file）扩展名 ${name.extension} 与内容不符，仅支持 PDF、JPG、PNG 格式`);
    }
    let count = 0;
    let total = bytes.length;
    for (const upload of this.store.uploads.values()) {
      if (upload.accountId !== account.id) continue;
      count += 1;
      total += upload.size;
    }
    if (count >= MAX_UPLOADS_PER_ACCOUNT || total > MAX_UPLOAD_TOTAL_BYTES_PER_ACCOUNT) {
      throw new AppError(
        'RATE_LIMITED',
        `每位律师最多保留 ${MAX_UPLOADS_PER_ACCOUNT} 个、共 ${MAX_UPLOAD_TOTAL_BYTES_PER_ACCOUNT / 1024 / 1024} MB 上传文件，请使用已上传的文件`,
      );
    }

    const record: UploadRecord = {
      id: randomUUID(),
      accountId: account.id,
      kind: input.kind,
      fileName: name.fileName,
      mimeType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedAt: now.toISOString(),
    };
    await this.putBytes(record.id, bytes);
    this.store.uploads.set(record.id, record);
    await this.store.save();
    return viewOf(record);
  }

  /** Keeps bytes under an id (also used for seeded uploads); the caller records the metadata. */
  async putBytes(id: string, bytes: Buffer): Promise<void> {
    checkId(id);
    if (this.folder === null) this.memory.set(id, bytes);
    else await writeFileAtomic(join(this.folder, id), bytes);
  }

  /** The lawyer's own upload, or NOT_FOUND (another lawyer's upload does not exist for them). */
  requireOwn(account: AccountRecord, id: string): UploadRecord {
    const upload = this.store.uploads.get(id);
    if (!upload || upload.accountId !== account.id) throw new AppError('NOT_FOUND', `上传文件不存在：${id}`);
    return upload;
  }

  viewOwn(account: AccountRecord, id: string): UploadView {
    return viewOf(this.requireOwn(account, id));
  }

  /** The metadata of any upload (for the prosecutors' console), or undefined. */
  find(id: string): UploadRecord | undefined {
    return this.store.uploads.get(id);
  }

  /** The stored bytes, or null when they are gone (e.g. a data folder pruned by hand). */
  async bytes(id: string): Promise<Buffer | null> {
    checkId(id);
    if (this.folder === null) return this.memory.get(id) ?? null;
    try {
      return await readFile(join(this.folder, id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

export function tooLargeMessage(): string {
  return `文件（file）超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限`;
}

export function viewOf(record: UploadRecord): UploadView {
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    mimeType: record.mimeType,
    size: record.size,
    sha256: record.sha256,
    uploadedAt: record.uploadedAt,
  };
}

function checkId(id: string): void {
  // Ids become file names: nothing else may reach the folder.
  if (!ID_PATTERN.test(id)) throw new Error(`invalid upload id '${id}'`);
}
