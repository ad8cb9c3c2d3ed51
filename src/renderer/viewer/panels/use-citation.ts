import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewerStore } from '../viewer-store';
import { formatCitation, volumeOf } from './citation';

/** Cites a page of the open dossier in the interface language: 《第一卷·讯问笔录》第3页. */
export function useCitation(): (document: string, page: number) => string {
  const { i18n } = useTranslation();
  const files = useViewerStore((s) => s.dossier?.files);
  const documentTitle = useViewerStore((s) => s.documentTitle);
  const locale = i18n.language;
  return useCallback(
    (document: string, page: number) => formatCitation({ volume: volumeOf(files, document), title: documentTitle(document), page }, locale),
    [files, documentTitle, locale],
  );
}
