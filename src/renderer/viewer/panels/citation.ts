/** Where notes sit in the dossier: the volume of a file, and notes in reading order. (Citations: src/shared/citation.ts.) */
import type { DossierFile } from '../../../shared/library';
import type { Note } from '../../../shared/viewer';

/** The volume a dossier file sits in; null when it is at the top or no longer listed. */
export function volumeOf(files: readonly DossierFile[] | undefined, document: string): string | null {
  return files?.find((file) => file.path === document)?.volume ?? null;
}

/**
 * Notes in reading order: by the document's place in the dossier, then page, then when they were
 * written. Documents no longer in the dossier go last, by path.
 */
export function sortNotes(notes: readonly Note[], files: readonly DossierFile[] | undefined): Note[] {
  const order = new Map((files ?? []).map((file, index) => [file.path, index]));
  const rank = (note: Note) => order.get(note.document) ?? Number.MAX_SAFE_INTEGER;
  return [...notes].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === Number.MAX_SAFE_INTEGER ? a.document.localeCompare(b.document) : 0) ||
      a.page - b.page ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
