/**
 * The open dossier's bookmarks, notes and highlights, shared by the 笔记 panel, the marks drawn on
 * the pages and the bookmarks in 目录; also the note being written and the note picked on a page.
 * One list per window (not per pane): both panes of a dossier show the same marks.
 */
import { create } from 'zustand';
import type { MarkColor, MarkRect, Note, NoteKind } from '../../../shared/viewer';
import { api } from '../../transport';

/** A note being written: new (no id), perhaps quoting a selection, or an existing one being edited. */
export interface NoteDraft {
  id?: string;
  kind: NoteKind;
  document: string;
  page: number;
  text: string;
  quote?: string;
  rects?: MarkRect[];
  color?: MarkColor;
  label?: string;
}

interface NotesState {
  dossierId: string | null;
  notes: Note[];
  loading: boolean;
  error: unknown;
  /** The form open in 笔记, for this dossier. */
  draft: NoteDraft | null;
  /** The note picked (a click on its highlight): marked and scrolled to in 笔记. */
  selectedId: string | null;
  /** Counts requests to bring the 笔记 panel into view (a quoted note started, a highlight clicked). */
  reveal: number;

  load(dossierId: string): Promise<void>;
  reload(): Promise<void>;
  /** Saves and refreshes the list; errors are the caller's to report. */
  save(note: NoteDraft): Promise<Note>;
  remove(id: string): Promise<void>;
  setDraft(draft: NoteDraft | null, options?: { reveal?: boolean }): void;
  select(id: string | null, options?: { reveal?: boolean }): void;
  clear(): void;
}

const initial = { dossierId: null, notes: [], loading: false, error: null, draft: null, selectedId: null, reveal: 0 };

export const useNotesStore = create<NotesState>((set, get) => {
  let ticket = 0;
  return {
    ...initial,

    async load(dossierId) {
      if (get().dossierId !== dossierId) set({ ...initial, dossierId, reveal: get().reveal });
      const mine = ++ticket;
      set({ loading: true });
      try {
        const notes = await api['notes.list']({ dossierId });
        if (mine === ticket && get().dossierId === dossierId) set({ notes, error: null });
      } catch (error) {
        if (mine === ticket && get().dossierId === dossierId) set({ error });
      } finally {
        if (mine === ticket) set({ loading: false });
      }
    },

    async reload() {
      const { dossierId } = get();
      if (dossierId) await get().load(dossierId);
    },

    async save(note) {
      const { dossierId } = get();
      if (!dossierId) throw new Error('no dossier open');
      const saved = await api['notes.save']({ dossierId, note });
      await get().reload();
      return saved;
    },

    async remove(id) {
      const { dossierId } = get();
      if (!dossierId) return;
      await api['notes.remove']({ dossierId, id });
      const { draft, selectedId } = get();
      set({ draft: draft?.id === id ? null : draft, selectedId: selectedId === id ? null : selectedId });
      await get().reload();
    },

    setDraft(draft, options) {
      set({ draft, ...(options?.reveal ? { reveal: get().reveal + 1 } : {}) });
    },

    select(id, options) {
      set({ selectedId: id, ...(options?.reveal ? { reveal: get().reveal + 1 } : {}) });
    },

    clear() {
      ticket += 1;
      set({ ...initial, reveal: get().reveal });
    },
  };
});

/** The marks drawn on a page: highlights, and notes that quote it, with their place. */
export function marksOn(notes: readonly Note[], document: string, page: number): Note[] {
  return notes.filter((note) => note.document === document && note.page === page && note.kind !== 'bookmark' && (note.rects?.length ?? 0) > 0);
}
