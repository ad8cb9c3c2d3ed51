import { create } from 'zustand';
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
import { clampScale, rotateBy, zoomIn, zoomOut, type Rotation, type Size, type Zoom } from './zoom';

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
  rotation: Rotation;
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
  rotate(degrees: 90 | -90): void;
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
  open(dossierId: string): Promise<void>;
  close(): void;
}

/** Open passwords that opened a document, per dossier, for this run of the app only (never on disk). */
const knownPasswords = new Map<string, string>();

let documents: ViewerDocuments | null = null;
let saver: PositionSaver | null = null;
let seq = 0;
/** Documents with pages in the list's render window (kept open). */
let documentsInUse: ReadonlySet<string> = new Set();

/** The open documents of the dossier shown (null when none is). */
export function viewerDocuments(): ViewerDocuments | null {
  return documents;
}

/** The page list tells which documents it shows; the rest may be closed. */
export function setDocumentsInUse(inUse: ReadonlySet<string>): void {
  documentsInUse = inUse;
  documents?.trim();
}

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
  rotation: 0 as Rotation,
  scale: 1,
  pageCounts: {},
  sizes: {},
  failures: {},
} satisfies Partial<ViewerState>;

export const useViewerStore = create<ViewerState>((set, get) => {
  function savePosition(): void {
    const { current, zoom, rotation } = get();
    if (current) saver?.update({ document: current.document, page: current.page, zoom, rotation });
  }

  /**
   * The dossier's 卷内目录, after the tree shows (core opens the volumes' first pages: never in the
   * way of reading). Documents it cannot open stay as their files.
   */
  async function loadContents(dossierId: string): Promise<void> {
    const contents = await api['dossier.contents']({ dossierId }).catch(() => null);
    const { dossier, current, volume } = get();
    if (!contents || contents.length === 0 || get().dossierId !== dossierId || !dossier) return;
    const volumes = buildTree(dossier.files, contents);
    // The document being read may now sit in a volume of its own (第一卷.pdf at the top).
    const index = current ? volumeIndexOf(volumes, current.document) : -1;
    set({ volumes, volume: index === -1 ? Math.min(volume, Math.max(0, volumes.length - 1)) : index });
    // The volume's pages may have changed around it: keep the page being read in view.
    if (current && index !== -1) set({ target: { ...current, seq: ++seq } });
  }

  return {
    ...initial,

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

    clearHighlight() {
      if (get().highlight) set({ highlight: null });
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

    rotate(degrees) {
      set({ rotation: rotateBy(get().rotation, degrees) });
      savePosition();
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
            sizes: state.sizes[document] ? state.sizes : { ...state.sizes, [document]: { base: opened.size, pages: {} } },
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

    retryDocument(document) {
      documents?.gate.allowPrompts();
      const failures = { ...get().failures };
      delete failures[document];
      set({ failures });
      void get().ensureDocument(document);
    },

    async open(dossierId) {
      get().close();
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
      const mySaver = new PositionSaver((position) => api['reading.set']({ dossierId, position }), 800);
      saver = mySaver;
      try {
        const [dossier, position] = await Promise.all([
          api['library.get']({ id: dossierId }),
          api['reading.get']({ dossierId }).catch((): ReadingPosition | null => null),
        ]);
        if (get().dossierId !== dossierId) return;
        const volumes = buildTree(dossier.files);
        mySaver.restored(position);
        const restored = position && volumeIndexOf(volumes, position.document) !== -1 ? position : null;
        const first = volumes[0]?.documents[0];
        set({
          dossier,
          volumes,
          zoom: restored?.zoom ?? 'fit-width',
          rotation: restored?.rotation ?? 0,
        });
        if (restored) get().goTo(restored.document, restored.page);
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
  };
});
