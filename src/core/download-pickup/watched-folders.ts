/**
 * The `folders()` a DownloadPickup polls: the discovered download folders and those the lawyer added.
 * Discovery parses every browser profile's settings (Chromium's Preferences run to MB), so it runs at
 * most once per `ttlMs`; the lawyer's own list is asked each time (it is in memory).
 */
import type { DiscoveredFolder } from './browser-download-folders';

/** A browser's download folder changes when the lawyer changes a setting: a minute's delay is fine. */
export const DISCOVERY_TTL_MS = 60_000;

export function watchedFolders(
  discover: () => Promise<DiscoveredFolder[]>,
  added: () => Promise<string[]>,
  options: { now?: () => number; ttlMs?: number } = {},
): () => Promise<string[]> {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DISCOVERY_TTL_MS;
  let cached: { at: number; folders: string[] } | null = null;
  let running: Promise<string[]> | null = null;
  const discovered = async (): Promise<string[]> => {
    if (cached && now() - cached.at < ttlMs) return cached.folders;
    running ??= discover()
      .then((found) => found.map((folder) => folder.path))
      .catch(() => cached?.folders ?? [])
      .then((folders) => {
        cached = { at: now(), folders };
        running = null;
        return folders;
      });
    return running;
  };
  return async () => {
    const [found, extra] = await Promise.all([discovered(), added().catch(() => [] as string[])]);
    return [...new Set([...found, ...extra])];
  };
}
