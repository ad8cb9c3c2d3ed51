import type { DownloadItem, DownloadState } from '../../shared/library';

/** The downloads the UI shows: by id, in list order (newest first). */
export interface DownloadsList {
  byId: Readonly<Record<string, DownloadItem>>;
  order: readonly string[];
}

export const emptyDownloads: DownloadsList = { byId: {}, order: [] };

/** States in which bytes are still coming or being checked: the header shows them. */
const activeStates: ReadonlySet<DownloadState> = new Set<DownloadState>(['downloading', 'retrying', 'verifying']);
/** States a download leaves only when the lawyer acts (or never). */
const finishedStates: ReadonlySet<DownloadState> = new Set<DownloadState>(['completed', 'cancelled']);

export function isActive(item: DownloadItem): boolean {
  return activeStates.has(item.state);
}

export function isFinished(item: DownloadItem): boolean {
  return finishedStates.has(item.state);
}

/** `downloads.list` replaces what was known (after a reconnect events may have been missed). */
export function seedDownloads(items: readonly DownloadItem[]): DownloadsList {
  const byId: Record<string, DownloadItem> = {};
  const order: string[] = [];
  for (const item of items) {
    if (byId[item.id]) continue;
    byId[item.id] = item;
    order.push(item.id);
  }
  return { byId, order };
}

/** One `downloads.changed` (or a call's answer): replaces the item in place, a new one goes first. */
export function upsertDownload(list: DownloadsList, item: DownloadItem): DownloadsList {
  const known = list.byId[item.id] !== undefined;
  return {
    byId: { ...list.byId, [item.id]: item },
    order: known ? list.order : [item.id, ...list.order],
  };
}

/**
 * A call's answer (downloads.start / resume / pause) may arrive after events that already moved
 * the download on (a small file can finish first): an answer behind what is known is dropped.
 * Events always apply: they come in order.
 */
export function applyAnswer(list: DownloadsList, item: DownloadItem): DownloadsList {
  const known = list.byId[item.id];
  if (known && known.state !== item.state && known.bytes > item.bytes) return list;
  return upsertDownload(list, item);
}

export function downloadsInOrder(list: DownloadsList, hidden: ReadonlySet<string> = new Set()): DownloadItem[] {
  return list.order.flatMap((id) => {
    const item = list.byId[id];
    return item && !hidden.has(id) ? [item] : [];
  });
}

/** The download of a dossier now under way (or paused, failed), for its 卷宗下载 button. */
export function currentDownloadFor(list: DownloadsList, dossierId: string): DownloadItem | null {
  for (const id of list.order) {
    const item = list.byId[id];
    if (item?.dossierId === dossierId) return item.state === 'cancelled' ? null : item;
  }
  return null;
}

/** Downloads that became verified dossiers between two lists (each announced once). */
export function newlyCompleted(previous: DownloadsList, next: DownloadsList): DownloadItem[] {
  return next.order.flatMap((id) => {
    const before = previous.byId[id];
    const after = next.byId[id];
    return after?.state === 'completed' && before !== undefined && before.state !== 'completed' ? [after] : [];
  });
}

/** Overall progress of the active downloads (for the header), or null when none is active. */
export function activeProgress(list: DownloadsList): { count: number; percent: number } | null {
  const active = downloadsInOrder(list).filter(isActive);
  if (active.length === 0) return null;
  const total = active.reduce((sum, item) => sum + item.total, 0);
  const bytes = active.reduce((sum, item) => sum + Math.min(item.bytes, item.total), 0);
  const percent = total > 0 ? Math.floor((bytes / total) * 100) : Math.floor(active.reduce((s, i) => s + i.percent, 0) / active.length);
  return { count: active.length, percent };
}
