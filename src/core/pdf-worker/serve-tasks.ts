/** The worker side of a limited worker: runs the tasks its parent posts, one at a time, and answers each. */
import { parentPort } from 'node:worker_threads';
import { toErrorPayload } from '../../shared/errors';
import type { TaskReply, TaskRequest } from './task-protocol';

export type TaskHandlers = Record<string, (input: never) => Promise<unknown>>;

export function serveTasks(handlers: TaskHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (request: TaskRequest) => {
    const handler = handlers[request.task] as ((input: unknown) => Promise<unknown>) | undefined;
    const work = handler ? handler(request.input) : Promise.reject(new Error(`unknown task ${request.task}`));
    work.then(
      (result) => port.postMessage({ id: request.id, ok: true, result } satisfies TaskReply),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toErrorPayload(error) } satisfies TaskReply),
    );
  });
}
