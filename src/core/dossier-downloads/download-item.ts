import type { DownloadItem, DownloadState } from '../../shared/library';
import type { ErrorPayload } from '../../shared/errors';
import type { DownloadSnapshot } from '../download-engine';

/** What the service adds to the engine's view of a download. */
export interface ItemContext {
  dossierId: string;
  caseName: string;
  /**
   * The library's side of a verified download: `pending` until addDownloaded answered, so the UI
   * shows 'completed' only for a dossier the library holds.
   */
  handoff: 'pending' | 'done' | { failed: ErrorPayload };
  bytesPerSecond: number;
  secondsLeft: number | null;
}

/** The DownloadItem the contract shows for an engine snapshot. */
export function toDownloadItem(snapshot: DownloadSnapshot, context: ItemContext): DownloadItem {
  let state: DownloadState = snapshot.state;
  let error: ErrorPayload | null = snapshot.error ?? null;
  if (snapshot.state === 'completed') {
    if (context.handoff === 'pending') state = 'verifying';
    else if (context.handoff !== 'done') {
      state = 'failed';
      error = context.handoff.failed;
    }
  }
  const moving = state === 'downloading';
  return {
    id: snapshot.id,
    via: 'app',
    dossierId: context.dossierId,
    caseName: context.caseName,
    fileName: snapshot.fileName,
    state,
    bytes: snapshot.bytes,
    total: snapshot.total,
    percent: snapshot.total === 0 ? 100 : Math.min(100, Math.round((snapshot.bytes / snapshot.total) * 1000) / 10),
    bytesPerSecond: moving ? context.bytesPerSecond : 0,
    secondsLeft: moving ? context.secondsLeft : state === 'completed' ? 0 : null,
    error,
  };
}
