/** The signed-in lawyer: 授权信息, 完善信息 and where they stand. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MeResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { bearerToken } from '../http/bearer';
import { parseInput } from '../validation/parse';
import { authorizationSchema, completeProfileSchema } from '../validation/requests';

export function meRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const signedIn = (request: FastifyRequest) => ctx.tokens.authenticate(bearerToken(request));

  app.get('/api/me', async (request): Promise<MeResponse> => ctx.accounts.me(signedIn(request)));

  app.post('/api/me/authorization', async (request): Promise<MeResponse> => {
    const account = signedIn(request);
    parseInput(authorizationSchema, request.body, 'body');
    return ctx.accounts.authorize(account);
  });

  app.put('/api/me/profile', async (request): Promise<MeResponse> => {
    const account = signedIn(request);
    const input = parseInput(completeProfileSchema, request.body, 'body');
    return ctx.accounts.completeProfile(account, input);
  });
}
