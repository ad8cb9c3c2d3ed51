/**
 * 下载文件夹 pickup as the contract shows it: dossier archives the lawyer's own browser saved into a
 * download folder, offered for 导入卷宗. The browser's file is only ever read, never moved or changed.
 */
import { z } from 'zod';
import type { ErrorPayload } from './errors';

export type PickupState =
  /** Looks like a dossier and is not in 卷宗库: offered for 导入卷宗. */
  | 'offered'
  | 'importing'
  | 'imported'
  /** The same bytes are already a dossier in 卷宗库 (`dossierId`): nothing to do. */
  | 'in-library'
  /** The lawyer said no; remembered by SHA-256, so no copy of it is offered again. */
  | 'ignored'
  /** The import failed (`error`); it may be tried again. */
  | 'failed';

export interface PickupOffer {
  id: string;
  fileName: string;
  /** The download folder holding the file (absolute). */
  folder: string;
  size: number;
  /** ISO time of the file's last modification. */
  modifiedAt: string;
  sha256: string;
  /** The known case name the file name carries, else null. */
  caseName: string | null;
  state: PickupState;
  /** The 卷宗库 dossier once imported, or the one that already holds these bytes. */
  dossierId: string | null;
  error: ErrorPayload | null;
}

export const pickupOfferIdSchema = z.string().regex(/^[0-9a-f]{24}$/);

/** A folder the pickup watches: found where a browser saves downloads, or added by the lawyer in 设置. */
export interface WatchedFolder {
  path: string;
  /** Who saves there, e.g. 系统下载文件夹、谷歌浏览器; null for a folder the lawyer added. */
  label: string | null;
  added: boolean;
}

/** 卷宗库 ▸ 下载文件夹: what is watched and what was found. */
export interface PickupList {
  enabled: boolean;
  folders: WatchedFolder[];
  /** Newest first. */
  offers: PickupOffer[];
}
