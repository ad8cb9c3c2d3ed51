import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { api } from '../transport';

interface AppInfoState {
  info: AppInfo | null;
  loadError: unknown;
  load(): Promise<void>;
}

export const useAppInfoStore = create<AppInfoState>((set) => ({
  info: null,
  loadError: null,
  async load() {
    try {
      set({ info: await api['app.info']({}), loadError: null });
    } catch (error) {
      set({ loadError: error });
    }
  },
}));
