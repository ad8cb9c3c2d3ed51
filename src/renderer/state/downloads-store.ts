import { create } from 'zustand';
import type { DownloadItem } from '../../shared/library';
import { api } from '../transport';
import { applyAnswer, emptyDownloads, seedDownloads, upsertDownload, type DownloadsList } from './downloads-list';

interface DownloadsState {
  list: DownloadsList;
  /** Finished items the lawyer cleared from the panel (this run only: core keeps its own list). */
  hidden: ReadonlySet<string>;
  load(): Promise<void>;
  /** From a `downloads.changed` event. */
  upsert(item: DownloadItem): void;
  /** From a call's answer (may be older than the events already seen). */
  answer(item: DownloadItem): void;
  hide(id: string): void;
}

/** 下载任务: seeded by downloads.list, kept live by downloads.changed and the calls' answers. */
export const useDownloadsStore = create<DownloadsState>((set) => ({
  list: emptyDownloads,
  hidden: new Set(),
  async load() {
    set({ list: seedDownloads(await api['downloads.list']({})) });
  },
  upsert(item) {
    set((state) => ({ list: upsertDownload(state.list, item) }));
  },
  answer(item) {
    set((state) => ({ list: applyAnswer(state.list, item) }));
  },
  hide(id) {
    set((state) => ({ hidden: new Set([...state.hidden, id]) }));
  },
}));
