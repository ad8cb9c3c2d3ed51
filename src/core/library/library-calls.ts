/** 卷宗库: the contract's library calls (the 卷宗库锁's own calls are in ../library-lock). */
import type { CallsOf } from '../calls/call-group';
import type { DossierImport } from './dossier-import';
import type { LibraryService } from './library-service';

type LibraryCallName =
  | 'library.list'
  | 'library.get'
  | 'library.extract'
  | 'library.remove'
  | 'library.reveal'
  | 'library.import'
  | 'library.passwords'
  | 'library.rememberOpenPassword';

export interface LibraryCallsWiring {
  library: LibraryService;
  imports: DossierImport;
  /** What other services keep of a removed dossier (texts, 目录, OCR state) goes with it. */
  forget(id: string, folder: string): Promise<void>;
}

export function libraryCalls({ library, imports, forget }: LibraryCallsWiring): CallsOf<LibraryCallName> {
  return {
    'library.list': async ({ q }) => library.list(q),
    'library.get': async ({ id }) => library.get(id),
    'library.extract': async ({ id, password }) => library.extract(id, password),
    'library.remove': async ({ id }) => {
      const folder = library.folderOf(id);
      await library.remove(id);
      await forget(id, folder);
      return null;
    },
    'library.reveal': async ({ id }) => {
      await library.reveal(id);
      return null;
    },
    'library.import': async ({ source, password, caseName }) => imports.importSource(source, password, caseName),
    'library.passwords': async ({ id }) => library.passwords(id),
    'library.rememberOpenPassword': async ({ id, password }) => {
      // Find tries the documents it skipped again with the new password on its next run.
      await library.rememberOpenPassword(id, password);
      return null;
    },
  };
}
