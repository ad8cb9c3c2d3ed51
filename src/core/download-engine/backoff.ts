export interface BackoffOptions {
  /** First delay; doubled each consecutive failure. Default 500 ms. */
  baseMs?: number;
  /** Ceiling for one delay. Default 30 s. */
  maxMs?: number;
}

/** Exponential backoff with full jitter, so many clients retrying at once spread out. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
