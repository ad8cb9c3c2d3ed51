import { create } from 'zustand';
import type { FindHit, FindProgress, FindResult } from '../../../shared/viewer';
import { api, on } from '../../transport';
import { appendHits, EMPTY_HIT_LIST, NO_FILTER, type HitFilter, type HitList } from './hit-list';

/** How far a streamed search has come. */
export interface FindProgressCounts {
  documentsDone: number;
  documentsTotal: number;
  documents: number;
  pages: number;
}

interface FindState {
  /** The dossier the query and hits belong to; another dossier starts afresh. */
  dossierId: string | null;
  /** What is in the box. */
  query: string;
  /** The term of the search shown (null: none yet); its hits are in `list`. */
  searched: string | null;
  searchId: string | null;
  list: HitList;
  progress: FindProgressCounts | null;
  skipped: FindResult['skipped'];
  truncated: boolean;
  /** Hits are still streaming in. */
  searching: boolean;
  error: unknown;
  /** Index (into list.hits) of the hit last shown, or -1. */
  active: number;
  /** Bumped when the list should bring the active hit into view. */
  reveal: number;
  filter: HitFilter;
  setQuery(query: string): void;
  setActive(index: number): void;
  setFilter(filter: HitFilter): void;
  /** Forgets everything when the viewer shows another dossier (or none). */
  showDossier(dossierId: string | null): void;
  /** Starts a streamed search; the one before (in core too) stops. */
  search(dossierId: string, query: string): Promise<void>;
  /** Stops the search and forgets its hits (the box was cleared). */
  clear(): void;
}

/** Batches are applied at most this often, so a fast stream costs a few renders a second. */
const APPLY_EVERY_MS = 120;

let pending: FindProgress[] = [];
let applyTimer: ReturnType<typeof setTimeout> | null = null;
let lastApplied = 0;
let unsubscribe: (() => void) | null = null;
let searchCount = 0;

function newSearchId(): string {
  searchCount += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `${searchCount}-${random}`;
}

function dropPending(): void {
  pending = [];
  if (applyTimer !== null) clearTimeout(applyTimer);
  applyTimer = null;
}

/** 搜索 in the viewer: kept outside the panel so the hits survive switching side panels. */
export const useFindStore = create<FindState>((set, get) => {
  /** Applies the batches received since the last time, in one update. */
  function applyPending(): void {
    applyTimer = null;
    lastApplied = Date.now();
    const batches = pending.filter((batch) => batch.searchId === get().searchId);
    pending = [];
    if (batches.length === 0) return;
    const hits: FindHit[] = [];
    const skipped = [...get().skipped];
    for (const batch of batches) {
      for (const hit of batch.hits) hits.push(hit);
      skipped.push(...batch.skipped);
    }
    const last = batches[batches.length - 1] as FindProgress;
    const failed = batches.find((batch) => batch.error)?.error;
    set({
      list: appendHits(get().list, hits),
      skipped,
      truncated: last.truncated,
      progress: { documentsDone: last.documentsDone, documentsTotal: last.documentsTotal, documents: last.documents, pages: last.pages },
      searching: !last.done,
      ...(failed ? { error: failed } : {}),
    });
  }

  function receive(batch: FindProgress): void {
    if (batch.searchId !== get().searchId) return;
    pending.push(batch);
    if (applyTimer !== null) return;
    // The first batch and the last show at once; the rest at most every APPLY_EVERY_MS.
    const wait = batch.done || get().progress === null ? 0 : Math.max(0, lastApplied + APPLY_EVERY_MS - Date.now());
    applyTimer = setTimeout(applyPending, wait);
  }

  /** Stops the running search in core (a new one stops it there too) and forgets its batches. */
  function stopRunning(): void {
    const { searchId, searching } = get();
    dropPending();
    if (searchId && searching) void api['dossier.findCancel']({ searchId }).catch(() => undefined);
  }

  const cleared = {
    searched: null,
    searchId: null,
    list: EMPTY_HIT_LIST,
    progress: null,
    skipped: [],
    truncated: false,
    searching: false,
    error: null,
    active: -1,
    filter: NO_FILTER,
  } satisfies Partial<FindState>;

  return {
    dossierId: null,
    query: '',
    ...cleared,
    reveal: 0,
    setQuery(query) {
      set({ query });
    },
    setActive(index) {
      set({ active: index, reveal: get().reveal + 1 });
    },
    setFilter(filter) {
      set({ filter });
    },
    showDossier(dossierId) {
      if (get().dossierId === dossierId) return;
      stopRunning();
      set({ dossierId, query: '', ...cleared });
    },
    clear() {
      stopRunning();
      set({ ...cleared });
    },
    async search(dossierId, query) {
      stopRunning();
      unsubscribe ??= on('dossier.findProgress', receive);
      const searchId = newSearchId();
      set({ ...cleared, dossierId, searched: query, searchId, searching: true });
      try {
        await api['dossier.findStart']({ dossierId, query, searchId });
      } catch (error) {
        if (get().searchId === searchId) set({ error, searching: false });
      }
    },
  };
});
