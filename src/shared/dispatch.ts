/**
 * The one place a transport turns an untrusted (name, input) pair into a call on core:
 * unknown names and inputs that fail the contract's schema never reach core.
 */
import { AppError } from './errors';
import { calls, isCallName, type DossierApi } from './contract';

export async function dispatchCall(api: DossierApi, name: unknown, input: unknown): Promise<unknown> {
  if (!isCallName(name)) throw new AppError('UNKNOWN_CALL', `Unknown call: ${String(name)}`);
  const parsed = calls[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new AppError('VALIDATION', `${where}${first?.message ?? 'invalid input'}`);
  }
  const handler = api[name] as (value: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
