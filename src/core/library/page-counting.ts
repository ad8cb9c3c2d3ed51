/**
 * Counting the pages of a dossier's documents, after its files are in place: every PDF through the
 * PDF reading thread with its limits (a hostile file neither holds core nor is read whole), one at a
 * time, with the dossier's open password when one is kept.
 */
import { join } from 'node:path';
import type { AppError } from '../../shared/errors';
import type { DossierPasswordStore } from '../dossier-passwords';
import { sharedPdfReader } from '../pdf-worker';
import { countContents, isPdf } from './dossier-files';
import type { LibraryEntries, LibraryEntry } from './library-entries';
import type { Job, JobOutcome } from './job-queue';

export class PageCounting {
  constructor(
    private readonly entries: LibraryEntries,
    private readonly passwords: DossierPasswordStore,
  ) {}

  /** A queued count job: counts again when the dossier is (still) extracted. */
  async run(job: Job): Promise<JobOutcome> {
    const entry = this.entries.get(job.id);
    if (entry?.record.extraction.state === 'extracted') await this.count(entry, job.controller.signal);
    return { error: null };
  }

  /** Pages of every PDF, one document at a time (an AES-256 password check costs ~150 ms). */
  async count(entry: LibraryEntry, signal: AbortSignal): Promise<void> {
    const { record, folder } = entry;
    if (!record.extractedDir) return;
    const root = join(folder, record.extractedDir);
    const password = (await this.passwords.get(record.id)).open ?? undefined;
    for (const file of record.files) {
      if (signal.aborted) return;
      if (!isPdf(file.path)) continue;
      file.pages = await countDocumentPages(join(root, ...file.path.split('/')), file.size, password);
    }
    if (signal.aborted) return;
    record.counts = countContents(record.files, true);
    await this.entries.persistIfKnown(entry);
    this.entries.changed(record.id);
  }
}

/** Documents whose pages could not be counted other than for a password (damaged, over a limit), by path and size. */
const uncountable = new Set<string>();

/**
 * Pages of one PDF of the library, counted in the PDF reading thread (limits on time, memory, size
 * and pages: a hostile file neither holds core nor is read whole). Null when not counted: a locked
 * document is counted again once its password is known; a damaged one, or one over a limit, is
 * reported once and not counted again.
 */
async function countDocumentPages(path: string, size: number, password: string | undefined): Promise<number | null> {
  const key = `${path}\0${size}`;
  if (uncountable.has(key)) return null;
  try {
    return await sharedPdfReader().countPages(path, password);
  } catch (error) {
    const code = (error as AppError | null)?.code;
    if (code !== 'PASSWORD_REQUIRED' && code !== 'WRONG_PASSWORD') {
      uncountable.add(key);
      console.warn(`pages not counted: ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}
