/**
 * The text of every page of a dossier, as the background reader found it (text layer or OCR),
 * kept in the dossier's folder encrypted with a key of its own held in the keychain. Search,
 * the 目录 and the viewer's text layer read it from here, so nothing has to be decrypted and
 * parsed again after an import or a restart. Without a keychain the key could not be kept, so the
 * text is kept in memory for the run and nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../secrets';
import { appendLog, readLog, seal } from './encrypted-log';
import type { DocumentRecord, PageRecord, TextRecord } from './text-records';

export const TEXT_STORE_FILE = 'dossier-text.bin';

export interface TextStoreDossier {
  id: string;
  /** The dossier's own folder (holds dossier.json): the store file goes there, not among the documents. */
  folder: string;
  files: readonly { path: string; size?: number }[];
}

function keyAccount(dossierId: string): string {
  return `dossier-text-key:${dossierId}`;
}

export function filesSignature(files: TextStoreDossier['files']): string {
  return JSON.stringify(files.map((file) => [file.path, file.size ?? null]));
}

/** One dossier's texts: what is read so far, and appending more. */
export class DossierText {
  readonly documents = new Map<string, DocumentRecord>();
  private readonly pages = new Map<string, Map<number, PageRecord>>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly dossierId: string,
    readonly signature: string,
    private readonly path: string | null,
    private readonly key: Buffer,
  ) {}

  /** Takes records as they were read (from the file, or new). */
  take(record: TextRecord): void {
    if (record.kind === 'document') this.documents.set(record.document, record);
    if (record.kind !== 'page') return;
    let pages = this.pages.get(record.document);
    if (!pages) this.pages.set(record.document, (pages = new Map()));
    pages.set(record.page, record);
  }

  /** Keeps new records, in memory at once and on disk in order (one write at a time). */
  append(records: readonly TextRecord[]): Promise<void> {
    for (const record of records) this.take(record);
    const path = this.path;
    if (path === null || records.length === 0) return Promise.resolve();
    const sealed = records.map((record) => seal(this.key, this.dossierId, Buffer.from(JSON.stringify(record))));
    const write = this.writes.then(() => appendLog(path, sealed));
    this.writes = write.catch(() => undefined);
    return write;
  }

  page(document: string, page: number): PageRecord | undefined {
    return this.pages.get(document)?.get(page);
  }

  /** Pages read of a document (any order). */
  pagesOf(document: string): ReadonlyMap<number, PageRecord> {
    return this.pages.get(document) ?? new Map();
  }

  /** Every page of the document is read (its page count is known and each page has a record). */
  isComplete(document: string): boolean {
    const record = this.documents.get(document);
    if (!record) return false;
    if (record.unreadable) return true;
    return this.pagesOf(document).size >= record.pageCount;
  }

  /** Pages read across the dossier, and how many were OCR'd. */
  counts(): { pages: number; recognised: number } {
    let pages = 0;
    let recognised = 0;
    for (const map of this.pages.values()) {
      pages += map.size;
      for (const record of map.values()) if (record.source === 'ocr') recognised += 1;
    }
    return { pages, recognised };
  }
}

export class DossierTextStore {
  private readonly open = new Map<string, Promise<DossierText>>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly onDamaged: (dossierId: string) => void = () => undefined,
  ) {}

  /** The dossier's texts, loaded from its file once (and started over when its files changed). */
  async textOf(dossier: TextStoreDossier): Promise<DossierText> {
    const signature = filesSignature(dossier.files);
    const cached = this.open.get(dossier.id);
    if (cached) {
      const text = await cached.catch(() => null);
      if (text?.signature === signature) return text;
    }
    const loading = this.load(dossier, signature);
    this.open.set(dossier.id, loading);
    loading.catch(() => this.open.delete(dossier.id));
    return loading;
  }

  /** Drops what is kept of a dossier (removed): its key, and its file if the folder is still there. */
  async forget(dossierId: string, folder?: string): Promise<void> {
    this.open.delete(dossierId);
    await this.secrets.delete(keyAccount(dossierId)).catch(() => undefined);
    if (folder) await rm(join(folder, TEXT_STORE_FILE), { force: true });
  }

  private async load(dossier: TextStoreDossier, signature: string): Promise<DossierText> {
    const persistent = this.secrets.kind === 'keychain';
    const path = persistent ? join(dossier.folder, TEXT_STORE_FILE) : null;
    const key = await this.keyFor(dossier.id);
    const text = new DossierText(dossier.id, signature, path, key);
    if (path === null) return text;
    const { records, damaged } = await readLog(path, key, dossier.id);
    if (damaged) this.onDamaged(dossier.id);
    const parsed = records.map((record) => JSON.parse(record.toString('utf8')) as TextRecord);
    const header = parsed[0];
    if (header?.kind === 'header' && header.signature === signature) {
      for (const record of parsed.slice(1)) text.take(record);
      return text;
    }
    // New, or read from other files: start over with this file list.
    await rm(path, { force: true });
    await text.append([{ kind: 'header', signature }]);
    return text;
  }

  private async keyFor(dossierId: string): Promise<Buffer> {
    const account = keyAccount(dossierId);
    const stored = await this.secrets.get(account);
    if (stored) {
      const key = Buffer.from(stored, 'base64');
      if (key.length === 32) return key;
    }
    const key = randomBytes(32);
    await this.secrets.set(account, key.toString('base64'));
    return key;
  }
}
