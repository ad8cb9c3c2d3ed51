/**
 * Find across a whole dossier (every PDF of every volume). Each document's text is extracted once,
 * kept in memory for the last few dossiers searched, and never written anywhere: it is decrypted
 * content. Documents are opened one at a time (an AES-256 password check costs ~150 ms), starting
 * with the password that opened them, or the previous document, before.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { normalizeForSearch } from '../../shared/cjk-text';
import { AppError } from '../../shared/errors';
import type { FindHit, FindResult } from '../../shared/viewer';
import { resolveDocumentPath } from '../documents';
import { openPdf, readPages } from '../pdf';
import { PageSnippets } from './find-snippet';

export interface SearchableDossier {
  id: string;
  /** The folder holding the dossier's extracted files. */
  folder: string;
  /** Its files in dossier order, paths inside `folder` ('/'-separated); the PDFs among them are searched. */
  files: readonly { path: string; size?: number }[];
}

export interface DossierSearchOptions {
  /** How many dossiers' texts stay in memory; the least recently searched is dropped first. Default 3. */
  cachedDossiers?: number;
}

export const DEFAULT_FIND_LIMIT = 200;

export interface LeadingPages {
  /** The first pages' texts (index 0 = page 1), as the pages say them. */
  pages: string[];
  pageCount: number;
}

type SkipReason = FindResult['skipped'][number]['reason'];

interface DocumentText {
  /** Each page's text as the page says it. */
  pages: string[];
  /** The same, normalised for search. */
  normalized: string[];
  /** The number stamped in a top corner of each page (卷宗页码), null where none. */
  stamps: (number | null)[];
}

export interface PageStamps {
  /** Index 0 = page 1. */
  stamps: (number | null)[];
  pageCount: number;
}

interface DossierTexts {
  /** The file list the texts were read from: another list (re-extraction) starts over. */
  signature: string;
  documents: Map<string, DocumentText>;
  skipped: Map<string, { reason: SkipReason; passwords: string }>;
  /** Which password (null: none) opened each document, tried first next time. */
  openedWith: Map<string, string | null>;
}

const PDF_NAME = /\.pdf$/i;

function signatureOf(dossier: SearchableDossier): string {
  return JSON.stringify([dossier.folder, dossier.files.map((file) => [file.path, file.size ?? null])]);
}

/** Which passwords a locked document was tried with (a digest: the cache holds no more secrets than it must). */
function passwordsKey(passwords: readonly string[]): string {
  const set = [...new Set(passwords.filter((password) => password !== ''))].sort();
  return createHash('sha256').update(JSON.stringify(set)).digest('hex');
}

export class DossierSearch {
  private readonly cache = new Map<string, DossierTexts>();
  private readonly capacity: number;
  /** Documents are read one at a time, across every dossier. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DossierSearchOptions = {}) {
    this.capacity = Math.max(1, options.cachedDossiers ?? 3);
  }

  /**
   * Hits in document order, then page order, then position; at most `limit` of them. Documents that
   * no given password opens, or that are damaged, are listed in `skipped` (and tried again when other
   * passwords are given).
   */
  async find(dossier: SearchableDossier, query: string, passwords: readonly string[], limit = DEFAULT_FIND_LIMIT): Promise<FindResult> {
    if (!Number.isInteger(limit) || limit < 1) throw new AppError('VALIDATION', `limit 无效：${limit}`);
    const texts = await this.load(dossier, passwords);
    const needle = normalizeForSearch(query);
    const result: FindResult = { query, hits: [], truncated: false, documents: 0, pages: 0, skipped: [] };
    for (const file of dossier.files) {
      const skip = texts.skipped.get(file.path);
      if (skip) result.skipped.push({ document: file.path, reason: skip.reason });
      const document = texts.documents.get(file.path);
      if (!document) continue;
      result.documents += 1;
      result.pages += document.pages.length;
      if (needle === '' || result.truncated) continue;
      result.truncated = collectHits(file.path, document, needle, limit, result.hits);
    }
    return result;
  }

  /**
   * The first `count` page texts of one PDF of the dossier and its page count: from the texts find
   * keeps when it has read the document, else read now (only those pages, in the same queue, trying
   * first the password that opened it before). Null when it cannot be opened.
   */
  leadingPages(dossier: SearchableDossier, path: string, passwords: readonly string[], count: number): Promise<LeadingPages | null> {
    const run = this.queue.then(() => this.leadingPagesNow(dossier, path, passwords, count));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async leadingPagesNow(dossier: SearchableDossier, path: string, passwords: readonly string[], count: number): Promise<LeadingPages | null> {
    const texts = this.textsOf(dossier);
    const cached = texts.documents.get(path);
    if (cached) return { pages: cached.pages.slice(0, count), pageCount: cached.pages.length };
    const skipped = texts.skipped.get(path);
    if (skipped && (skipped.reason === 'damaged' || skipped.passwords === passwordsKey(passwords))) return null;
    const outcome = await readDocument(dossier.folder, path, passwords, texts.openedWith.get(path), count);
    if ('reason' in outcome) return null;
    texts.openedWith.set(path, outcome.password);
    return { pages: outcome.text.pages, pageCount: outcome.pageCount };
  }

  /**
   * The corner stamps of every page of one PDF of the dossier, from the texts find keeps (reading
   * the whole document into them now if it has not yet: a later find does not open it again).
   * Null when it cannot be opened.
   */
  pageStamps(dossier: SearchableDossier, path: string, passwords: readonly string[]): Promise<PageStamps | null> {
    const run = this.queue.then(() => this.pageStampsNow(dossier, path, passwords));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async pageStampsNow(dossier: SearchableDossier, path: string, passwords: readonly string[]): Promise<PageStamps | null> {
    const texts = this.textsOf(dossier);
    const cached = texts.documents.get(path);
    if (cached) return { stamps: cached.stamps, pageCount: cached.pages.length };
    const key = passwordsKey(passwords);
    const skipped = texts.skipped.get(path);
    if (skipped && (skipped.reason === 'damaged' || skipped.passwords === key)) return null;
    const outcome = await readDocument(dossier.folder, path, passwords, texts.openedWith.get(path));
    if ('reason' in outcome) {
      texts.skipped.set(path, { reason: outcome.reason, passwords: key });
      return null;
    }
    texts.skipped.delete(path);
    texts.documents.set(path, outcome.text);
    texts.openedWith.set(path, outcome.password);
    return { stamps: outcome.text.stamps, pageCount: outcome.pageCount };
  }

  /** Drops what is kept of a dossier (removed, re-extracted). */
  forget(dossierId: string): void {
    this.cache.delete(dossierId);
  }

  /** The dossier's texts, reading the documents not read yet (in the shared one-at-a-time queue). */
  private load(dossier: SearchableDossier, passwords: readonly string[]): Promise<DossierTexts> {
    const run = this.queue.then(() => this.loadNow(dossier, passwords));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** What is kept of the dossier, started over when its files changed. */
  private textsOf(dossier: SearchableDossier): DossierTexts {
    const signature = signatureOf(dossier);
    let texts = this.cache.get(dossier.id);
    if (texts?.signature !== signature) texts = { signature, documents: new Map(), skipped: new Map(), openedWith: new Map() };
    this.touch(dossier.id, texts);
    return texts;
  }

  private async loadNow(dossier: SearchableDossier, passwords: readonly string[]): Promise<DossierTexts> {
    const texts = this.textsOf(dossier);
    const key = passwordsKey(passwords);
    let previous: string | null | undefined;
    for (const file of dossier.files) {
      if (!PDF_NAME.test(file.path) || texts.documents.has(file.path)) continue;
      const skipped = texts.skipped.get(file.path);
      // Damaged stays damaged; a locked document is tried again with other passwords.
      if (skipped && (skipped.reason === 'damaged' || skipped.passwords === key)) continue;
      const remembered = texts.openedWith.get(file.path);
      const outcome = await readDocument(dossier.folder, file.path, passwords, remembered !== undefined ? remembered : previous);
      if ('reason' in outcome) {
        texts.skipped.set(file.path, { reason: outcome.reason, passwords: key });
        continue;
      }
      texts.skipped.delete(file.path);
      texts.documents.set(file.path, outcome.text);
      texts.openedWith.set(file.path, outcome.password);
      previous = outcome.password;
    }
    return texts;
  }

  private touch(id: string, texts: DossierTexts): void {
    this.cache.delete(id);
    this.cache.set(id, texts);
    while (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
  }
}

async function readDocument(
  folder: string,
  path: string,
  passwords: readonly string[],
  tryFirst: string | null | undefined,
  upTo?: number,
): Promise<{ text: DocumentText; pageCount: number; password: string | null } | { reason: SkipReason }> {
  try {
    const bytes = await readFile(await resolveDocumentPath(folder, path));
    const opened = await openPdf(bytes, passwords, tryFirst === undefined ? {} : { tryFirst });
    try {
      const { texts: pages, stamps } = await readPages(opened.pdf, undefined, upTo);
      const normalized = upTo === undefined ? pages.map(normalizeForSearch) : [];
      return { text: { pages, normalized, stamps }, pageCount: opened.pdf.numPages, password: opened.password };
    } finally {
      await opened.close();
    }
  } catch (error) {
    const code = (error as AppError | null)?.code;
    return { reason: code === 'PASSWORD_REQUIRED' || code === 'WRONG_PASSWORD' ? 'password' : 'damaged' };
  }
}

/** Appends the document's hits; true when the limit cut them short. */
function collectHits(path: string, document: DocumentText, needle: string, limit: number, hits: FindHit[]): boolean {
  for (let page = 0; page < document.normalized.length; page++) {
    const text = document.normalized[page] as string;
    let at = text.indexOf(needle);
    if (at < 0) continue;
    const snippets = new PageSnippets(document.pages[page] as string);
    while (at >= 0) {
      if (hits.length >= limit) return true;
      hits.push({ document: path, page: page + 1, ...snippets.snippet(at, at + needle.length) });
      at = text.indexOf(needle, at + needle.length);
    }
  }
  return false;
}
