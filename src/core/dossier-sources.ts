/**
 * What the readers of a dossier (documents, find, 目录, 卷宗页码, 文字识别's text) need of it: its
 * extracted folder, its files and its stored open password, in one place.
 */
import { AppError } from '../shared/errors';
import type { DossierPasswordStore } from './dossier-passwords';
import type { DossierTextStore } from './dossier-text';
import type { LibraryService } from './library';

/** A dossier as its readers take it, with the passwords to try on its documents. */
export interface DossierTarget {
  dossier: { id: string; folder: string; files: Awaited<ReturnType<LibraryService['get']>>['files'] };
  passwords: string[];
}

export class DossierSources {
  constructor(
    private readonly library: LibraryService,
    private readonly passwords: DossierPasswordStore,
    private readonly texts: DossierTextStore,
  ) {}

  /** The folder a dossier's documents were extracted to; NOT_FOUND while it has none to read. */
  documentsFolder(id: string): string {
    const folder = this.library.extractedFolderOf(id);
    if (!folder) throw new AppError('NOT_FOUND', '卷宗尚未解压，没有可阅读的文档');
    return folder;
  }

  /** The dossier with its files and stored open password (NOT_FOUND before it is extracted). */
  async target(id: string): Promise<DossierTarget> {
    const folder = this.documentsFolder(id);
    const { files } = await this.library.get(id);
    const { open } = await this.passwords.get(id);
    return { dossier: { id, folder, files }, passwords: open ? [open] : [] };
  }

  /** The dossier's stored texts once it is extracted (null before). */
  async storedText(id: string) {
    if (!this.library.extractedFolderOf(id)) return null;
    const { files, folder } = await this.library.get(id);
    return this.texts.textOf({ id, folder, files });
  }
}
