/**
 * Streamed searches for the viewer: one at a time in core. Starting a search stops the one before
 * (the lawyer typed a new term), and each batch goes out as a `dossier.findProgress` event tagged
 * with the search's id, so the renderer drops batches of searches it no longer shows.
 */
import { toErrorPayload } from '../../shared/errors';
import type { FindProgress } from '../../shared/viewer';
import type { DossierSearch, SearchableDossier } from './dossier-search';

/** What a search runs over: resolved after the older search was stopped (it may take a moment). */
export interface SearchTarget {
  dossier: SearchableDossier;
  passwords: readonly string[];
}

interface Running {
  searchId: string;
  controller: AbortController;
}

export class FindStreams {
  private current: Running | null = null;
  private readonly tasks = new Set<Promise<void>>();

  constructor(
    private readonly search: DossierSearch,
    private readonly emit: (progress: FindProgress) => void,
  ) {}

  /**
   * Stops the running search, then resolves the target (errors there are the caller's: nothing is
   * emitted) and starts streaming its hits. Returns once the search is under way.
   */
  async start(searchId: string, query: string, target: () => Promise<SearchTarget>): Promise<void> {
    this.current?.controller.abort();
    const running: Running = { searchId, controller: new AbortController() };
    this.current = running;
    let resolved: SearchTarget;
    try {
      resolved = await target();
    } catch (error) {
      this.finish(running);
      throw error;
    }
    // A newer search may have started meanwhile: this one never runs.
    if (running.controller.signal.aborted) return;
    const { signal } = running.controller;
    const task = this.search
      .stream(resolved.dossier, query, resolved.passwords, (batch) => this.emit({ searchId, query, ...batch }), { signal })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        const empty = { hits: [], skipped: [], documentsDone: 0, documentsTotal: 0, documents: 0, pages: 0, truncated: false };
        this.emit({ searchId, query, ...empty, done: true, error: toErrorPayload(error) });
      })
      .finally(() => {
        this.finish(running);
        this.tasks.delete(task);
      });
    this.tasks.add(task);
  }

  /** Stops a search (no more batches); a search that already ended, or another id, is left alone. */
  cancel(searchId: string): void {
    if (this.current?.searchId !== searchId) return;
    this.current.controller.abort();
    this.current = null;
  }

  /** Stops every search and waits until none is reading. */
  async close(): Promise<void> {
    this.current?.controller.abort();
    this.current = null;
    await this.settled();
  }

  /** Resolves when every search started so far has stopped (ended or aborted). */
  async settled(): Promise<void> {
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
  }

  private finish(running: Running): void {
    if (this.current === running) this.current = null;
  }
}
