import type { ReadingPosition } from '../../shared/viewer';

/**
 * Saves the reading position once it has been still for `delay` ms (scrolling changes it many
 * times a second), skipping a save equal to the last one; flush() saves at once (leaving).
 */
export class PositionSaver {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending: ReadingPosition | null = null;
  #saved: string | null = null;

  constructor(
    private readonly save: (position: ReadingPosition) => Promise<unknown>,
    private readonly delay: number,
  ) {}

  /** The position restored from core: not saved back. */
  restored(position: ReadingPosition | null): void {
    this.#saved = position ? JSON.stringify(position) : null;
  }

  update(position: ReadingPosition): void {
    this.#pending = position;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.delay);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const position = this.#pending;
    this.#pending = null;
    if (!position) return;
    const key = JSON.stringify(position);
    if (key === this.#saved) return;
    this.#saved = key;
    // A failed save is not worth interrupting reading for; the next change tries again.
    this.save(position).catch((error: unknown) => {
      if (this.#saved === key) this.#saved = null;
      console.warn('reading position not saved', error);
    });
  }
}
