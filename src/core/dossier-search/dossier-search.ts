/**
 * Find across a whole dossier (every PDF of every volume). Each document's text is extracted once,
 * kept in memory for the last few dossiers searched, and never written anywhere: it is decrypted
 * content. Documents are opened one at a time (an AES-256 password check costs ~150 ms), starting
 * with the password that opened them, or the previous document, before. They are read in a worker
 * thread with limits (src/core/pdf-worker): a document over one is skipped, never read again.
 */
import { createHash } from 'node:crypto';
import { normalizeForSearch } from '../../shared/cjk-text';
import { AppError, toErrorPayload, type ErrorPayload } from '../../shared/errors';
import { MAX_FIND_HITS, type FindHit, type FindProgress, type FindResult } from '../../shared/viewer';
import type { PageTextLine } from '../../shared/ocr';
import { resolveDocumentPath } from '../documents';
import type { DossierText, PageRecord } from '../dossier-text';
import { hitBoxes } from '../ocr/hit-boxes';
import { sharedPdfReader, type PdfReader } from '../pdf-worker';
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
  /**
   * The dossier's texts as the background reader stored them (text layer and OCR), when there is a
   * store: documents read there are not decrypted and parsed again, and scanned pages are searched
   * by their recognised text.
   */
  stored?: (dossierId: string) => Promise<DossierText | null>;
  /** Reads the PDFs (in a worker thread, with limits). Default: the process's shared reader. */
  reader?: PdfReader;
}

/** The one-shot `find`'s limit when none is given: every hit, up to the hard cap. */
export const DEFAULT_FIND_LIMIT = MAX_FIND_HITS;

/** One step of a streamed search: the contract's progress event before it is tagged with its search. */
export type FindBatch = Omit<FindProgress, 'searchId' | 'query' | 'error'>;

export interface StreamOptions {
  /** Most hits gathered; the rest are dropped and the batches say `truncated`. Default MAX_FIND_HITS. */
  limit?: number;
  /** Stops the search between documents; no batch is sent once it is aborted. */
  signal?: AbortSignal;
  /** Hits from texts already in memory that go out together before a batch is sent anyway. Default 2000. */
  batchHits?: number;
}

/** Lets the event loop serve others (calls, other events) between batches. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface LeadingPages {
  /** The first pages' texts (index 0 = page 1), as the pages say them. */
  pages: string[];
  pageCount: number;
}

/**
 * Why a document is not searched. `limit`: over a reading limit (size, pages, time, memory); like a
 * damaged one it is not read again. Listed as `damaged` where the contract has no word for it.
 */
type SkipReason = FindResult['skipped'][number]['reason'];

interface DocumentText {
  /** Each page's text as the page says it. */
  pages: string[];
  /** The same, normalised for search. */
  normalized: string[];
  /** The number stamped in a top corner of each page (卷宗页码), null where none. */
  stamps: (number | null)[];
  /** Pages read by OCR: their lines with boxes (for placing hits on the page). */
  lines: (PageTextLine[] | undefined)[];
  /** How many of the document's pages the store held when this was built (more later: rebuilt). */
  storedPages: number;
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
  skipped: Map<string, { reason: SkipReason; passwords: string; error: ErrorPayload }>;
  /** Which password (null: none) opened each document, tried first next time. */
  openedWith: Map<string, string | null>;
}

const PDF_NAME = /\.pdf$/i;
/** Scans as image files: searchable once the background reader has recognised them. */
const IMAGE_NAME = /\.(jpe?g|png|tiff?)$/i;

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
  private readonly stored: (dossierId: string) => Promise<DossierText | null>;
  private readonly reader: PdfReader;
  /** Documents are read one at a time, across every dossier. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DossierSearchOptions = {}) {
    this.capacity = Math.max(1, options.cachedDossiers ?? 3);
    this.stored = options.stored ?? (async () => null);
    this.reader = options.reader ?? sharedPdfReader();
  }

  /** Why a document of the dossier was skipped (its error, naming the limit it is over), if it was. */
  skipError(dossierId: string, path: string): ErrorPayload | undefined {
    return this.cache.get(dossierId)?.skipped.get(path)?.error;
  }

  /**
   * Hits in document order, then page order, then position; at most `limit` of them. Documents that
   * no given password opens, or that are damaged, are listed in `skipped` (and tried again when other
   * passwords are given).
   */
  async find(dossier: SearchableDossier, query: string, passwords: readonly string[], limit = DEFAULT_FIND_LIMIT): Promise<FindResult> {
    const result: FindResult = { query, hits: [], truncated: false, documents: 0, pages: 0, skipped: [] };
    await this.stream(
      dossier,
      query,
      passwords,
      (batch) => {
        result.hits.push(...batch.hits);
        result.skipped.push(...batch.skipped);
        result.truncated = batch.truncated;
        result.documents = batch.documents;
        result.pages = batch.pages;
      },
      { limit, batchHits: Number.MAX_SAFE_INTEGER },
    );
    return result;
  }

  /**
   * The same search, hits handed over in batches as documents are searched: a batch after each
   * document read from disk (so the first hits show while the rest is read), and one per
   * `batchHits` hits from texts already in memory; the last says `done`. Every document is still
   * read past the limit, so the counts are whole and the next search is answered from memory.
   * Resolves when the search ends or is aborted.
   */
  async stream(
    dossier: SearchableDossier,
    query: string,
    passwords: readonly string[],
    onBatch: (batch: FindBatch) => void,
    options: StreamOptions = {},
  ): Promise<void> {
    const limit = options.limit ?? MAX_FIND_HITS;
    if (!Number.isInteger(limit) || limit < 1) throw new AppError('VALIDATION', `limit 无效：${limit}`);
    const batchHits = Math.max(1, options.batchHits ?? 2000);
    const signal = options.signal;
    const needle = normalizeForSearch(query);
    const texts = this.textsOf(dossier);
    const key = passwordsKey(passwords);
    const stored = await this.stored(dossier.id).catch(() => null);
    const pdfs = dossier.files.filter((file) => PDF_NAME.test(file.path) || (stored !== null && IMAGE_NAME.test(file.path)));
    const progress = { documentsDone: 0, documentsTotal: pdfs.length, documents: 0, pages: 0, truncated: false };
    let found = 0;
    let hits: FindHit[] = [];
    let skipped: FindResult['skipped'] = [];
    let previous: string | null | undefined;
    const send = (done: boolean) => {
      onBatch({ hits, skipped, ...progress, done });
      hits = [];
      skipped = [];
    };

    for (const [i, file] of pdfs.entries()) {
      if (signal?.aborted) return;
      refreshFromStore(texts, file.path, stored);
      const unread = !texts.documents.has(file.path) && !skippedFor(texts, file.path, key);
      if (unread) {
        // What memory already answered shows before the slow part.
        if (hits.length > 0) send(false);
        const opened = await this.enqueue(() => this.readInto(texts, dossier.folder, file.path, passwords, key, previous, stored));
        if (signal?.aborted) return;
        if (opened !== undefined) previous = opened;
      }
      progress.documentsDone += 1;
      const skip = texts.skipped.get(file.path);
      if (skip) skipped.push({ document: file.path, reason: skip.reason });
      const document = texts.documents.get(file.path);
      if (document) {
        progress.documents += 1;
        progress.pages += document.pages.length;
        if (needle !== '' && !progress.truncated) {
          const before = hits.length;
          progress.truncated = collectHits(file.path, document, needle, limit - found, hits);
          found += hits.length - before;
        }
      }
      // The last document's hits go out with `done`.
      if (i < pdfs.length - 1 && (unread || hits.length >= batchHits)) {
        send(false);
        await yieldToLoop();
      }
    }
    if (signal?.aborted) return;
    send(true);
  }

  /**
   * The first `count` page texts of one PDF of the dossier and its page count: from the texts find
   * keeps when it has read the document, else read now (only those pages, in the same queue, trying
   * first the password that opened it before). Null when it cannot be opened.
   */
  leadingPages(dossier: SearchableDossier, path: string, passwords: readonly string[], count: number): Promise<LeadingPages | null> {
    return this.enqueue(() => this.leadingPagesNow(dossier, path, passwords, count));
  }

  private async leadingPagesNow(dossier: SearchableDossier, path: string, passwords: readonly string[], count: number): Promise<LeadingPages | null> {
    const texts = this.textsOf(dossier);
    const stored = await this.stored(dossier.id).catch(() => null);
    refreshFromStore(texts, path, stored);
    if (!texts.documents.has(path)) takeStored(texts, path, stored);
    const cached = texts.documents.get(path);
    if (cached) return { pages: cached.pages.slice(0, count), pageCount: cached.pages.length };
    const skipped = texts.skipped.get(path);
    if (skipped && (skipped.reason !== 'password' || skipped.passwords === passwordsKey(passwords))) return null;
    const outcome = await readDocument(this.reader, dossier.folder, path, passwords, texts.openedWith.get(path), count);
    if ('reason' in outcome) {
      // Over a limit: remembered, not tried again for the next 目录.
      if (outcome.reason === 'limit') texts.skipped.set(path, { ...outcome, passwords: passwordsKey(passwords) });
      return null;
    }
    texts.openedWith.set(path, outcome.password);
    // Scanned 目录 pages the background reading has recognised so far (not kept: the rest is unread).
    overlayStored(outcome.text, stored?.pagesOf(path));
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
    const stored = await this.stored(dossier.id).catch(() => null);
    refreshFromStore(texts, path, stored);
    if (!texts.documents.has(path)) takeStored(texts, path, stored);
    const cached = texts.documents.get(path);
    if (cached) return { stamps: cached.stamps, pageCount: cached.pages.length };
    const key = passwordsKey(passwords);
    const skipped = texts.skipped.get(path);
    if (skipped && (skipped.reason !== 'password' || skipped.passwords === key)) return null;
    const outcome = await readDocument(this.reader, dossier.folder, path, passwords, texts.openedWith.get(path));
    if ('reason' in outcome) {
      texts.skipped.set(path, { ...outcome, passwords: key });
      return null;
    }
    overlayStored(outcome.text, stored?.pagesOf(path));
    texts.skipped.delete(path);
    texts.documents.set(path, outcome.text);
    texts.openedWith.set(path, outcome.password);
    return { stamps: outcome.text.stamps, pageCount: outcome.pageCount };
  }

  /** Drops what is kept of a dossier (removed, re-extracted). */
  forget(dossierId: string): void {
    this.cache.delete(dossierId);
  }

  /** Runs one document's reading in the shared one-at-a-time queue. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
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

  /**
   * Reads one document's text into the dossier's texts, unless it is there already (another search
   * read it while this one waited) or no new password could open it. Returns the password that
   * opened it (null: none was needed), undefined when it was not opened now.
   */
  private async readInto(
    texts: DossierTexts,
    folder: string,
    path: string,
    passwords: readonly string[],
    key: string,
    previous: string | null | undefined,
    stored: DossierText | null,
  ): Promise<string | null | undefined> {
    if (texts.documents.has(path) || skippedFor(texts, path, key)) return undefined;
    if (takeStored(texts, path, stored)) return undefined;
    if (!PDF_NAME.test(path)) return undefined;
    const remembered = texts.openedWith.get(path);
    const outcome = await readDocument(this.reader, folder, path, passwords, remembered !== undefined ? remembered : previous);
    if ('reason' in outcome) {
      texts.skipped.set(path, { ...outcome, passwords: key });
      return undefined;
    }
    overlayStored(outcome.text, stored?.pagesOf(path));
    texts.skipped.delete(path);
    texts.documents.set(path, outcome.text);
    texts.openedWith.set(path, outcome.password);
    return outcome.password;
  }

  private touch(id: string, texts: DossierTexts): void {
    this.cache.delete(id);
    this.cache.set(id, texts);
    while (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** Damaged (or over a limit) stays so; a locked document is tried again with other passwords. */
function skippedFor(texts: DossierTexts, path: string, key: string): boolean {
  const skipped = texts.skipped.get(path);
  return skipped !== undefined && (skipped.reason !== 'password' || skipped.passwords === key);
}

async function readDocument(
  reader: PdfReader,
  folder: string,
  path: string,
  passwords: readonly string[],
  tryFirst: string | null | undefined,
  upTo?: number,
): Promise<{ text: DocumentText; pageCount: number; password: string | null } | { reason: SkipReason; error: ErrorPayload }> {
  try {
    const file = await resolveDocumentPath(folder, path);
    const read = await reader.readPages(file, passwords, { ...(tryFirst === undefined ? {} : { tryFirst }), ...(upTo === undefined ? {} : { upTo }) });
    const pages = read.texts;
    const normalized = upTo === undefined ? pages.map(normalizeForSearch) : [];
    return { text: { pages, normalized, stamps: read.stamps, lines: [], storedPages: 0 }, pageCount: read.pageCount, password: read.password };
  } catch (error) {
    const payload = toErrorPayload(error);
    // Named by the document's place in the dossier.
    if (payload.code === 'LIMIT_EXCEEDED') return { reason: 'limit', error: { code: payload.code, message: `${path}：${payload.message}` } };
    const password = payload.code === 'PASSWORD_REQUIRED' || payload.code === 'WRONG_PASSWORD';
    return { reason: password ? 'password' : 'damaged', error: payload };
  }
}

/** Appends up to `room` of the document's hits; true when that cut them short. */
function collectHits(path: string, document: DocumentText, needle: string, room: number, hits: FindHit[]): boolean {
  let added = 0;
  for (let page = 0; page < document.normalized.length; page++) {
    const text = document.normalized[page] as string;
    let at = text.indexOf(needle);
    if (at < 0) continue;
    const snippets = new PageSnippets(document.pages[page] as string);
    const lines = document.lines[page];
    while (at >= 0) {
      if (added >= room) return true;
      const hit: FindHit = { document: path, page: page + 1, ...snippets.snippet(at, at + needle.length) };
      // Boxes are placed by the page's own text (normalising drops its spaces and line breaks).
      if (lines) hit.boxes = hitBoxes(lines, ...snippets.sourceRange(at, at + needle.length));
      hits.push(hit);
      added += 1;
      at = text.indexOf(needle, at + needle.length);
    }
  }
  return false;
}

/**
 * A document the store has read whole, taken from it (no decryption, no parsing). True when taken.
 * One still being read is not: its unread pages would be kept as empty and searched as such.
 */
function takeStored(texts: DossierTexts, path: string, stored: DossierText | null): boolean {
  if (!stored) return false;
  const record = stored.documents.get(path);
  if (!record || record.unreadable || !stored.isComplete(path)) return false;
  const pages = stored.pagesOf(path);
  const text: DocumentText = { pages: [], normalized: [], stamps: [], lines: [], storedPages: pages.size };
  for (let page = 1; page <= record.pageCount; page++) {
    const read = pages.get(page);
    text.pages.push(read?.text ?? '');
    text.stamps.push(read?.stamp ?? null);
    text.lines.push(read?.source === 'ocr' ? read.lines : undefined);
  }
  text.normalized = text.pages.map(normalizeForSearch);
  texts.documents.set(path, text);
  texts.skipped.delete(path);
  return true;
}

/** Pages the store read by OCR replace what the text layer said of them (nothing, on a scan). */
function overlayStored(text: DocumentText, pages: ReadonlyMap<number, PageRecord> | undefined): void {
  if (!pages) return;
  text.storedPages = pages.size;
  for (const [page, record] of pages) {
    if (record.source !== 'ocr' || page > text.pages.length) continue;
    text.pages[page - 1] = record.text;
    if (text.normalized.length > 0) text.normalized[page - 1] = normalizeForSearch(record.text);
    text.stamps[page - 1] ??= record.stamp;
    text.lines[page - 1] = record.lines;
  }
}

/** The store read more of a document since its text was kept: the kept text is dropped (rebuilt). */
function refreshFromStore(texts: DossierTexts, path: string, stored: DossierText | null): void {
  const kept = texts.documents.get(path);
  if (kept && stored && stored.pagesOf(path).size !== kept.storedPages) texts.documents.delete(path);
}
