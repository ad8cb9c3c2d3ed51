/** What a limited worker and its parent tell each other: one task at a time, by id. */
import type { ErrorPayload } from '../../shared/errors';

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export type TaskReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorPayload };
