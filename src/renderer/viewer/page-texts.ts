/**
 * The recognised text of the scanned pages on screen (`dossier.pageText`), kept per page for the
 * viewer's invisible text layer. A page found without text is asked again once 文字识别 of its
 * dossier has moved on (it may have been read since); a page with text is not asked again.
 */
import { useEffect, useState } from 'react';
import type { OcrStatus, RecognisedPage } from '../../shared/ocr';
import { useOcrStore } from '../state/ocr-store';
import { api } from '../transport';
import { Lru } from './lru';

interface Entry {
  page: RecognisedPage | null;
  /** How far 文字识别 had come when it was asked (see `progressMark`). */
  mark: string;
}

/** Pages kept (a few KB of text each). */
const KEPT = 400;
const cache = new Lru<string, Entry>(KEPT, () => undefined);

const keyOf = (dossierId: string, document: string, page: number) => `${dossierId}\n${document}\n${page}`;

/** What changes when 文字识别 reads more of the dossier (or stops, or starts again). */
export function progressMark(status: OcrStatus | undefined): string {
  return status ? `${status.state}:${status.pagesDone}` : 'unknown';
}

/** Whether what is known of a page must be asked again: never asked, or asked with nothing read then. */
export function needsAsking(entry: Entry | undefined, mark: string): boolean {
  return entry === undefined || (entry.page === null && entry.mark !== mark);
}

/** Forgets the dossier's recognised text (the viewer closed it). */
export function forgetPageTexts(): void {
  cache.clear();
}

/** The recognised text of a page while `enabled` (it is painted); null when none (yet). */
export function usePageText(dossierId: string | null, document: string, page: number, enabled: boolean): RecognisedPage | null {
  const mark = useOcrStore((s) => progressMark(dossierId ? s.byId[dossierId] : undefined));
  const key = dossierId ? keyOf(dossierId, document, page) : null;
  const [shown, setShown] = useState<{ key: string; page: RecognisedPage } | null>(null);

  useEffect(() => {
    if (!enabled || !dossierId || !key) return;
    const known = cache.get(key);
    if (known?.page) setShown({ key, page: known.page });
    if (!needsAsking(known, mark)) return;
    let cancelled = false;
    api['dossier.pageText']({ dossierId, document, page })
      .catch(() => null)
      .then((text) => {
        cache.set(key, { page: text, mark });
        if (!cancelled && text) setShown({ key, page: text });
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, dossierId, document, page, key, mark]);

  return shown && shown.key === key ? shown.page : null;
}
