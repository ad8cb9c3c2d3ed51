/**
 * The library's background work, one job at a time: extracting a dossier's archive, or counting the
 * pages of its documents. Kept serial so a batch of imports does not unpack several archives at once.
 */
import { AppError } from '../../shared/errors';

export interface JobOutcome {
  /** Set when an explicitly given password was wrong: the caller of extract() gets it thrown. */
  error: AppError | null;
}

export interface Job {
  id: string;
  kind: 'extract' | 'count';
  password: string | undefined;
  /** extract(id, password): a wrong password is thrown and the state kept. Import: it becomes needs-password. */
  rejectWrongPassword: boolean;
  controller: AbortController;
  started: boolean;
  done: Promise<JobOutcome>;
  settle: (outcome: JobOutcome) => void;
}

export class JobQueue {
  private readonly jobs: Job[] = [];
  private running: Job | null = null;
  private closed = false;

  /** `run` does one job; a throw is logged and the job settles without an error. */
  constructor(private readonly run: (job: Job) => Promise<JobOutcome>) {}

  /** Whether a job of dossier `id` is queued or running. */
  has(id: string): boolean {
    return this.running?.id === id || this.jobs.some((job) => job.id === id);
  }

  enqueue(id: string, kind: Job['kind'], password: string | undefined, rejectWrongPassword: boolean): Job {
    if (kind === 'extract') {
      // A queued extraction of the same dossier without a password is the same work: share it.
      if (password === undefined) {
        const same = this.jobs.find((job) => job.id === id && job.kind === 'extract' && job.password === undefined);
        if (same) return same;
      }
      // Counting pages of files about to be replaced is wasted work.
      for (const job of this.jobs.filter((queued) => queued.id === id && queued.kind === 'count')) this.drop(job);
    }
    let settle: (outcome: JobOutcome) => void = () => undefined;
    const done = new Promise<JobOutcome>((resolveDone) => {
      settle = resolveDone;
    });
    const job: Job = { id, kind, password, rejectWrongPassword, controller: new AbortController(), started: false, done, settle };
    if (this.closed) {
      job.settle({ error: new AppError('CONFLICT', '卷宗库已关闭') });
      return job;
    }
    this.jobs.push(job);
    this.pump();
    return job;
  }

  /** Resolves once dossier `id` has no job queued or running (also those queued meanwhile). */
  async whenIdle(id: string): Promise<void> {
    for (;;) {
      const job = this.running?.id === id ? this.running : this.jobs.find((queued) => queued.id === id);
      if (!job) return;
      await job.done;
    }
  }

  /** Aborts and waits out every job of `id` (before replacing or removing its files). */
  async stop(id: string): Promise<void> {
    for (const job of this.jobs.filter((queued) => queued.id === id)) this.drop(job);
    const running = this.running;
    if (running?.id === id) {
      running.controller.abort();
      await running.done;
    }
  }

  /** Drops the queued jobs, aborts the running one and waits it out; later jobs settle at once as refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.jobs]) this.drop(job);
    const running = this.running;
    if (running) {
      running.controller.abort();
      await running.done;
    }
  }

  private drop(job: Job): void {
    const at = this.jobs.indexOf(job);
    if (at >= 0) this.jobs.splice(at, 1);
    job.settle({ error: null });
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.jobs.shift();
    if (!job) return;
    this.running = job;
    job.started = true;
    this.run(job)
      .catch((error: unknown): JobOutcome => {
        // Writing dossier.json failed (disk full, folder gone): report it on the dossier when it still exists.
        console.error('library job failed:', error instanceof Error ? error.message : String(error));
        return { error: null };
      })
      .then((outcome) => {
        this.running = null;
        job.settle(outcome);
        this.pump();
      });
  }
}
