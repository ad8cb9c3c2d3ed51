/**
 * The open dossier's 卷宗页码, loaded once per dossier from core (which reads the 目录 and the stamps
 * on the pages). Not per pane: both panes of a side-by-side view read the same dossier's numbers.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { findDossierPage, placeOfPage, type NumberedDocument, type PagePlace } from '../../shared/dossier-page-numbers';
import { api } from '../transport';

export interface PageNumbersState {
  dossierId: string | null;
  /** In the dossier's file order; empty while loading or when core could not read them. */
  documents: NumberedDocument[];
  byPath: ReadonlyMap<string, NumberedDocument>;
  loading: boolean;
  load(dossierId: string): Promise<void>;
  clear(): void;
}

const empty = { dossierId: null, documents: [], byPath: new Map<string, NumberedDocument>(), loading: false };

export const usePageNumbers = create<PageNumbersState>((set, get) => ({
  ...empty,

  async load(dossierId) {
    if (get().dossierId !== dossierId) set({ ...empty, dossierId });
    set({ loading: true });
    const documents = await api['dossier.pageNumbers']({ dossierId }).catch(() => null);
    if (get().dossierId !== dossierId) return;
    if (!documents) {
      set({ loading: false });
      return;
    }
    set({ documents, byPath: new Map(documents.map((document) => [document.document, document])), loading: false });
  },

  clear() {
    set({ ...empty });
  },
}));

/** The place of a PDF page (volume, cited title, 卷宗页码), or null while the dossier's numbers are unknown. */
export function pagePlace(byPath: ReadonlyMap<string, NumberedDocument>, document: string, page: number): PagePlace | null {
  const numbered = byPath.get(document);
  return numbered && page >= 1 && page <= numbered.numbers.length ? placeOfPage(numbered, page) : null;
}

/** The document and PDF page carrying 卷宗页码 `number` in `volume`, or null. */
export function pageOfNumber(documents: readonly NumberedDocument[], volume: string | null, number: number): { document: string; page: number } | null {
  return findDossierPage(documents, volume, number);
}

/**
 * Loads the dossier's numbers when it opens, and again when its tree changes (the 目录 arrived, a
 * password opened more documents): core keeps them, so asking again costs little.
 */
export function useLoadPageNumbers(dossierId: string | null, treeVersion: unknown): void {
  const load = usePageNumbers((s) => s.load);
  const clear = usePageNumbers((s) => s.clear);
  useEffect(() => {
    if (dossierId) void load(dossierId);
  }, [dossierId, treeVersion, load]);
  useEffect(() => () => clear(), [clear]);
}
