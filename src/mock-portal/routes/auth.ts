/** The portal page's side of QR login (【律师认证登录】), and signing out. */
import type { FastifyInstance } from 'fastify';
import type { LoginTokenResponse, QrSessionView } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { bearerToken } from '../http/bearer';
import { parseInput } from '../validation/parse';
import { qrSessionCreateSchema, qrSessionParamsSchema, qrSessionQuerySchema } from '../validation/requests';

export function authRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.post('/api/auth/qr-sessions', async (request, reply): Promise<QrSessionView> => {
    const { purpose } = parseInput(qrSessionCreateSchema, request.body, 'body');
    reply.code(201);
    return ctx.qrLogin.create(purpose);
  });

  app.get('/api/auth/qr-sessions/:id', async (request, reply): Promise<QrSessionView> => {
    const { id } = parseInput(qrSessionParamsSchema, request.params, 'params');
    const { waitMs, since } = parseInput(qrSessionQuerySchema, request.query, 'query');
    if (!waitMs) return ctx.qrLogin.view(id);
    // Stop waiting when the client goes away.
    const gone = new AbortController();
    const onClose = (): void => gone.abort();
    reply.raw.once('close', onClose);
    try {
      return await ctx.qrLogin.waitForChange(id, since, waitMs, gone.signal);
    } finally {
      reply.raw.off('close', onClose);
    }
  });

  app.post('/api/auth/qr-sessions/:id/token', async (request): Promise<LoginTokenResponse> => {
    const { id } = parseInput(qrSessionParamsSchema, request.params, 'params');
    return ctx.qrLogin.claimToken(id);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    // Signing out twice, or with an expired token, is not an error: the token is gone either way.
    ctx.tokens.revoke(bearerToken(request));
    await ctx.store.save();
    return reply.code(204).send();
  });
}
