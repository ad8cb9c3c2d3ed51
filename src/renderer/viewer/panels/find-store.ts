import { create } from 'zustand';
import type { FindResult } from '../../../shared/viewer';
import { api } from '../../transport';

interface FindState {
  /** The dossier the query and result belong to; another dossier starts afresh. */
  dossierId: string | null;
  /** What is in the box. */
  query: string;
  /** The last answer (its `query` is what was searched). */
  result: FindResult | null;
  searching: boolean;
  error: unknown;
  /** Index of the hit last shown, or -1. */
  active: number;
  setQuery(query: string): void;
  setActive(index: number): void;
  /** Forgets everything when the viewer shows another dossier. */
  showDossier(dossierId: string | null): void;
  search(dossierId: string, query: string): Promise<void>;
}

// Answers to an older search (or for another dossier) are dropped.
let ticket = 0;

/** 搜索 in the viewer: kept outside the panel so the hits survive switching side panels. */
export const useFindStore = create<FindState>((set, get) => ({
  dossierId: null,
  query: '',
  result: null,
  searching: false,
  error: null,
  active: -1,
  setQuery(query) {
    set({ query });
  },
  setActive(index) {
    set({ active: index });
  },
  showDossier(dossierId) {
    if (get().dossierId === dossierId) return;
    ticket += 1;
    set({ dossierId, query: '', result: null, searching: false, error: null, active: -1 });
  },
  async search(dossierId, query) {
    const mine = ++ticket;
    set({ dossierId, searching: true, error: null });
    try {
      const result = await api['dossier.find']({ dossierId, query });
      if (mine === ticket) set({ result, searching: false, active: -1 });
    } catch (error) {
      if (mine === ticket) set({ error, searching: false });
    }
  },
}));
