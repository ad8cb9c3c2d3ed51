import { create } from 'zustand';
import type { Session } from '../../shared/contract';
import { api } from '../transport';

interface SessionState {
  /** null until the first answer from core. */
  session: Session | null;
  loadError: unknown;
  load(): Promise<void>;
  set(session: Session): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  session: null,
  loadError: null,
  async load() {
    try {
      set({ session: await api['auth.session']({}), loadError: null });
    } catch (error) {
      set({ loadError: error });
    }
  },
  set(session) {
    set({ session, loadError: null });
  },
}));
