import type { ErrorPayload } from '../../shared/errors';

/** What the caller knows about a dossier download: the portal's link answer plus where it goes. */
export interface DownloadRequest {
  reviewId: string;
  /** Absolute URL, or a portal path resolved against the engine's `baseUrl`. Kept only in the link store. */
  url: string;
  /** Lowercase hex SHA-256 the finished file must have. */
  expectedSha256: string;
  size: number;
  fileName: string;
  /** Folder the verified file is renamed into; partials live in `<destination>/.partial/`. */
  destination: string;
}

export type DownloadState =
  | 'downloading'
  /** Waiting out a backoff after a dropped connection or a server error. */
  | 'retrying'
  | 'verifying'
  | 'paused'
  | 'completed'
  | 'failed'
  | 'cancelled';

export interface DownloadSnapshot {
  id: string;
  reviewId: string;
  fileName: string;
  destination: string;
  state: DownloadState;
  bytes: number;
  total: number;
  /** Lowercase hex SHA-256 the file must have (and, once completed, has). */
  sha256: string;
  /** False when the link is dead or unknown (e.g. after a restart without it): resume needs a fresh one. */
  hasLink: boolean;
  /** Set once completed: where the verified file now is. */
  filePath?: string;
  /** Set when failed (or retrying): why. */
  error?: ErrorPayload;
}

export interface DownloadProgress {
  id: string;
  bytes: number;
  total: number;
  /** 0–100, one decimal. */
  percent: number;
  /** Over the recent sliding window; 0 until two samples exist. */
  bytesPerSecond: number;
  /** null while the speed is unknown. */
  secondsLeft: number | null;
}

export interface DownloadEvents {
  progress: [DownloadProgress];
  state: [DownloadSnapshot];
}
