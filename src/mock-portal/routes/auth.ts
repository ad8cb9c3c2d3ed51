/** Signing in at the portal page (【律师认证登录】 by QR, 手机号 + 短信验证码, 手机号 + 密码), step-up, signing out. */
import type { FastifyInstance } from 'fastify';
import type { LoginTokenResponse, QrSessionView, SmsCodeResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { bearerToken } from '../http/bearer';
import { requireLawyer } from '../http/session';
import { parseInput } from '../validation/parse';
import {
  passwordLoginSchema,
  qrSessionCreateSchema,
  qrSessionParamsSchema,
  qrSessionQuerySchema,
  smsCodeRequestSchema,
  smsLoginSchema,
  stepUpRequestSchema,
} from '../validation/requests';

export function authRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.post('/api/auth/qr-sessions', async (request, reply): Promise<QrSessionView> => {
    const { purpose } = parseInput(qrSessionCreateSchema, request.body, 'body');
    reply.code(201);
    return ctx.qrLogin.create(purpose);
  });

  // Serves login and verify sessions alike: the page waits on either the same way.
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

  app.post('/api/auth/sms-codes', async (request, reply): Promise<SmsCodeResponse> => {
    const { phone } = parseInput(smsCodeRequestSchema, request.body, 'body');
    const sent = await ctx.smsLogin.request(phone);
    reply.code(202);
    return sent;
  });

  app.post('/api/auth/sms-login', async (request): Promise<LoginTokenResponse> => {
    const { phone, code } = parseInput(smsLoginSchema, request.body, 'body');
    return ctx.smsLogin.login(phone, code);
  });

  app.post('/api/auth/password-login', async (request): Promise<LoginTokenResponse> => {
    const { phone, password } = parseInput(passwordLoginSchema, request.body, 'body');
    return ctx.passwordLogin.login(phone, password);
  });

  app.post('/api/step-up', async (request, reply): Promise<QrSessionView> => {
    const { account } = requireLawyer(ctx, request);
    const { action } = parseInput(stepUpRequestSchema, request.body, 'body');
    reply.code(201);
    return ctx.stepUp.start(account, action);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    // Signing out twice, or with an expired token, is not an error: the token is gone either way.
    ctx.tokens.revoke(bearerToken(request));
    await ctx.store.save();
    return reply.code(204).send();
  });
}
