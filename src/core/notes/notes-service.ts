/**
 * Bookmarks and notes (书签、笔记) per dossier, kept in the dossier's folder, and the 阅卷笔录
 * export that cites each of them. Every operation on a dossier runs after the previous one, so two
 * quick saves cannot lose each other.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Lawyer } from '../../shared/contract';
import type { NumberedDocument } from '../../shared/dossier-page-numbers';
import type { DossierDetail, DossierFile } from '../../shared/library';
import { noteInput, type Note, type ReadingNotesExport } from '../../shared/viewer';
import { isImage } from '../library/dossier-files';
import { safeName } from '../library/safe-name';
import { writeIntoDossierFolder } from './dossier-folder';
import type { DossierLookup } from './dossier-lookup';
import { KeyedQueue } from './keyed-queue';
import { sortNotes } from './note-order';
import { readNotes, writeNotes } from './notes-file';
import { buildReadingNotes, type ReadingNotesContext } from './reading-notes';
import { DOCX_MIME, readingNotesDocx } from './reading-notes-docx';
import { readingNotesMarkdown } from './reading-notes-markdown';

export type NoteInput = z.infer<typeof noteInput>;
export type ReadingNotesFormat = 'markdown' | 'docx';

/** Keeps notes.json and the export to a size a viewer and a word processor handle with ease. */
export const MAX_NOTES_PER_DOSSIER = 5000;

const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/** Pages of a file when known: counted PDF pages; an image is one page. */
function knownPages(file: DossierFile): number | null {
  return file.pages ?? (isImage(file.path) ? 1 : null);
}

/** Creation times strictly increase within a dossier, so "then creation" is a stable order. */
function nextTime(notes: readonly Note[]): string {
  const latest = notes.reduce((max, note) => Math.max(max, Date.parse(note.createdAt) || 0), 0);
  return new Date(Math.max(Date.now(), latest + 1)).toISOString();
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `没有这条笔记（${id}）`);
}

function sameBookmark(a: Pick<Note, 'kind' | 'document' | 'page'>, b: Pick<Note, 'kind' | 'document' | 'page'>): boolean {
  return a.kind === 'bookmark' && b.kind === 'bookmark' && a.document === b.document && a.page === b.page;
}

/** What the 阅卷笔录 takes from elsewhere in core: the dossier's 卷宗页码 and who exports it. */
export interface ReadingNotesSources {
  pageNumbers(dossierId: string): Promise<NumberedDocument[]>;
  /** The signed-in lawyer, or null. */
  lawyer(): Promise<Lawyer | null>;
}

export class NotesService {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly lookup: DossierLookup,
    private readonly sources?: ReadingNotesSources,
  ) {}

  /** Notes in dossier order: document, then page, then creation. */
  async list(dossierId: string): Promise<Note[]> {
    return this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      return sortNotes(dossier.files, await readNotes(dossier.folder));
    });
  }

  /**
   * Creates (no id) or updates (id) a note. A second bookmark on the same page is not made: the
   * existing one is returned.
   */
  async save(dossierId: string, input: NoteInput): Promise<Note> {
    const parsed = noteInput.safeParse(input);
    if (!parsed.success) throw new AppError('VALIDATION', `笔记内容不正确：${parsed.error.issues[0]?.message ?? ''}`);
    const given = parsed.data;

    return this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      checkPlace(dossier, given.document, given.page);
      const notes = await readNotes(dossier.folder);
      const now = nextTime(notes);

      if (given.id === undefined) {
        const marks = checkMarks(fieldsOf(given, null));
        const existing = notes.find((other) => sameBookmark(given, other));
        if (existing) return existing;
        if (notes.length >= MAX_NOTES_PER_DOSSIER) throw new AppError('VALIDATION', `每个卷宗最多保存 ${MAX_NOTES_PER_DOSSIER} 条笔记和书签`);
        const created: Note = { id: randomUUID(), kind: given.kind, document: given.document, page: given.page, ...marks, createdAt: now, updatedAt: now };
        await writeNotes(dossier.folder, dossierId, [...notes, created]);
        return created;
      }

      const index = notes.findIndex((other) => other.id === given.id);
      const previous = notes[index];
      if (!previous) throw notFound(given.id);
      const marks = checkMarks(fieldsOf(given, previous));
      if (notes.some((other) => other.id !== given.id && sameBookmark(given, other))) {
        throw new AppError('CONFLICT', '这一页已有书签');
      }
      const updated: Note = {
        id: previous.id,
        kind: given.kind,
        document: given.document,
        page: given.page,
        ...marks,
        createdAt: previous.createdAt,
        updatedAt: now,
      };
      await writeNotes(dossier.folder, dossierId, notes.map((other, i) => (i === index ? updated : other)));
      return updated;
    });
  }

  async remove(dossierId: string, id: string): Promise<void> {
    await this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      const notes = await readNotes(dossier.folder);
      if (!notes.some((note) => note.id === id)) throw notFound(id);
      await writeNotes(dossier.folder, dossierId, notes.filter((note) => note.id !== id));
    });
  }

  /** The 阅卷笔录, saved as `<案件名称>-阅卷笔录.md|.docx` in the dossier's folder and returned. */
  async export(dossierId: string, format: ReadingNotesFormat): Promise<ReadingNotesExport> {
    // Read before the dossier's queue: numbering a dossier may take a while, saves need not wait for it.
    const context: ReadingNotesContext = this.sources
      ? { numbers: await this.sources.pageNumbers(dossierId), lawyer: await this.sources.lawyer().catch(() => null) }
      : {};
    return this.queue.run(dossierId, async () => {
      const dossier = await this.lookup.dossier(dossierId);
      const model = buildReadingNotes(dossier, await readNotes(dossier.folder), new Date(), context);
      const data = format === 'docx' ? await readingNotesDocx(model) : Buffer.from(readingNotesMarkdown(model), 'utf8');
      const fileName = `${safeName(dossier.caseName)}-阅卷笔录.${format === 'docx' ? 'docx' : 'md'}`;
      const path = await writeIntoDossierFolder(dossier.folder, fileName, data);
      return { fileName, path, mimeType: format === 'docx' ? DOCX_MIME : MARKDOWN_MIME, dataBase64: Buffer.from(data).toString('base64') };
    });
  }

  /** Resolves once every operation started so far has finished. */
  async idle(): Promise<void> {
    await this.queue.idle();
  }
}

type MarkFields = Pick<Note, 'kind' | 'text' | 'quote' | 'color' | 'rects' | 'label'>;

/** What the note will say: the input's fields, trimmed; on an update, absent ones kept from before. */
function fieldsOf(input: NoteInput, previous: Note | null): MarkFields {
  const quote = (input.quote ?? previous?.quote)?.trim();
  const label = (input.label ?? previous?.label)?.trim();
  const color = input.color ?? previous?.color;
  const rects = input.rects ?? previous?.rects;
  return { kind: input.kind, text: input.text.trim(), quote: quote || undefined, color, rects, label: label || undefined };
}

/**
 * Each kind carries its own marks: a note needs text and may quote; a highlight needs a quotation
 * and is drawn in a colour (yellow unless chosen); a bookmark has a name and no quotation. Marks a
 * kind does not carry are dropped (a note turned into a bookmark leaves its quotation behind).
 */
function checkMarks(fields: MarkFields): Omit<MarkFields, 'kind'> {
  const { kind, text, quote, color, rects, label } = fields;
  const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  if (kind === 'bookmark') return defined({ text, label });
  if (rects && rects.length > 0 && !quote) throw new AppError('VALIDATION', '标出的位置需要随附引文');
  if (kind === 'highlight') {
    if (!quote) throw new AppError('VALIDATION', '高亮需要选中的文字');
    return defined({ text, quote, color: color ?? 'yellow', rects });
  }
  if (text === '') throw new AppError('VALIDATION', '笔记内容不能为空');
  return defined({ text, quote, rects });
}

/** The note's place must be a file of the dossier and, where its page count is known, a page of it. */
function checkPlace(dossier: DossierDetail, document: string, page: number): void {
  const file = dossier.files.find((candidate) => candidate.path === document);
  if (!file) throw new AppError('VALIDATION', `卷宗中没有这个文件：${document}`);
  const pages = knownPages(file);
  if (pages !== null && page > pages) throw new AppError('VALIDATION', `${document} 只有 ${pages} 页，没有第 ${page} 页`);
}
