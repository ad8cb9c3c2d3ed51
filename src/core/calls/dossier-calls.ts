/**
 * Reading across a dossier: 搜索 (one answer or streamed), 卷内目录, 卷宗页码 and the recognised text
 * of a scanned page. Several services answer them; each takes the dossier from DossierSources.
 */
import type { DossierContentsReader } from '../dossier-contents';
import type { DossierPageNumbers } from '../dossier-page-numbers';
import type { DossierSearch, FindStreams } from '../dossier-search';
import type { DossierSources } from '../dossier-sources';
import type { CallsUnder } from './call-group';

export interface DossierReaders {
  sources: DossierSources;
  search: DossierSearch;
  findStreams: FindStreams;
  contents: DossierContentsReader;
  pageNumbers: DossierPageNumbers;
}

export function dossierCalls(readers: DossierReaders): CallsUnder<'dossier'> {
  const { sources, search, findStreams, contents } = readers;
  return {
    'dossier.find': async ({ dossierId, query, limit }) => {
      const { dossier, passwords } = await sources.target(dossierId);
      return search.find(dossier, query, passwords, limit);
    },
    'dossier.findStart': async ({ dossierId, query, searchId }) => {
      // A newer search stops the one running before (FindStreams), in core and not only in the UI.
      await findStreams.start(searchId, query, () => sources.target(dossierId));
      return { searchId };
    },
    'dossier.findCancel': async ({ searchId }) => {
      findStreams.cancel(searchId);
      return null;
    },
    'dossier.contents': async ({ dossierId }) => {
      const { dossier, passwords } = await sources.target(dossierId);
      return contents.contents(dossier, passwords);
    },
    'dossier.pageNumbers': async ({ dossierId }) => dossierPageNumbers(readers, dossierId),
    'dossier.pageText': async ({ dossierId, document, page }) => {
      const record = (await sources.storedText(dossierId))?.page(document, page);
      if (!record || record.source !== 'ocr') return null;
      return { text: record.text, lines: record.lines ?? [] };
    },
  };
}

/** 卷宗页码 of every document of the dossier (the 阅卷笔录 cites them too). */
export async function dossierPageNumbers({ sources, pageNumbers }: Pick<DossierReaders, 'sources' | 'pageNumbers'>, id: string) {
  const { dossier, passwords } = await sources.target(id);
  return pageNumbers.numbers(dossier, passwords);
}
