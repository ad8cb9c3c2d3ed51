import { create } from 'zustand';
import type { Locale, Settings } from '../../shared/contract';
import { defaultLocale, i18n } from '../i18n';
import { api } from '../transport';
import { useAppInfoStore } from './app-info-store';

interface SettingsState {
  settings: Settings;
  load(): Promise<void>;
  /** Switches the UI at once and persists the choice through core. */
  setLocale(locale: Locale): Promise<void>;
  /** The managed folder (null: the default); app.info then names the folder in use. */
  setLibraryFolder(folder: string | null): Promise<void>;
}

function apply(settings: Settings): void {
  void i18n.changeLanguage(settings.locale);
  document.documentElement.lang = settings.locale;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: { locale: defaultLocale, libraryFolder: null, watermark: true },
  async load() {
    const settings = await api['settings.get']({});
    apply(settings);
    set({ settings });
  },
  async setLocale(locale) {
    const previous = get().settings;
    apply({ ...previous, locale });
    set({ settings: { ...previous, locale } });
    try {
      const saved = await api['settings.update']({ locale });
      apply(saved);
      set({ settings: saved });
    } catch (error) {
      apply(previous);
      set({ settings: previous });
      throw error;
    }
  },
  async setLibraryFolder(libraryFolder) {
    const saved = await api['settings.update']({ libraryFolder });
    set({ settings: saved });
    await useAppInfoStore.getState().load();
  },
}));
