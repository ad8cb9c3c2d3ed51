/**
 * Reading progress of the dossier open in the viewer: the pages seen per document (from core, plus
 * those seen since), for the 已读 marks in 目录 and the % read. Per dossier, not per pane: two panes
 * reading the same dossier add to the same progress.
 */
import { create } from 'zustand';
import { mergeRanges, type PageRange } from '../../shared/page-ranges';
import { api } from '../transport';
import { browserSchedule, DwellTimer, SeenSender, type SeenPage } from './seen-pages';

/** A page counts as seen after this long as the current page. */
export const DWELL_MS = 1000;
/** Seen pages go to core at most this often. */
export const SEND_DELAY_MS = 1500;

export interface ProgressEntry {
  seen: PageRange[];
  /** As core counted them; null when unknown (the viewer's own count then applies). */
  pages: number | null;
}

interface ReadingProgressState {
  dossierId: string | null;
  documents: Record<string, ProgressEntry>;
  /** Loads the dossier's progress (keeping pages seen meanwhile). */
  load(dossierId: string): Promise<void>;
  /** A page the lawyer has seen. */
  seen(page: SeenPage): void;
  /** Sends what waits and forgets the dossier. */
  close(dossierId: string): void;
}

let sender: { dossierId: string; sender: SeenSender } | null = null;

function senderFor(dossierId: string): SeenSender {
  if (sender?.dossierId === dossierId) return sender.sender;
  sender?.sender.flush();
  const created = new SeenSender(SEND_DELAY_MS, browserSchedule, ({ document, pages }) => {
    // A refusal (a page the document no longer has) only loses that mark.
    api['reading.markSeen']({ dossierId, document, pages }).catch(() => undefined);
  });
  sender = { dossierId, sender: created };
  return created;
}

export const useReadingProgress = create<ReadingProgressState>((set, get) => ({
  dossierId: null,
  documents: {},

  async load(dossierId) {
    if (get().dossierId !== dossierId) set({ dossierId, documents: {} });
    const progress = await api['reading.progress']({ dossierId }).catch(() => null);
    if (!progress || get().dossierId !== dossierId) return;
    const documents: Record<string, ProgressEntry> = {};
    const local = get().documents;
    for (const entry of progress) {
      documents[entry.document] = { seen: mergeRanges(entry.seen, local[entry.document]?.seen ?? []), pages: entry.pages };
    }
    for (const [document, entry] of Object.entries(local)) documents[document] ??= entry;
    set({ documents });
  },

  seen(page) {
    const { dossierId, documents } = get();
    if (!dossierId) return;
    const entry = documents[page.document] ?? { seen: [], pages: null };
    if (entry.seen.some(([first, last]) => page.page >= first && page.page <= last)) return;
    set({ documents: { ...documents, [page.document]: { ...entry, seen: mergeRanges(entry.seen, [[page.page, page.page]]) } } });
    senderFor(dossierId).add(page);
  },

  close(dossierId) {
    if (sender?.dossierId === dossierId) {
      sender.sender.flush();
      sender = null;
    }
    if (get().dossierId === dossierId) set({ dossierId: null, documents: {} });
  },
}));

/** A dwell timer that reports to this store (one per pane reading). */
export function createDwellTimer(): DwellTimer {
  return new DwellTimer(DWELL_MS, browserSchedule, (page) => useReadingProgress.getState().seen(page));
}

// Pages seen just before the window closes still reach core.
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => sender?.sender.flush());
