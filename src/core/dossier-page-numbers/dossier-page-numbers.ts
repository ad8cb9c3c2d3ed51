/**
 * The 卷宗页码 of every page of a dossier: the 目录's 页次 (from the contents reader) and the numbers
 * stamped in the pages' top corners (read with the text find keeps: each document is opened once
 * for both), put together by the shared numbering. Kept per dossier until its files or the
 * passwords change.
 */
import { createHash } from 'node:crypto';
import { numberDossierPages, type NumberedDocument } from '../../shared/dossier-page-numbers';
import type { DossierFile } from '../../shared/library';
import type { DocumentContents } from '../../shared/viewer';
import type { PageStamps, SearchableDossier } from '../dossier-search';

export interface ContentsSource {
  contents(dossier: SearchableDossier, passwords: readonly string[]): Promise<DocumentContents[]>;
}

export interface StampsSource {
  pageStamps(dossier: SearchableDossier, path: string, passwords: readonly string[]): Promise<PageStamps | null>;
}

export interface NumberableDossier extends SearchableDossier {
  files: readonly DossierFile[];
}

const PDF_NAME = /\.pdf$/i;

interface Kept {
  key: string;
  numbers: Promise<NumberedDocument[]>;
}

export class DossierPageNumbers {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly contents: ContentsSource,
    private readonly stamps: StampsSource,
  ) {}

  /** Every document of the dossier in file order, each page with its 卷宗页码 and where it came from. */
  numbers(dossier: NumberableDossier, passwords: readonly string[]): Promise<NumberedDocument[]> {
    const key = createHash('sha256')
      .update(JSON.stringify([dossier.folder, dossier.files.map((file) => [file.path, file.size, file.pages]), [...passwords].sort()]))
      .digest('hex');
    const kept = this.kept.get(dossier.id);
    if (kept?.key === key) return kept.numbers;
    // Two callers at once (the viewer, an export) share one reading.
    const numbers = this.read(dossier, passwords);
    this.kept.set(dossier.id, { key, numbers });
    numbers.catch(() => {
      if (this.kept.get(dossier.id)?.numbers === numbers) this.kept.delete(dossier.id);
    });
    return numbers;
  }

  /** Drops what is kept of a dossier (removed, re-extracted). */
  forget(dossierId: string): void {
    this.kept.delete(dossierId);
  }

  private async read(dossier: NumberableDossier, passwords: readonly string[]): Promise<NumberedDocument[]> {
    const contents = await this.contents.contents(dossier, passwords);
    const stamps: Record<string, (number | null)[]> = {};
    const pageCounts: Record<string, number> = {};
    for (const file of dossier.files) {
      if (!PDF_NAME.test(file.path)) continue;
      // A document that does not open (no password, damaged) is counted by its known length.
      const read = await this.stamps.pageStamps(dossier, file.path, passwords);
      if (!read) continue;
      stamps[file.path] = read.stamps;
      pageCounts[file.path] = read.pageCount;
    }
    return numberDossierPages({ files: dossier.files, contents, stamps, pageCounts });
  }
}
