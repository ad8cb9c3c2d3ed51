import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import type { DossierDetail } from '../../shared/library';
import type { ReadingPosition } from '../../shared/viewer';
import { fixtureDossier, type FixtureDossier } from '../notes/notes-test-kit';
import { ReadingPositionStore } from './reading-position-store';

const INTERROGATION = '第一卷/03_讯问笔录（第一次）.pdf';
const folders: string[] = [];

async function open(): Promise<FixtureDossier & { store: ReadingPositionStore }> {
  const fixture = await fixtureDossier();
  folders.push(fixture.detail.folder);
  return { ...fixture, store: new ReadingPositionStore(fixture.lookup) };
}

function at(page: number): ReadingPosition {
  return { document: INTERROGATION, page, zoom: 'fit-width', rotation: 0 };
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('ReadingPositionStore', () => {
  it('has nothing for a dossier never read, then remembers where the lawyer was across runs', async () => {
    const { store, lookup, detail } = await open();
    expect(await store.get('d-1')).toBeNull();
    const position: ReadingPosition = { document: INTERROGATION, page: 4, zoom: 1.25, rotation: 90 };
    await store.set('d-1', position);
    expect(await store.get('d-1')).toEqual(position);

    const stored = JSON.parse(await readFile(join(detail.folder, 'reading.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ version: 1, dossierId: 'd-1', position });
    expect(await new ReadingPositionStore(lookup).get('d-1')).toEqual(position);
  });

  it('forgets a damaged position, and one that no longer fits the dossier', async () => {
    const { store, detail } = await open();
    const path = join(detail.folder, 'reading.json');
    await writeFile(path, '{"version":1,"position":');
    expect(await store.get('d-1')).toBeNull();

    await store.set('d-1', at(6));
    expect(await store.get('d-1')).toEqual(at(6));
    // The document now has fewer pages (re-extracted), or is gone.
    detail.files = detail.files.map((file) => (file.path === INTERROGATION ? { ...file, pages: 5 } : file));
    expect(await store.get('d-1')).toBeNull();
    detail.files = detail.files.filter((file) => file.path !== INTERROGATION);
    expect(await store.get('d-1')).toBeNull();
  });

  it('refuses a document the dossier does not have, and a dossier the library does not know', async () => {
    const { store } = await open();
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: AppError) => error.code);
    expect(await codeOf(store.set('d-1', { ...at(1), document: '第九卷/01_无.pdf' }))).toBe('VALIDATION');
    expect(await codeOf(store.set('d-1', { ...at(1), zoom: 40 }))).toBe('VALIDATION');
    expect(await codeOf(store.set('other', at(1)))).toBe('NOT_FOUND');
    expect(await codeOf(store.get('other'))).toBe('NOT_FOUND');
    expect(await store.get('d-1')).toBeNull();
  });

  it('coalesces quick page turns: one write in flight, the last position wins', async () => {
    const fixture = await open();
    const { detail } = fixture;
    // A lookup that holds the first write until released, to see what piles up behind it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let lookups = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const store = new ReadingPositionStore({
      async dossier(id: string): Promise<DossierDetail> {
        lookups += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (lookups === 1) await held;
        inFlight -= 1;
        return fixture.lookup.dossier(id);
      },
    });

    const first = store.set('d-1', at(1));
    await waitFor(() => lookups === 1);
    const turns = [2, 3, 4, 5, 6].map((page) => store.set('d-1', at(page)));
    expect(lookups).toBe(1);
    release();
    await Promise.all([first, ...turns]);

    // The first write, then one write for all the turns made meanwhile.
    expect(lookups).toBe(2);
    expect(maxInFlight).toBe(1);
    const stored = JSON.parse(await readFile(join(detail.folder, 'reading.json'), 'utf8')) as { position: ReadingPosition };
    expect(stored.position).toEqual(at(6));
    expect(await store.get('d-1')).toEqual(at(6));
  });

  it('answers get with a position given a moment ago, before it reached the disk', async () => {
    const { store } = await open();
    void store.set('d-1', at(2));
    void store.set('d-1', at(3));
    expect(await store.get('d-1')).toEqual(at(3));
  });

  it('does not bring back the folder of a dossier removed meanwhile', async () => {
    const { store, detail } = await open();
    await rm(detail.folder, { recursive: true });
    await expect(store.set('d-1', at(1))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(detail.folder)).toBe(false);
  });
});

/** Resolves once `condition` holds (checked on every turn of the event loop). */
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
