/**
 * A least-recently-used map of bounded size. Entries over the limit are evicted oldest first,
 * except those `keep` still wants (documents whose pages are on screen); `onEvict` releases them.
 */
export class Lru<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly onEvict: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V, keep: (key: K) => boolean = () => false): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    // The entry just set is wanted, whatever else is.
    this.trim((other) => other === key || keep(other));
  }

  /** Evicts the oldest entries above the limit that `keep` lets go. */
  trim(keep: (key: K) => boolean = () => false): void {
    for (const [key, value] of this.#entries) {
      if (this.#entries.size <= this.limit) return;
      if (keep(key)) continue;
      this.#entries.delete(key);
      this.onEvict(key, value);
    }
  }

  delete(key: K): void {
    const value = this.#entries.get(key);
    if (value === undefined) return;
    this.#entries.delete(key);
    this.onEvict(key, value);
  }

  clear(): void {
    for (const key of [...this.#entries.keys()]) this.delete(key);
  }

  /** Keys from least to most recently used. */
  keys(): K[] {
    return [...this.#entries.keys()];
  }
}
