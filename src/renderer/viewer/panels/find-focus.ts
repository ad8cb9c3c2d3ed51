import { create } from 'zustand';

interface FindFocusState {
  /** Bumped by each Ctrl+F (⌘F): the screen opens the 搜索 tab, the panel focuses its box. */
  seq: number;
  /** The request the panel last answered. */
  taken: number;
  request(): void;
  /** True once per request: the panel (mounted now or later) focuses its box then. */
  take(): boolean;
}

export const useFindFocus = create<FindFocusState>((set, get) => ({
  seq: 0,
  taken: 0,
  request() {
    set({ seq: get().seq + 1 });
  },
  take() {
    const { seq, taken } = get();
    if (seq === taken) return false;
    set({ taken: seq });
    return true;
  },
}));
