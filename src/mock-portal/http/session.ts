import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import type { PortalContext } from '../context';
import { stageOf } from '../services/accounts';
import type { AccountRecord, LoginMethod } from '../state/records';
import { bearerToken } from './bearer';

export const NOT_READY_MESSAGE = '请先完成授权信息和完善信息';

/**
 * The signed-in lawyer of a request and how they signed in. Case operations need stage 'ready'
 * (the default); pass `{ ready: false }` for the steps that lead there (授权信息, 完善信息).
 */
export function requireLawyer(
  ctx: PortalContext,
  request: FastifyRequest,
  options: { ready?: boolean } = {},
): { account: AccountRecord; method: LoginMethod } {
  const session = ctx.tokens.session(bearerToken(request));
  if ((options.ready ?? true) && stageOf(session.account, session.method) !== 'ready') {
    throw new AppError('FORBIDDEN', NOT_READY_MESSAGE);
  }
  return session;
}
