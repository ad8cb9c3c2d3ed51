/** The signed-in lawyer: 授权信息, 完善信息, the login password and where they stand. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MeResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { requireLawyer } from '../http/session';
import { parseInput } from '../validation/parse';
import { authorizationSchema, changePasswordSchema, completeProfileSchema } from '../validation/requests';

export function meRoutes(app: FastifyInstance, ctx: PortalContext): void {
  // These are the steps that lead to stage 'ready', so they do not require it.
  const signedIn = (request: FastifyRequest) => requireLawyer(ctx, request, { ready: false });

  app.get('/api/me', async (request): Promise<MeResponse> => {
    const { account, method } = signedIn(request);
    return ctx.accounts.me(account, method);
  });

  app.post('/api/me/authorization', async (request): Promise<MeResponse> => {
    const { account, method } = signedIn(request);
    parseInput(authorizationSchema, request.body, 'body');
    return ctx.accounts.authorize(account, method);
  });

  app.put('/api/me/profile', async (request): Promise<MeResponse> => {
    const { account, method } = signedIn(request);
    const input = parseInput(completeProfileSchema, request.body, 'body');
    return ctx.accounts.completeProfile(account, input, method);
  });

  // A 12309 password belongs to a registered lawyer.
  app.put('/api/me/password', async (request, reply) => {
    const { account } = requireLawyer(ctx, request);
    const { currentPassword, newPassword } = parseInput(changePasswordSchema, request.body, 'body');
    await ctx.passwordLogin.change(account, currentPassword, newPassword);
    return reply.code(204).send();
  });
}
