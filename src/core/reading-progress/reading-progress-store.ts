/**
 * Which pages of each document the lawyer has seen, kept in `<dossier folder>/reading-progress.json`
 * as ranges per document ("1-40,52"). Only page numbers are kept, never page text, so the file needs
 * no encryption. A damaged file is kept aside and the progress starts over (the lawyer is told).
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { DossierDetail, DossierFile } from '../../shared/library';
import { clipRanges, formatRanges, mergeRanges, parseRanges, rangesCount, toRanges, type PageRange } from '../../shared/page-ranges';
import { MAX_MARK_PAGES, type DocumentProgress } from '../../shared/viewer';
import { writeIntoDossierFolder, type DossierLookup } from '../notes';
import { KeyedQueue } from '../notes/keyed-queue';

export const PROGRESS_FILE = 'reading-progress.json';
const VERSION = 1;
/** Pages a PDF the library has not counted yet (no open password so far) may be marked up to. */
export const UNCOUNTED_PAGE_LIMIT = 20_000;
/** The file is read whole: a dossier's ranges stay far below this. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const progressFile = z.object({
  version: z.literal(VERSION),
  dossierId: z.string(),
  /** Document path → ranges seen, "1-40,52". */
  documents: z.record(z.string().min(1).max(1024), z.string().max(200_000)),
  savedAt: z.string(),
});

type Seen = Map<string, PageRange[]>;

/** The pages a file may have: as counted, one for a picture, a generous bound for an uncounted PDF. */
function pageLimit(file: DossierFile): number {
  if (file.pages !== null) return file.pages;
  return /\.(jpe?g|png)$/i.test(file.path) ? 1 : UNCOUNTED_PAGE_LIMIT;
}

function shownPages(file: DossierFile): number | null {
  return file.pages ?? (/\.(jpe?g|png)$/i.test(file.path) ? 1 : null);
}

function progressOf(file: DossierFile, seen: PageRange[]): DocumentProgress {
  return { document: file.path, seen, count: rangesCount(seen), pages: shownPages(file) };
}

/** A name for the damaged copy that sorts by time and is valid on every OS (no colons). */
function damagedName(): string {
  return `${PROGRESS_FILE}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

export class ReadingProgressStore {
  // Read-modify-write per dossier, one at a time.
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly lookup: DossierLookup,
    /** Told when a damaged file was set aside and the dossier's progress started over. */
    private readonly onReset: (dossierId: string) => void = () => undefined,
  ) {}

  /** Every document of the dossier with the pages seen (none for those never opened). */
  progress(dossierId: string): Promise<DocumentProgress[]> {
    return this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      const seen = await this.read(dossier);
      return dossier.files.map((file) => progressOf(file, seen.get(file.path) ?? []));
    });
  }

  /** Adds `pages` of `document` to those seen; refuses pages the document does not have. */
  markSeen(dossierId: string, document: string, pages: readonly number[]): Promise<DocumentProgress> {
    if (pages.length === 0 || pages.length > MAX_MARK_PAGES) {
      return Promise.reject(new AppError('VALIDATION', `一次标记的页数应在 1 到 ${MAX_MARK_PAGES} 之间`));
    }
    return this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      const file = dossier.files.find((candidate) => candidate.path === document);
      if (!file) throw new AppError('VALIDATION', `卷宗中没有这个文件：${document}`);
      const limit = pageLimit(file);
      const wrong = pages.find((page) => !Number.isInteger(page) || page < 1 || page > limit);
      if (wrong !== undefined) throw new AppError('VALIDATION', `页码超出文件的页数（共 ${limit} 页）：${wrong}`);

      const seen = await this.read(dossier);
      const before = seen.get(document) ?? [];
      const after = mergeRanges(before, toRanges(pages));
      if (rangesCount(after) !== rangesCount(before)) {
        seen.set(document, after);
        await this.write(dossier, seen);
      }
      return progressOf(file, after);
    });
  }

  /** Resolves once every call made so far has settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The stored ranges of the dossier's current files, clipped to their pages; empty when none or damaged. */
  private async read(dossier: DossierDetail): Promise<Seen> {
    const path = join(dossier.folder, PROGRESS_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw new AppError('INTERNAL', `无法读取阅读进度：${(error as Error).message}`);
    }
    const seen = text.length <= MAX_FILE_BYTES ? parse(text, dossier.id) : null;
    if (seen) {
      // Documents gone from the dossier are dropped; one re-extracted shorter keeps what it still has.
      const result: Seen = new Map();
      for (const file of dossier.files) {
        const ranges = seen.get(file.path);
        if (ranges) result.set(file.path, clipRanges(ranges, pageLimit(file)));
      }
      return result;
    }
    const aside = join(dossier.folder, damagedName());
    try {
      await rename(path, aside);
    } catch (error) {
      throw new AppError('INTERNAL', `阅读进度文件已损坏且无法另存：${(error as Error).message}`);
    }
    console.warn(`Damaged reading progress kept aside as ${aside}`);
    this.onReset(dossier.id);
    return new Map();
  }

  private async write(dossier: DossierDetail, seen: Seen): Promise<void> {
    const documents: Record<string, string> = {};
    for (const [document, ranges] of seen) if (ranges.length > 0) documents[document] = formatRanges(ranges);
    const data: z.infer<typeof progressFile> = { version: VERSION, dossierId: dossier.id, documents, savedAt: new Date().toISOString() };
    await writeIntoDossierFolder(dossier.folder, PROGRESS_FILE, `${JSON.stringify(data, null, 1)}\n`);
  }
}

/** The ranges per document of a progress file, or null when it is not one (of this dossier). */
function parse(text: string, dossierId: string): Seen | null {
  let data: z.infer<typeof progressFile>;
  try {
    const result = progressFile.safeParse(JSON.parse(text));
    if (!result.success || result.data.dossierId !== dossierId) return null;
    data = result.data;
  } catch {
    return null;
  }
  const seen: Seen = new Map();
  for (const [document, value] of Object.entries(data.documents)) {
    const ranges = parseRanges(value, 100_000);
    if (!ranges) return null;
    seen.set(document, ranges);
  }
  return seen;
}
