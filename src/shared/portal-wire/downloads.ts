/** Portal wire types: dossier download (manual §5) — short-lived links served with Range, ETag and a digest. */

/**
 * POST /api/reviews/{id}/download-links → 201 DownloadLinkResponse. Needs a fresh step-up
 * verification for 'download' (header X-Step-Up) whatever the login method; it is used up by the
 * link. Five wrong passwords in a row lock downloads of that review for 15 minutes.
 */
export interface DownloadLinkRequest {
  /** 卷宗下载密码 from the dossier-ready SMS. */
  password: string;
}

export interface DownloadLinkResponse {
  /** Path on the portal, e.g. /api/downloads/<token>; GET or HEAD, no Bearer token needed. */
  url: string;
  /** The link works (repeatedly, for resuming) until then. */
  expiresAt: string;
  /** The archive's name, e.g. 陈某危险驾驶案.zip */
  fileName: string;
  size: number;
  /** Lowercase hex SHA-256 of the whole archive; also its ETag. */
  sha256: string;
}

/** Headers of GET/HEAD /api/downloads/{token} a client relies on. */
export const DOWNLOAD_SHA256_HEADER = 'X-Content-SHA256';
