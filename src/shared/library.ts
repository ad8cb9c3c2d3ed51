/**
 * The offline library (卷宗库) and dossier downloads as the contract shows them: what the UI lists,
 * never a password (those are fetched one by one, on request, through `library.passwords`).
 */
import { z } from 'zod';
import type { ErrorPayload } from './errors';

/** Where a dossier came from: downloaded through the portal (卷宗下载) or 导入卷宗 from a file. */
export type DossierSource = 'portal' | 'import';

export type ExtractionState =
  /** Verified archive, not extracted yet (queued, or the app stopped before it ran). */
  | 'pending'
  | 'extracting'
  | 'extracted'
  /** The archive itself is password-protected and neither the stored open password nor none opened it. */
  | 'needs-password'
  | 'failed';

export interface DossierFile {
  /** Path inside the dossier's extracted folder, '/'-separated, names decoded (GBK or UTF-8). */
  path: string;
  size: number;
  /** Top-level folder (a volume such as 第一卷), or null for files at the top. */
  volume: string | null;
  /** Pages of a PDF once counted; null for images, other files and PDFs not yet counted. */
  pages: number | null;
}

export interface DossierSummary {
  /** For portal downloads the appointment's (= review's) id; for imports a generated id. */
  id: string;
  caseName: string;
  /** 受理单位, when known (imports have none). */
  unit: string | null;
  source: DossierSource;
  /** ISO time the archive was verified (downloaded) or imported. */
  addedAt: string;
  /** Absolute path of the dossier's folder (holds dossier.json, the archive and the extracted files). */
  folder: string;
  archive: { fileName: string; size: number; sha256: string };
  extraction: { state: ExtractionState; percent: number | null; error: ErrorPayload | null };
  /** null until extracted. */
  volumes: number | null;
  documents: number | null;
  /** Sum of counted PDF pages plus one per image; null until counted. */
  pages: number | null;
  /** Bytes of the extracted files; null until extracted. */
  extractedSize: number | null;
  /** Which passwords the keychain holds for this dossier. */
  passwords: { download: boolean; open: boolean };
  /** With a search: the file paths that matched it (empty when the case or unit matched). */
  matchedFiles: string[];
}

/** The 卷宗库 dossier downloaded for an appointment: 已下载, and 【阅读】 once it is extracted. */
export interface DownloadedDossier {
  dossierId: string;
  readable: boolean;
}

export interface DossierDetail extends DossierSummary {
  files: DossierFile[];
}

export type DownloadState = 'downloading' | 'retrying' | 'verifying' | 'paused' | 'completed' | 'failed' | 'cancelled';

/** A download of a dossier archive into the managed folder, as the progress list shows it. */
export interface DownloadItem {
  id: string;
  /**
   * `app`: 卷宗下载 of an appointment, fetched and verified by the app. `portal-window`: a download the
   * 门户网站 window's browser made, imported into 卷宗库 once whole (it pauses, but cannot be resumed after a failure).
   */
  via: 'app' | 'portal-window';
  /** The library entry it becomes once verified (the appointment's id; for the portal window, '' until imported). */
  dossierId: string;
  caseName: string;
  fileName: string;
  state: DownloadState;
  bytes: number;
  total: number;
  /** 0–100. */
  percent: number;
  bytesPerSecond: number;
  /** null while unknown. */
  secondsLeft: number | null;
  /** Why it failed, or why it is retrying. */
  error: ErrorPayload | null;
}

export const importSourceSchema = z.discriminatedUnion('kind', [
  /** A file on this machine (Electron: file picker or drag and drop give its path). */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  /** A file the web host received through its staging upload (browsers never reveal paths). */
  z.object({ kind: z.literal('staged'), stagedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict(),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export const dossierPasswordInput = z.string().min(1, '请输入密码').max(128);
