import { describe, expect, it } from 'vitest';
import type { DownloadItem } from '../../shared/library';
import {
  activeProgress,
  applyAnswer,
  currentDownloadFor,
  downloadsInOrder,
  emptyDownloads,
  newlyCompleted,
  seedDownloads,
  upsertDownload,
} from './downloads-list';

function item(id: string, patch: Partial<DownloadItem> = {}): DownloadItem {
  return {
    id,
    via: 'app',
    dossierId: `appt-${id}`,
    caseName: '陈颖康危险驾驶案',
    fileName: `${id}.zip`,
    state: 'downloading',
    bytes: 0,
    total: 1000,
    percent: 0,
    bytesPerSecond: 0,
    secondsLeft: null,
    error: null,
    ...patch,
  };
}

describe('downloads list', () => {
  it('seeds in list order, ignoring repeated ids', () => {
    const list = seedDownloads([item('b'), item('a'), item('b', { bytes: 9 })]);
    expect(downloadsInOrder(list).map((d) => d.id)).toEqual(['b', 'a']);
    expect(list.byId['b']?.bytes).toBe(0);
  });

  it('replaces a known item in place and puts a new one first', () => {
    let list = seedDownloads([item('a'), item('b')]);
    list = upsertDownload(list, item('b', { bytes: 500, percent: 50 }));
    expect(downloadsInOrder(list).map((d) => [d.id, d.bytes])).toEqual([
      ['a', 0],
      ['b', 500],
    ]);
    list = upsertDownload(list, item('c'));
    expect(list.order).toEqual(['c', 'a', 'b']);
  });

  it('hides cleared items without forgetting them', () => {
    const list = seedDownloads([item('a'), item('b')]);
    expect(downloadsInOrder(list, new Set(['a'])).map((d) => d.id)).toEqual(['b']);
  });

  it('drops a call answer that is behind the events already seen', () => {
    let list = upsertDownload(emptyDownloads, item('a', { state: 'completed', bytes: 1000, percent: 100 }));
    list = applyAnswer(list, item('a', { state: 'downloading', bytes: 0 }));
    expect(list.byId['a']?.state).toBe('completed');
    // A resume answer with the bytes already on disk applies.
    list = upsertDownload(list, item('b', { state: 'failed', bytes: 400 }));
    list = applyAnswer(list, item('b', { state: 'downloading', bytes: 400 }));
    expect(list.byId['b']?.state).toBe('downloading');
  });

  it('finds the current download of a dossier, newest first, not a cancelled one', () => {
    let list = seedDownloads([item('old', { dossierId: 'r1', state: 'completed' })]);
    expect(currentDownloadFor(list, 'r1')?.id).toBe('old');
    list = upsertDownload(list, item('new', { dossierId: 'r1', state: 'cancelled' }));
    expect(currentDownloadFor(list, 'r1')).toBeNull();
    expect(currentDownloadFor(list, 'r2')).toBeNull();
  });

  it('announces a completion once, and not for items first seen completed', () => {
    const before = seedDownloads([item('a', { state: 'verifying' }), item('b', { state: 'completed' })]);
    const after = upsertDownload(upsertDownload(before, item('a', { state: 'completed' })), item('c', { state: 'completed' }));
    expect(newlyCompleted(before, after).map((d) => d.id)).toEqual(['a']);
    expect(newlyCompleted(after, after)).toEqual([]);
  });

  it('sums the progress of active downloads only', () => {
    expect(activeProgress(seedDownloads([item('a', { state: 'paused' })]))).toBeNull();
    const list = seedDownloads([
      item('a', { bytes: 250, total: 1000 }),
      item('b', { state: 'verifying', bytes: 1000, total: 1000 }),
      item('c', { state: 'failed', bytes: 0, total: 5000 }),
    ]);
    expect(activeProgress(list)).toEqual({ count: 2, percent: 62 });
  });
});
