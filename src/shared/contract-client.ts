/**
 * The contract for a caller that holds core in its own process (the CLI): every call goes through
 * dispatchCall, so its input is checked by the same schema a transport checks, and core only ever
 * sees validated input.
 */
import { callNames, type DossierApi } from './contract';
import { dispatchCall } from './dispatch';

export function contractClient(api: DossierApi): DossierApi {
  return Object.fromEntries(callNames.map((name) => [name, (input: unknown) => dispatchCall(api, name, input)])) as unknown as DossierApi;
}
