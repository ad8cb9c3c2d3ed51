/** 笔记 and 阅卷笔录: the contract's notes calls. */
import type { CallsUnder } from '../calls/call-group';
import type { NotesService } from './notes-service';

export function noteCalls(notes: NotesService): CallsUnder<'notes'> {
  return {
    'notes.list': async ({ dossierId }) => notes.list(dossierId),
    'notes.save': async ({ dossierId, note }) => notes.save(dossierId, note),
    'notes.remove': async ({ dossierId, id }) => {
      await notes.remove(dossierId, id);
      return null;
    },
    'notes.export': async ({ dossierId, format }) => notes.export(dossierId, format),
  };
}
