/**
 * The folders the pickup watches, as 设置 and 卷宗库 show them: where the lawyer's browsers save
 * downloads and the folders the lawyer added. Discovery parses every browser profile's settings
 * (Chromium's Preferences run to MB), so it runs at most once per `ttlMs`; the lawyer's own list is
 * read each time (it is in memory).
 */
import type { WatchedFolder } from '../../shared/pickup';
import type { DiscoveredFolder } from './browser-download-folders';

/** A browser's download folder changes when the lawyer changes a setting: a minute's delay is fine. */
export const DISCOVERY_TTL_MS = 60_000;

export class PickupFolders {
  private cached: { at: number; folders: DiscoveredFolder[] } | null = null;
  private running: Promise<DiscoveredFolder[]> | null = null;
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(
    private readonly discover: () => Promise<DiscoveredFolder[]>,
    /** The folders the lawyer added in 设置. */
    private readonly added: () => string[],
    options: { now?: () => number; ttlMs?: number } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? DISCOVERY_TTL_MS;
  }

  /** Every watched path, discovered first, each once. */
  async paths(): Promise<string[]> {
    return (await this.describe()).map((folder) => folder.path);
  }

  async describe(): Promise<WatchedFolder[]> {
    const found: WatchedFolder[] = (await this.discovered()).map((folder) => ({ path: folder.path, label: folder.label, added: false }));
    const known = new Set(found.map((folder) => folder.path));
    const added = [...new Set(this.added())].filter((path) => !known.has(path));
    return [...found, ...added.map((path) => ({ path, label: null, added: true }))];
  }

  private discovered(): Promise<DiscoveredFolder[]> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return Promise.resolve(this.cached.folders);
    this.running ??= this.discover()
      // A failed discovery keeps what was found before.
      .catch(() => this.cached?.folders ?? [])
      .then((folders) => {
        this.cached = { at: this.now(), folders };
        this.running = null;
        return folders;
      });
    return this.running;
  }
}
