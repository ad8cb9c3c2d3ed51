// Streamed search over a generated dossier (AES-256 PDFs): every hit arrives, in order, in batches as
// documents are read; a cancelled or superseded search sends nothing more.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierFile, type DossierSpec } from '../../mock-portal/dossier';
import type { FindProgress } from '../../shared/viewer';
import { extractArchive } from '../archives';
import { DossierSearch, type FindBatch, type SearchableDossier } from './dossier-search';
import { FindStreams } from './find-streams';

const PASSWORD = 'Kd7391';
const SPEC: DossierSpec = {
  seed: 'find-streams',
  caseName: '赵某某涉嫌盗窃案',
  unitName: '重庆市涪陵区人民检察院',
  suspects: ['赵某某'],
  pages: 120,
  format: 'zip',
  openPassword: PASSWORD,
};
const TERM = '赵某某';

let work: string;
let dossier: SearchableDossier;
let pdfs: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'find-streams-'));
  const archive = join(work, 'dossier.zip');
  await writeDossierFile(SPEC, archive);
  const extracted = await extractArchive(archive, join(work, 'dossier'));
  dossier = { id: 'stream', folder: extracted.destDir, files: extracted.files };
  pdfs = dossier.files.filter((file) => file.path.endsWith('.pdf')).map((file) => file.path);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** A promise for the first batch that satisfies `when`, and the function to show it each batch. */
function waitFor<T>(when: (batch: T) => boolean): { see(batch: T): void; reached: Promise<T> } {
  let resolve: (batch: T) => void = () => undefined;
  const reached = new Promise<T>((done) => (resolve = done));
  return {
    see(batch) {
      if (when(batch)) resolve(batch);
    },
    reached,
  };
}

describe('DossierSearch.stream', () => {
  it('hands over every hit, in order, a batch per document read, the last one done', async () => {
    const search = new DossierSearch();
    const batches: FindBatch[] = [];
    await search.stream(dossier, TERM, [PASSWORD], (batch) => batches.push(batch));

    const hits = batches.flatMap((batch) => batch.hits);
    expect(hits.length).toBeGreaterThan(200);
    // Cold: each PDF is read from disk, and a batch follows each one.
    expect(batches).toHaveLength(pdfs.length);
    expect(batches.map((batch) => batch.documentsDone)).toEqual(pdfs.map((_, i) => i + 1));
    expect(batches.every((batch) => batch.documentsTotal === pdfs.length)).toBe(true);
    expect(batches.map((batch) => batch.done)).toEqual([...Array<boolean>(pdfs.length - 1).fill(false), true]);
    const last = batches.at(-1)!;
    expect(last).toMatchObject({ documents: pdfs.length, pages: 120, truncated: false });
    // A batch holds the hits of the document just read, and only those.
    batches.forEach((batch, i) => expect(batch.hits.every((hit) => hit.document === pdfs[i])).toBe(true));

    // The same hits, in the same order, as the one-shot find (now answered from memory).
    const whole = await search.find(dossier, TERM, [PASSWORD]);
    expect(whole.hits).toEqual(hits);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      const [docA, docB] = [pdfs.indexOf(a.document), pdfs.indexOf(b.document)];
      expect(docA < docB || (docA === docB && a.page <= b.page)).toBe(true);
    }

    // Warm: answered from memory in few batches, same hits.
    const warm: FindBatch[] = [];
    await search.stream(dossier, TERM, [PASSWORD], (batch) => warm.push(batch), { batchHits: 100 });
    expect(warm.flatMap((batch) => batch.hits)).toEqual(hits);
    expect(warm.length).toBeLessThan(pdfs.length);
    expect(warm.slice(0, -1).every((batch) => batch.hits.length >= 100)).toBe(true);
    expect(warm.at(-1)?.done).toBe(true);

    // Past the limit: cut short and said so, the counts still whole.
    const limited: FindBatch[] = [];
    await search.stream(dossier, TERM, [PASSWORD], (batch) => limited.push(batch), { limit: 250 });
    expect(limited.flatMap((batch) => batch.hits)).toEqual(hits.slice(0, 250));
    expect(limited.at(-1)).toMatchObject({ truncated: true, done: true, documents: pdfs.length });
  }, 180_000);

  it('stops between documents when aborted: no batch follows', async () => {
    const search = new DossierSearch();
    const controller = new AbortController();
    const batches: FindBatch[] = [];
    await search.stream(
      dossier,
      TERM,
      [PASSWORD],
      (batch) => {
        batches.push(batch);
        if (batches.length === 2) controller.abort();
      },
      { signal: controller.signal },
    );
    expect(batches).toHaveLength(2);
    expect(batches.some((batch) => batch.done)).toBe(false);
    // What was read stays read: the next search goes on from there and finds everything.
    const whole = await search.find(dossier, TERM, [PASSWORD]);
    expect(whole.documents).toBe(pdfs.length);
    expect(batches.length).toBe(2);
  }, 180_000);
});

describe('FindStreams', () => {
  it('emits batches tagged with the search id; a newer search stops the older one', async () => {
    const search = new DossierSearch();
    const emitted: FindProgress[] = [];
    const first = waitFor<FindProgress>((batch) => batch.searchId === 'one' && batch.documentsDone === 3);
    const second = waitFor<FindProgress>((batch) => batch.searchId === 'two' && batch.done);
    const streams = new FindStreams(search, (progress) => {
      emitted.push(progress);
      first.see(progress);
      second.see(progress);
    });
    const target = async () => ({ dossier, passwords: [PASSWORD] });

    await streams.start('one', TERM, target);
    await first.reached;
    await streams.start('two', '刘某某不存在', target);
    const oneBefore = emitted.filter((batch) => batch.searchId === 'one').length;
    await second.reached;
    await streams.settled();

    const one = emitted.filter((batch) => batch.searchId === 'one');
    // At most the batch of the document being read when 'two' started; never done.
    expect(one.length).toBeLessThanOrEqual(oneBefore + 1);
    expect(one.some((batch) => batch.done)).toBe(false);
    expect(one.every((batch) => batch.query === TERM)).toBe(true);
    const two = emitted.filter((batch) => batch.searchId === 'two');
    expect(two.at(-1)).toMatchObject({ done: true, documentsDone: pdfs.length, query: '刘某某不存在' });
    expect(two.flatMap((batch) => batch.hits)).toEqual([]);
    // Nothing of 'one' after 'two' began.
    const firstOfTwo = emitted.findIndex((batch) => batch.searchId === 'two');
    expect(emitted.slice(firstOfTwo).filter((batch) => batch.searchId === 'one').length).toBeLessThanOrEqual(1);

    // Warm now: a full search streams every hit again, with more than 200 of them.
    const third = waitFor<FindProgress>((batch) => batch.searchId === 'three' && batch.done);
    const seen: FindProgress[] = [];
    const streams2 = new FindStreams(search, (progress) => {
      seen.push(progress);
      third.see(progress);
    });
    await streams2.start('three', TERM, target);
    await third.reached;
    expect(seen.flatMap((batch) => batch.hits).length).toBeGreaterThan(200);
  }, 180_000);

  it('cancel stops a search; an unknown id is ignored', async () => {
    const search = new DossierSearch();
    const emitted: FindProgress[] = [];
    const started = waitFor<FindProgress>(() => true);
    const streams = new FindStreams(search, (progress) => {
      emitted.push(progress);
      started.see(progress);
    });
    await streams.start('gone', TERM, async () => ({ dossier, passwords: [PASSWORD] }));
    streams.cancel('another');
    await started.reached;
    streams.cancel('gone');
    const count = emitted.length;
    await streams.settled();
    expect(emitted.length).toBeLessThanOrEqual(count + 1);
    expect(emitted.some((batch) => batch.done)).toBe(false);
  }, 180_000);

  it('a target that cannot be resolved fails the start and emits nothing', async () => {
    const emitted: FindProgress[] = [];
    const streams = new FindStreams(new DossierSearch(), (progress) => emitted.push(progress));
    await expect(
      streams.start('missing', TERM, () => Promise.reject(Object.assign(new Error('gone'), { code: 'NOT_FOUND' }))),
    ).rejects.toThrow('gone');
    await streams.settled();
    expect(emitted).toEqual([]);
  });
});
