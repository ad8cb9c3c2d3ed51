import { create } from 'zustand';
import type { OcrStatus } from '../../shared/ocr';
import { api } from '../transport';
import { seedOcrStatuses, type OcrStatuses } from './ocr-statuses';

interface OcrState {
  byId: OcrStatuses;
  load(): Promise<void>;
  /** From an `ocr.progress` event, or the answer of ocr.pause / ocr.resume. */
  upsert(status: OcrStatus): void;
}

/** Dossiers an event reported while `ocr.status` was on its way (null: no load running). */
let reportedMeanwhile: Set<string> | null = null;

/** 文字识别 of the library's dossiers: seeded by ocr.status, kept live by ocr.progress. */
export const useOcrStore = create<OcrState>((set, get) => ({
  byId: {},
  async load() {
    const meanwhile = new Set<string>();
    reportedMeanwhile = meanwhile;
    try {
      const answer = await api['ocr.status']({});
      set({ byId: seedOcrStatuses(get().byId, answer, meanwhile) });
    } finally {
      if (reportedMeanwhile === meanwhile) reportedMeanwhile = null;
    }
  },
  upsert(status) {
    reportedMeanwhile?.add(status.dossierId);
    set((state) => ({ byId: { ...state.byId, [status.dossierId]: status } }));
  },
}));

/** One dossier's 文字识别, or undefined while core has not reported it. */
export function useOcrStatus(dossierId: string | null): OcrStatus | undefined {
  return useOcrStore((s) => (dossierId ? s.byId[dossierId] : undefined));
}
