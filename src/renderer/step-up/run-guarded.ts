import type { StepUpActionName } from '../../shared/contract';

/** How many times one guarded call may ask for a scan before its failure is shown as it is. */
const MAX_VERIFICATIONS = 2;

function needsStepUp(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && 'code' in error && error.code === 'STEP_UP_REQUIRED');
}

/**
 * Makes a guarded call; when the portal wants a scan first (STEP_UP_REQUIRED), asks `verify` for a
 * confirmed verification and makes the call again carrying its id. A verification can go stale
 * before the retry arrives, so the scan may be asked for once more; other failures pass through.
 */
export async function runGuarded<T>(
  verify: (action: StepUpActionName) => Promise<string>,
  action: StepUpActionName,
  call: (stepUpId?: string) => Promise<T>,
): Promise<T> {
  let stepUpId: string | undefined;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call(stepUpId);
    } catch (error) {
      if (!needsStepUp(error) || attempt >= MAX_VERIFICATIONS) throw error;
    }
    stepUpId = await verify(action);
  }
}
