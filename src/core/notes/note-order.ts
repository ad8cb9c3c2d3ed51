import type { DossierFile } from '../../shared/library';
import type { Note } from '../../shared/viewer';

/**
 * Notes in reading order: documents as the dossier lists them (notes on a file the dossier no longer
 * lists come last, by path), then page, then when they were created.
 */
export function sortNotes(files: readonly Pick<DossierFile, 'path'>[], notes: readonly Note[]): Note[] {
  const order = new Map(files.map((file, index) => [file.path, index]));
  const rank = (note: Note) => order.get(note.document) ?? files.length;
  return [...notes].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === files.length ? a.document.localeCompare(b.document) : 0) ||
      a.page - b.page ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}
