/** Bookmarks and notes per dossier (notes.json in the dossier's folder) and the 阅卷笔录 export. */
export { NotesService, MAX_NOTES_PER_DOSSIER, type NoteInput, type ReadingNotesFormat, type ReadingNotesSources } from './notes-service';
export type { DossierLookup } from './dossier-lookup';
export { writeIntoDossierFolder } from './dossier-folder';
