/**
 * `<dossier folder>/notes.json`: the notes of one dossier, beside the dossier they belong to, so
 * they travel with its folder. A file that cannot be read as notes is kept aside, never overwritten.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { MARK_COLORS, MAX_BOOKMARK_LABEL, MAX_MARK_RECTS, MAX_QUOTE, markRect, type Note } from '../../shared/viewer';
import { writeIntoDossierFolder } from './dossier-folder';

export const NOTES_FILE = 'notes.json';
/** 2 added highlights, quotations, colours, rectangles and bookmark names; version 1 files read as before. */
const VERSION = 2;

const storedNote = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['bookmark', 'note', 'highlight']),
  document: z.string().min(1).max(1024),
  page: z.number().int().min(1).max(100_000),
  text: z.string().max(10_000),
  quote: z.string().max(MAX_QUOTE).optional(),
  color: z.enum(MARK_COLORS).optional(),
  rects: z.array(markRect).max(MAX_MARK_RECTS).optional(),
  label: z.string().max(MAX_BOOKMARK_LABEL).optional(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
});

const notesFile = z.object({
  version: z.union([z.literal(1), z.literal(VERSION)]),
  dossierId: z.string(),
  notes: z.array(storedNote),
});

/**
 * Version 1 kept a bookmark's name in its text (edited with the note form): it becomes the label
 * when it fits one, so the name shows and is exported as a name.
 */
function upgrade(note: z.infer<typeof storedNote>): Note {
  if (note.kind !== 'bookmark' || note.label !== undefined) return note;
  const name = note.text.trim();
  if (name === '' || name.length > MAX_BOOKMARK_LABEL || /[\r\n]/.test(name)) return note;
  return { ...note, label: name, text: '' };
}

/** A name for the damaged copy that sorts by time and is valid on every OS (no colons). */
function damagedName(): string {
  return `${NOTES_FILE}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * The notes stored in `folder`; none when there is no file yet. A damaged file (not JSON, or not
 * notes of this version) is renamed to notes.json.damaged-<time> and the list starts empty.
 */
export async function readNotes(folder: string): Promise<Note[]> {
  const path = join(folder, NOTES_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('INTERNAL', `无法读取笔记文件：${(error as Error).message}`);
  }
  let parsed: z.infer<typeof notesFile> | null = null;
  try {
    const result = notesFile.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // Not JSON: handled as damaged below.
  }
  if (parsed) return parsed.notes.map(upgrade);

  const aside = join(folder, damagedName());
  try {
    await rename(path, aside);
  } catch (error) {
    // Carrying on would overwrite the only copy.
    throw new AppError('INTERNAL', `笔记文件已损坏且无法另存：${(error as Error).message}`);
  }
  console.warn(`Damaged notes file kept aside as ${aside}`);
  return [];
}

export async function writeNotes(folder: string, dossierId: string, notes: Note[]): Promise<void> {
  const data: z.infer<typeof notesFile> = { version: VERSION, dossierId, notes };
  await writeIntoDossierFolder(folder, NOTES_FILE, `${JSON.stringify(data, null, 2)}\n`);
}
