import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCitation } from '../../../shared/citation';
import { pagePlace, usePageNumbers } from '../page-numbers-store';
import { useViewerStore } from '../viewer-store';
import { volumeOf } from './citation';

/**
 * Cites a page of the open dossier by its 卷宗页码, in the interface language: 《第一卷·讯问笔录》第23页
 * (the shared rule); until the numbers are known, or where there is none, the citation says so.
 */
export function useCitation(): (document: string, page: number) => string {
  const { i18n } = useTranslation();
  const files = useViewerStore((s) => s.dossier?.files);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const byPath = usePageNumbers((s) => s.byPath);
  const locale = i18n.language;
  return useCallback(
    (document: string, page: number) =>
      formatCitation(
        pagePlace(byPath, document, page) ?? { volume: volumeOf(files, document), title: documentTitle(document), dossierPage: null, documentPage: page },
        locale,
      ),
    [files, documentTitle, byPath, locale],
  );
}
