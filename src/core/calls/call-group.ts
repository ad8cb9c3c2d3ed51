/**
 * A service's share of the contract: the calls it answers, as functions. Core's API is the union of
 * these groups (see ../index.ts), so adding a call means the contract and the group of its service.
 */
import type { CallName, DossierApi } from '../../shared/contract';

/** The named calls of the contract. */
export type CallsOf<N extends CallName> = Pick<DossierApi, N>;

/** Every call whose name starts with `group.` (e.g. `CallsUnder<'notes'>`). */
export type CallsUnder<G extends string> = CallsOf<Extract<CallName, `${G}.${string}`>>;
