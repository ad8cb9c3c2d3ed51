/**
 * When a page counts as seen, and how seen pages reach core: a page is seen once it stayed the
 * current page for a moment (paging past it with PageDown does not count); seen pages are sent in
 * batches, at most one call per document every few seconds. Timers come in from outside, so the
 * rules are tested without waiting.
 */

export interface SeenPage {
  document: string;
  /** 1-based. */
  page: number;
}

/** Runs `task` after `ms`; returns the function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const browserSchedule: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
};

/** Tells `onSeen` about the current page once it has stayed current for `dwellMs`. */
export class DwellTimer {
  #page: SeenPage | null = null;
  #cancel: (() => void) | null = null;

  constructor(
    private readonly dwellMs: number,
    private readonly schedule: Schedule,
    private readonly onSeen: (page: SeenPage) => void,
  ) {}

  /** The page now current (null: none, or not readable yet). The same page again changes nothing. */
  current(page: SeenPage | null): void {
    if (page && this.#page && page.document === this.#page.document && page.page === this.#page.page) return;
    this.stop();
    this.#page = page ? { document: page.document, page: page.page } : null;
    if (!page) return;
    const seen = this.#page as SeenPage;
    this.#cancel = this.schedule(() => {
      this.#cancel = null;
      this.onSeen(seen);
    }, this.dwellMs);
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#page = null;
  }
}

export interface SeenBatch {
  document: string;
  /** Ascending, no repeats. */
  pages: number[];
}

/** Seen pages waiting to be sent, grouped per document; sent together `delayMs` after the first. */
export class SeenSender {
  readonly #pending = new Map<string, Set<number>>();
  #cancel: (() => void) | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly schedule: Schedule,
    private readonly send: (batch: SeenBatch) => void,
  ) {}

  add(page: SeenPage): void {
    let pages = this.#pending.get(page.document);
    if (!pages) {
      pages = new Set();
      this.#pending.set(page.document, pages);
    }
    pages.add(page.page);
    this.#cancel ??= this.schedule(() => {
      this.#cancel = null;
      this.flush();
    }, this.delayMs);
  }

  /** Sends what is waiting now (closing the dossier, leaving the page). */
  flush(): void {
    this.#cancel?.();
    this.#cancel = null;
    const batches = [...this.#pending].map(([document, pages]) => ({ document, pages: [...pages].sort((a, b) => a - b) }));
    this.#pending.clear();
    for (const batch of batches) this.send(batch);
  }

  get waiting(): number {
    let count = 0;
    for (const pages of this.#pending.values()) count += pages.size;
    return count;
  }
}
