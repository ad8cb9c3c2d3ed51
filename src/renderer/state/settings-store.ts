import { create } from 'zustand';
import { DEFAULT_SETTINGS, VIEWER_SIDE_WIDTH, type Locale, type Settings } from '../../shared/contract';
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
  /** The viewer's side panel width, kept for the next time (clamped to what settings allow). */
  setViewerSideWidth(width: number): Promise<void>;
  /** The side menu folded or not, kept for the next time. */
  setSideNavCollapsed(collapsed: boolean): Promise<void>;
  /** Saves other settings (门户网站, 下载文件夹); app.info, which reflects some of them, is read again. */
  update(change: Omit<Partial<Settings>, 'locale' | 'libraryFolder'>): Promise<void>;
}

function apply(settings: Settings): void {
  void i18n.changeLanguage(settings.locale);
  document.documentElement.lang = settings.locale;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: { ...DEFAULT_SETTINGS, locale: defaultLocale },
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
  async setViewerSideWidth(width) {
    const viewerSideWidth = Math.round(Math.min(VIEWER_SIDE_WIDTH.max, Math.max(VIEWER_SIDE_WIDTH.min, width)));
    const previous = get().settings;
    if (previous.viewerSideWidth === viewerSideWidth) return;
    set({ settings: { ...previous, viewerSideWidth } });
    try {
      set({ settings: await api['settings.update']({ viewerSideWidth }) });
    } catch (error) {
      set({ settings: previous });
      throw error;
    }
  },
  async update(change) {
    set({ settings: await api['settings.update'](change) });
    await useAppInfoStore.getState().load();
  },
  async setSideNavCollapsed(sideNavCollapsed) {
    const previous = get().settings;
    set({ settings: { ...previous, sideNavCollapsed } });
    try {
      set({ settings: await api['settings.update']({ sideNavCollapsed }) });
    } catch (error) {
      set({ settings: previous });
      throw error;
    }
  },
}));
