/** Messages between the viewer and its TIFF decoding worker. */
import type { TiffErrorReason, TiffPage } from '../../shared/tiff-pages';

export type TiffRequest =
  /** The whole file (transferred: the worker owns it from then on). */
  | { type: 'open'; bytes: ArrayBuffer }
  /** Page (0-based) scaled to width × height device pixels. */
  | { type: 'render'; id: number; page: number; width: number; height: number };

export interface TiffFailure {
  reason: TiffErrorReason;
  message: string;
  /** For a page over the limit: its size in pixels. */
  pixels?: { width: number; height: number };
}

export type TiffReply =
  | { type: 'opened'; pages: TiffPage[] }
  | ({ type: 'open-failed' } & TiffFailure)
  | { type: 'rendered'; id: number; bitmap: ImageBitmap }
  | ({ type: 'render-failed'; id: number } & TiffFailure);
