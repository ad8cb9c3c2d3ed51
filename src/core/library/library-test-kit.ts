/** Helpers for the library's tests: libraries on temp folders that trash into a temp 'trash' folder. */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { DossierPasswordStore } from '../dossier-passwords';
import { EventHub } from '../events/event-hub';
import { MemorySecretStore, type SecretStore } from '../secrets';
import { LibraryService, type LibraryOptions } from './library-service';

export interface TestLibrary {
  library: LibraryService;
  root: string;
  dataDir: string;
  /** The managed folder the library returns from folder() (changeable). */
  folder: { current: string };
  trashDir: string;
  passwords: DossierPasswordStore;
  events: EventHub;
  /** Ids of every library.changed so far. */
  changes: string[];
  /** A fresh library on the same folders, secrets and events (as after a restart); the old one closed. */
  reopen(extra?: Partial<LibraryOptions>): Promise<LibraryService>;
}

const opened: { library: LibraryService; root: string }[] = [];

export async function openTestLibrary(options: { secrets?: SecretStore; load?: boolean } = {}): Promise<TestLibrary> {
  const root = await mkdtemp(join(tmpdir(), 'library-test-'));
  const dataDir = join(root, 'data');
  const folder = { current: join(root, '卷宗台') };
  const trashDir = join(root, 'trash');
  await mkdir(trashDir, { recursive: true });
  const passwords = new DossierPasswordStore(options.secrets ?? new MemorySecretStore());
  const events = new EventHub();
  const changes: string[] = [];
  events.on('library.changed', ({ id }) => changes.push(id));
  let trashed = 0;
  const make = (extra: Partial<LibraryOptions> = {}) =>
    new LibraryService({
      dataDir,
      folder: () => folder.current,
      passwords,
      events,
      trashItem: async (path) => {
        trashed += 1;
        await rename(path, join(trashDir, `${trashed}-${basename(path)}`));
      },
      revealItem: async () => undefined,
      ...extra,
    });
  const kit: TestLibrary = {
    library: make(),
    root,
    dataDir,
    folder,
    trashDir,
    passwords,
    events,
    changes,
    async reopen(extra) {
      await kit.library.close();
      kit.library = make(extra);
      opened.push({ library: kit.library, root });
      await kit.library.load();
      return kit.library;
    },
  };
  opened.push({ library: kit.library, root });
  if (options.load !== false) await kit.library.load();
  return kit;
}

/** Closes every library opened by openTestLibrary and removes its folders. */
export async function closeTestLibraries(): Promise<void> {
  const all = opened.splice(0);
  await Promise.all(all.map(({ library }) => library.close()));
  await Promise.all([...new Set(all.map(({ root }) => root))].map((root) => rm(root, { recursive: true, force: true })));
}

/** A PDF of `pages` pages, encrypted with AES-256 when a user password is given. */
export async function makePdf(pages: number, userPassword?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawText(`page ${i + 1}`, { x: 20, y: 100 });
  if (userPassword) doc.encrypt({ userPassword, ownerPassword: `${userPassword}-owner`, algorithm: 'AES-256' });
  return doc.save({ useObjectStreams: false });
}

/** A tiny valid PNG (1×1). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
