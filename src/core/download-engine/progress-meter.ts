/**
 * Download speed over a sliding window of recent samples, so one stall or burst does not swing the
 * estimate the way a since-start average or a last-chunk rate would.
 */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 5_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Forget history, e.g. after a pause or a restart from zero. */
  reset(): void {
    this.samples = [];
  }

  sample(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
  }

  bytesPerSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }

  secondsLeft(bytes: number, total: number): number | null {
    const speed = this.bytesPerSecond();
    if (speed <= 0) return bytes >= total ? 0 : null;
    return Math.max(0, Math.ceil((total - bytes) / speed));
  }
}
