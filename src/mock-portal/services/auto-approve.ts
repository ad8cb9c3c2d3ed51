/**
 * `--auto-approve`: prosecutors who approve every pending binding and review, and publish every
 * approved review, once it has waited `delayMs` — through the console service, so the lawyer gets
 * the same SMS as after a manual decision. A sweep runs a few times per delay (at most every
 * second); it is unref'd and stops on close, waiting for a publish in progress.
 */
import { AppError } from '../../shared/errors';
import type { BindingService } from './bindings';
import type { ConsoleService } from './console';
import type { ReviewService } from './reviews';

const MIN_SWEEP_MS = 20;
const MAX_SWEEP_MS = 1_000;

export class AutoApprover {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;
  /** Records that failed once for a reason other than a race: logged once, not retried every sweep. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly console: ConsoleService,
    private readonly bindings: BindingService,
    private readonly reviews: ReviewService,
    private readonly delayMs: number,
    private readonly log?: (line: string) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    const every = Math.min(MAX_SWEEP_MS, Math.max(MIN_SWEEP_MS, Math.floor(this.delayMs / 4)));
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => {
        this.sweeping = null;
      });
    }, every);
    this.timer.unref();
  }

  /** Acts on everything that has waited long enough; one record at a time. */
  async sweep(now = Date.now()): Promise<void> {
    const due = (since: string | null) => since !== null && Date.parse(since) + this.delayMs <= now;
    for (const binding of this.bindings.list('pending')) {
      if (due(binding.createdAt)) await this.attempt(binding.id, () => this.console.approveBinding(binding.id));
    }
    for (const review of this.reviews.list('pending')) {
      if (due(review.createdAt)) await this.attempt(review.id, () => this.console.approveReview(review.id));
    }
    for (const review of this.reviews.list('approved')) {
      if (due(review.reviewedAt)) await this.attempt(review.id, () => this.console.publish(review.id));
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  private async attempt(id: string, act: () => Promise<unknown>): Promise<void> {
    if (this.failed.has(id)) return;
    try {
      await act();
    } catch (error) {
      // Someone at the console decided first: nothing to do.
      if (error instanceof AppError && error.code === 'CONFLICT') return;
      this.failed.add(id);
      this.log?.(`auto-approve of ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
