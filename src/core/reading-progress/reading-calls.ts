/** Where the lawyer stopped reading and which pages they have seen: the contract's reading calls. */
import type { CallsUnder } from '../calls/call-group';
import type { ReadingPositionStore } from '../reading-position';
import type { ReadingProgressStore } from './reading-progress-store';

export function readingCalls(position: ReadingPositionStore, progress: ReadingProgressStore): CallsUnder<'reading'> {
  return {
    'reading.get': async ({ dossierId }) => position.get(dossierId),
    'reading.set': async ({ dossierId, position: at }) => {
      await position.set(dossierId, at);
      return null;
    },
    'reading.progress': async ({ dossierId }) => progress.progress(dossierId),
    'reading.markSeen': async ({ dossierId, document, pages }) => progress.markSeen(dossierId, document, pages),
  };
}
