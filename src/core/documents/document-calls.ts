/** A dossier's documents as the viewer reads them: the contract's documents calls. */
import type { CallsUnder } from '../calls/call-group';
import type { DossierSources } from '../dossier-sources';
import type { DocumentReader } from './document-reader';
import { checkOpenable } from './open-external';

export function documentCalls(reader: DocumentReader, sources: DossierSources, openItem: (path: string) => Promise<void>): CallsUnder<'documents'> {
  return {
    'documents.info': async ({ dossierId, path }) => reader.info(sources.documentsFolder(dossierId), dossierId, path),
    'documents.read': async ({ dossierId, path, offset, length }) => {
      const bytes = await reader.read(sources.documentsFolder(dossierId), path, offset, length);
      return { dataBase64: bytes.toString('base64') };
    },
    'documents.openExternal': async ({ dossierId, path }) => {
      checkOpenable(path);
      await openItem(await reader.locate(sources.documentsFolder(dossierId), path));
      return null;
    },
  };
}
