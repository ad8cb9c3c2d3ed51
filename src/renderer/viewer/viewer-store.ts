import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { DossierDetail } from '../../shared/library';
import type { ReadingPosition } from '../../shared/viewer';
import { api } from '../transport';
import { documentTitle } from '../../shared/document-title';
import { volumeSlots, type PageSlot } from './page-layout';
import { buildTree, volumeIndexOf, type TreeVolume } from './dossier-tree';
import { PasswordGate } from './password-gate';
import { usePasswordPrompt } from './password-prompt';
import { PositionSaver } from './position-saver';
import { DocumentFailure, ViewerDocuments, type FailureReason } from './viewer-documents';
import { pageKey, rotatePage, type PageRotations } from './page-rotations';
import { clampScale, zoomIn, zoomOut, type Rotation, type Size, type Zoom } from './zoom';

export interface PageRef {
  document: string;
  /** 1-based. */
  page: number;
}

/** A document's page sizes in points (as shown unrotated): one for all pages, and those that differ. */
export interface DocumentSizes {
  base: Size;
  pages: Record<number, Size>;
}

export interface ViewerState {
  dossierId: string | null;
  /** From library.get. */
  dossier: DossierDetail | null;
  loadError: unknown;
  /** Volumes → documents, in reading order. */
  volumes: TreeVolume[];
  /** The volume shown (index into volumes). */
  volume: number;
  /** The page most in view. */
  current: PageRef | null;
  /** Occurrences of `query` on that page are marked in its text layer. */
  /** Find's term on one page; `occurrence` (0-based) is the hit chosen among the page's matches. */
  highlight: (PageRef & { query: string; occurrence: number }) | null;
  /** A request to the page list to scroll a page into view (seq tells repeated requests apart). */
  target: (PageRef & { seq: number }) | null;
  zoom: Zoom;
  /** Pages turned by the lawyer (a scan lying sideways), by pageKey; the others stand as printed. */
  pageRotations: PageRotations;
  /** The scale the zoom means for the current page and window (fit modes), as the list measured it. */
  scale: number;
  /** Pages per document once opened (the library's count until then). */
  pageCounts: Record<string, number>;
  sizes: Record<string, DocumentSizes>;
  /** Documents that could not be opened, and why. */
  failures: Record<string, FailureReason>;

  goTo(document: string, page: number, options?: { highlight?: string; occurrence?: number }): void;
  /** Takes find's marks off the page (a new search, or the box cleared). */
  clearHighlight(): void;
  /** 讯问笔录（第一次） from 第一卷/03_讯问笔录（第一次）.pdf */
  documentTitle(document: string): string;
  showVolume(index: number): void;
  setCurrent(current: PageRef): void;
  setZoom(zoom: Zoom): void;
  /** Ctrl + / Ctrl −: the next preset from the scale shown. */
  zoomStep(direction: 1 | -1): void;
  /** Turns one page (the current one when none is named) by a quarter. */
  rotate(degrees: 90 | -90, ref?: PageRef): void;
  /** How a page is turned (0 when it stands as printed). */
  rotationOf(document: string, page: number): Rotation;
  /** The next or previous page of the volume (crossing into the next document). */
  step(delta: 1 | -1): void;
  /** Home / End: the first or last page of the volume. */
  goToEdge(edge: 'first' | 'last'): void;
  /** The pages of the volume shown, in order. */
  slots(): PageSlot[];
  setScale(scale: number): void;
  /** Opens a document of the dossier (lazily, once) and records its pages, size or failure. */
  ensureDocument(document: string): Promise<void>;
  pageSized(document: string, page: number, size: Size): void;
  /** After a declined or failed password: ask again for this document. */
  retryDocument(document: string): void;
  /** Reads the 卷内目录 again (文字识别 has read the scanned 目录 pages); true when the tree changed. */
  reloadContents(): Promise<boolean>;
  open(dossierId: string, options?: OpenOptions): Promise<void>;
  close(): void;
  /** The pane's open documents (null while no dossier is shown). */
  documents(): ViewerDocuments | null;
  /** The page list tells which documents it shows; the rest may be closed. */
  setDocumentsInUse(inUse: ReadonlySet<string>): void;
}

export interface OpenOptions {
  /** Start at this document's first page instead of where the lawyer last was. */
  document?: string;
  /** Keep the reading position (the main pane does; a second pane beside it does not). */
  remember?: boolean;
}

/** Open passwords that opened a document, per dossier, for this run of the app only (never on disk). */
const knownPasswords = new Map<string, string>();

const initial = {
  dossierId: null,
  dossier: null,
  loadError: null,
  volumes: [],
  volume: 0,
  current: null,
  highlight: null,
  target: null,
  zoom: 'fit-width' as Zoom,
  pageRotations: {} as PageRotations,
  scale: 1,
  pageCounts: {},
  sizes: {},
  failures: {},
} satisfies Partial<ViewerState>;

/**
 * One reading pane's state: the main pane, and a second one when two documents are read side by
 * side. Each pane has its own documents, position, zoom, rotations and find marks.
 */
export function createViewerStore(): StoreApi<ViewerState> {
  return createStore<ViewerState>((set, get) => {
    let documents: ViewerDocuments | null = null;
    let saver: PositionSaver | null = null;
    let seq = 0;
    /** Documents with pages in the list's render window (kept open). */
    let documentsInUse: ReadonlySet<string> = new Set();

    function savePosition(): void {
      const { current, zoom, pageRotations } = get();
      if (current) saver?.update({ document: current.document, page: current.page, zoom, rotation: 0, pageRotations });
    }

    /**
     * The dossier's 卷内目录, after the tree shows (core opens the volumes' first pages: never in the
     * way of reading). Documents it cannot open stay as their files.
     */
    async function loadContents(dossierId: string, onlyIfChanged = false): Promise<boolean> {
      const contents = await api['dossier.contents']({ dossierId }).catch(() => null);
      const { dossier, current, volume } = get();
      if (!contents || contents.length === 0 || get().dossierId !== dossierId || !dossier) return false;
      const volumes = buildTree(dossier.files, contents);
      // Read again after 文字识别 with nothing new: the view stays as it is. (After a password the
      // tree is set anyway: a new tree is what has the 卷宗页码 read again.)
      if (onlyIfChanged && JSON.stringify(volumes) === JSON.stringify(get().volumes)) return false;
      // The document being read may now sit in a volume of its own (第一卷.pdf at the top).
      const index = current ? volumeIndexOf(volumes, current.document) : -1;
      set({ volumes, volume: index === -1 ? Math.min(volume, Math.max(0, volumes.length - 1)) : index });
      // The volume's pages may have changed around it: keep the page being read in view.
      if (current && index !== -1) set({ target: { ...current, seq: ++seq } });
      return true;
    }

    return {
      ...initial,

      clearHighlight() {
        if (get().highlight) set({ highlight: null });
      },

      goTo(document, page, options) {
        const { volumes } = get();
        const index = volumeIndexOf(volumes, document);
        if (index === -1) return;
        const target = { document, page: Math.max(1, Math.floor(page)), seq: ++seq };
        set({
          volume: index,
          target,
          current: { document, page: target.page },
          highlight: options?.highlight
            ? { document, page: target.page, query: options.highlight, occurrence: options.occurrence ?? 0 }
            : null,
        });
        savePosition();
      },

      documentTitle,

      showVolume(index) {
        const entry = get().volumes[index]?.documents[0];
        if (entry) get().goTo(entry.path, 1);
      },

      setCurrent(current) {
        const previous = get().current;
        if (previous && previous.document === current.document && previous.page === current.page) return;
        set({ current });
        savePosition();
      },

      setZoom(zoom) {
        set({ zoom: typeof zoom === 'number' ? clampScale(zoom) : zoom });
        savePosition();
      },

      zoomStep(direction) {
        const { scale } = get();
        get().setZoom(direction === 1 ? zoomIn(scale) : zoomOut(scale));
      },

      rotate(degrees, ref) {
        const page = ref ?? get().current;
        if (!page) return;
        set({ pageRotations: rotatePage(get().pageRotations, page.document, page.page, degrees) });
        // A page turned is a deliberate act, not scrolling: kept at once.
        savePosition();
        saver?.flush();
      },

      rotationOf(document, page) {
        return get().pageRotations[pageKey(document, page)] ?? 0;
      },

      slots() {
        const { volumes, volume, pageCounts } = get();
        const entries = volumes[volume]?.documents ?? [];
        return volumeSlots(entries.map((entry) => ({ path: entry.path, pages: pageCounts[entry.path] ?? entry.pages })));
      },

      step(delta) {
        const { current } = get();
        const slots = get().slots();
        const at = current ? slots.findIndex((slot) => slot.document === current.document && slot.page === current.page) : -1;
        const next = slots[Math.min(slots.length - 1, Math.max(0, at + delta))];
        if (next) get().goTo(next.document, next.page);
      },

      goToEdge(edge) {
        const slots = get().slots();
        const slot = edge === 'first' ? slots[0] : slots[slots.length - 1];
        if (!slot) return;
        if (edge === 'first' || get().pageCounts[slot.document] !== undefined) {
          get().goTo(slot.document, slot.page);
          return;
        }
        // The last document's length is known once it is open: then its last page.
        void get()
          .ensureDocument(slot.document)
          .then(() => get().goTo(slot.document, get().pageCounts[slot.document] ?? 1));
      },

      setScale(scale) {
        if (Math.abs(scale - get().scale) > 0.0005) set({ scale });
      },

      async ensureDocument(document) {
        const docs = documents;
        if (!docs || get().failures[document]) return;
        try {
          const opened = await docs.open(document);
          if (documents !== docs) return;
          const state = get();
          if (state.pageCounts[document] !== opened.pages || !state.sizes[document]) {
            set({
              pageCounts: { ...state.pageCounts, [document]: opened.pages },
              // A TIFF's pages are all measured when it opens; a PDF's as they are painted.
              sizes: state.sizes[document]
                ? state.sizes
                : { ...state.sizes, [document]: { base: opened.size, pages: opened.kind === 'tiff' ? opened.pageSizes : {} } },
            });
          }
        } catch (error) {
          if (documents !== docs) return;
          const reason: FailureReason = error instanceof DocumentFailure ? error.reason : 'damaged';
          set({ failures: { ...get().failures, [document]: reason } });
        }
      },

      pageSized(document, page, size) {
        const sizes = get().sizes[document];
        if (!sizes) return;
        const known = sizes.pages[page] ?? sizes.base;
        if (Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5) return;
        set({ sizes: { ...get().sizes, [document]: { base: sizes.base, pages: { ...sizes.pages, [page]: size } } } });
      },

      async reloadContents() {
        const { dossierId, dossier } = get();
        return dossierId && dossier ? loadContents(dossierId, true) : false;
      },

      retryDocument(document) {
        documents?.gate.allowPrompts();
        const failures = { ...get().failures };
        delete failures[document];
        set({ failures });
        void get().ensureDocument(document);
      },

      async open(dossierId, options = {}) {
        get().close();
        const remember = options.remember ?? true;
        set({ dossierId });
        const gate = new PasswordGate(
          {
            stored: async () => (await api['library.passwords']({ id: dossierId })).open,
            prompt: (request) => usePasswordPrompt.getState().ask(request),
            settled: () => usePasswordPrompt.getState().close(),
            // With the password core can read the 目录 pages it could not open before.
            remember: (password) =>
              api['library.rememberOpenPassword']({ id: dossierId, password }).then(() => {
                void loadContents(dossierId);
              }),
            onKnown: (password) => knownPasswords.set(dossierId, password),
          },
          knownPasswords.get(dossierId) ?? null,
        );
        documents = new ViewerDocuments(dossierId, gate, () => documentsInUse);
        const mySaver = remember ? new PositionSaver((position) => api['reading.set']({ dossierId, position }), 800) : null;
        saver = mySaver;
        try {
          const [dossier, position] = await Promise.all([
            api['library.get']({ id: dossierId }),
            // A pane beside the main one opens where it is asked, but turns pages as the lawyer turned them.
            api['reading.get']({ dossierId }).catch((): ReadingPosition | null => null),
          ]);
          if (get().dossierId !== dossierId) return;
          const volumes = buildTree(dossier.files);
          mySaver?.restored(position);
          const asked = options.document && volumeIndexOf(volumes, options.document) !== -1 ? { document: options.document, page: 1 } : null;
          const restored = !asked && position && volumeIndexOf(volumes, position.document) !== -1 ? position : null;
          const first = volumes[0]?.documents[0];
          set({
            dossier,
            volumes,
            zoom: restored?.zoom ?? 'fit-width',
            pageRotations: position?.pageRotations ?? {},
          });
          if (asked) get().goTo(asked.document, asked.page);
          else if (restored) get().goTo(restored.document, restored.page);
          else if (first) get().goTo(first.path, 1);
          void loadContents(dossierId);
        } catch (error) {
          if (get().dossierId === dossierId) set({ loadError: error });
        }
      },

      close() {
        saver?.flush();
        saver = null;
        documents?.close();
        documents = null;
        documentsInUse = new Set();
        usePasswordPrompt.getState().close();
        set({ ...initial });
      },

      documents() {
        return documents;
      },

      setDocumentsInUse(inUse) {
        documentsInUse = inUse;
        documents?.trim();
      },
    };
  });
}

/** The main reading pane. */
export const mainViewer = createViewerStore();

/** The pane the components below it read and act on (the main one unless a provider says otherwise). */
export const ViewerPaneContext = createContext<StoreApi<ViewerState>>(mainViewer);

/** The store of the pane this component is in. */
export function useViewerPane(): StoreApi<ViewerState> {
  return useContext(ViewerPaneContext);
}

/** A slice of the state of the pane this component is in. */
export function useViewerStore<T>(selector: (state: ViewerState) => T): T {
  return useStore(useContext(ViewerPaneContext), selector);
}
/** The main pane's state, outside React (keys, panels that act on the main pane). */
useViewerStore.getState = (): ViewerState => mainViewer.getState();

/** The main pane's open documents (null when no dossier is shown). */
export function viewerDocuments(): ViewerDocuments | null {
  return mainViewer.getState().documents();
}
