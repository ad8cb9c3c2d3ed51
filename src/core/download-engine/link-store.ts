/**
 * Where a download's link lives while the download is unfinished. A portal download link is a
 * credential (anyone holding it fetches the dossier until it expires), so it is kept in the secret
 * store, never in the sidecar beside the partial file.
 */
import type { SecretStore } from '../secrets';

export interface DownloadLinkStore {
  get(downloadId: string): Promise<string | null>;
  set(downloadId: string, url: string): Promise<void>;
  delete(downloadId: string): Promise<void>;
}

/** The secret-store account of one download's link. */
export function downloadLinkAccount(downloadId: string): string {
  return `download-link:${downloadId}`;
}

/** Links in the app's secret store (the OS keychain, or memory when there is none). */
export function secretLinkStore(secrets: SecretStore): DownloadLinkStore {
  return {
    get: (id) => secrets.get(downloadLinkAccount(id)),
    set: (id, url) => secrets.set(downloadLinkAccount(id), url),
    delete: (id) => secrets.delete(downloadLinkAccount(id)),
  };
}

/** Links for this process only: after a restart every partial needs a fresh link. */
export class MemoryLinkStore implements DownloadLinkStore {
  private readonly links = new Map<string, string>();

  async get(downloadId: string): Promise<string | null> {
    return this.links.get(downloadId) ?? null;
  }

  async set(downloadId: string, url: string): Promise<void> {
    this.links.set(downloadId, url);
  }

  async delete(downloadId: string): Promise<void> {
    this.links.delete(downloadId);
  }
}
