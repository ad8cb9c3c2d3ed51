import { create } from 'zustand';
import type { StoreApi } from 'zustand';
import { createViewerStore, mainViewer, type ViewerState } from './viewer-store';

interface SplitState {
  /** The second pane, when two documents are read side by side. */
  beside: StoreApi<ViewerState> | null;
  /** The pane the keys act on: the one last clicked or scrolled. */
  active: StoreApi<ViewerState>;
  /** Opens a document of the dossier in the second pane (creating it), its own position and zoom. */
  openBeside(dossierId: string, document: string): void;
  closeBeside(): void;
  activate(pane: StoreApi<ViewerState>): void;
}

export const useSplitStore = create<SplitState>((set, get) => ({
  beside: null,
  active: mainViewer,

  openBeside(dossierId, document) {
    const pane = get().beside ?? createViewerStore();
    set({ beside: pane, active: pane });
    void pane.getState().open(dossierId, { document, remember: false });
  },

  closeBeside() {
    get().beside?.getState().close();
    set({ beside: null, active: mainViewer });
  },

  activate(pane) {
    if (get().active !== pane) set({ active: pane });
  },
}));
