/**
 * Where the lawyer was in each dossier (document, page, zoom, rotation), kept in
 * `<dossier folder>/reading.json`. The viewer may report every page turn: writes are coalesced so at
 * most one is in flight per dossier and the last position given is the one that lands.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { DossierDetail } from '../../shared/library';
import { readingPositionSchema, type ReadingPosition } from '../../shared/viewer';
import { writeIntoDossierFolder, type DossierLookup } from '../notes';

export const READING_FILE = 'reading.json';
const VERSION = 1;

const readingFile = z.object({
  version: z.literal(VERSION),
  dossierId: z.string(),
  position: readingPositionSchema,
  savedAt: z.string(),
});

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Slot {
  /** The position still to write (the latest given), if any. */
  next: ReadingPosition | null;
  waiters: Waiter[];
  /** The promise of the drain loop while one runs. */
  draining: Promise<void> | null;
}

/** A position that no longer fits the dossier (its document gone, or fewer pages now) is stale. */
function fits(dossier: DossierDetail, position: ReadingPosition): boolean {
  const file = dossier.files.find((candidate) => candidate.path === position.document);
  return file !== undefined && (file.pages === null || position.page <= file.pages);
}

export class ReadingPositionStore {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly lookup: DossierLookup) {}

  /** The remembered position, or null when there is none, or it is damaged or stale. */
  async get(dossierId: string): Promise<ReadingPosition | null> {
    // A position given a moment ago is the answer, even before it reached the disk.
    await this.slots.get(dossierId)?.draining?.catch(() => undefined);
    const dossier = await this.lookup.dossier(dossierId);
    let text: string;
    try {
      text = await readFile(join(dossier.folder, READING_FILE), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = readingFile.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.dossierId !== dossierId) return null;
      return fits(dossier, parsed.data.position) ? parsed.data.position : null;
    } catch {
      return null;
    }
  }

  /**
   * Remembers `position`. Resolves once it (or a later position given meanwhile) is on disk; a
   * position replaced before its turn is never written.
   */
  set(dossierId: string, position: ReadingPosition): Promise<void> {
    const parsed = readingPositionSchema.safeParse(position);
    if (!parsed.success) return Promise.reject(new AppError('VALIDATION', `阅读位置不正确：${parsed.error.issues[0]?.message ?? ''}`));
    let slot = this.slots.get(dossierId);
    if (!slot) {
      slot = { next: null, waiters: [], draining: null };
      this.slots.set(dossierId, slot);
    }
    slot.next = parsed.data;
    const done = new Promise<void>((resolve, reject) => slot.waiters.push({ resolve, reject }));
    if (!slot.draining) slot.draining = this.drain(dossierId, slot);
    return done;
  }

  /** Resolves once every position given so far has been written (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.slots.values()].map((slot) => slot.draining));
  }

  private async drain(dossierId: string, slot: Slot): Promise<void> {
    // Let the calls of this same tick coalesce into the first write.
    await Promise.resolve();
    while (slot.next) {
      const position = slot.next;
      const waiters = slot.waiters;
      slot.next = null;
      slot.waiters = [];
      try {
        await this.write(dossierId, position);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.slots.delete(dossierId);
  }

  private async write(dossierId: string, position: ReadingPosition): Promise<void> {
    const dossier = await this.lookup.dossier(dossierId);
    if (!dossier.files.some((file) => file.path === position.document)) {
      throw new AppError('VALIDATION', `卷宗中没有这个文件：${position.document}`);
    }
    const data: z.infer<typeof readingFile> = { version: VERSION, dossierId, position, savedAt: new Date().toISOString() };
    await writeIntoDossierFolder(dossier.folder, READING_FILE, `${JSON.stringify(data, null, 2)}\n`);
  }
}
