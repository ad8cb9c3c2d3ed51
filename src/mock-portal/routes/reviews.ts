/** 申请在线阅卷 (manual §4) and 辩护与代理网上预约 (manual §6): the signed-in lawyer's own. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppointmentListResponse, ReviewNotice, ReviewView } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { requireLawyer } from '../http/session';
import { bindingIdParamsSchema, reviewCreateSchema } from '../validation/case-requests';
import { parseInput } from '../validation/parse';

export function reviewRoutes(app: FastifyInstance, ctx: PortalContext): void {
  // Public: the 须知 is the same for everyone and shown before anything is filed.
  app.get('/api/reviews/notice', async (): Promise<ReviewNotice> => ctx.reviews.notice());

  app.post('/api/bound-cases/:bindingId/reviews', async (request, reply): Promise<ReviewView> => {
    const { account, method } = requireLawyer(ctx, request);
    ctx.stepUp.require(account, method, 'review', stepUpHeader(request));
    const { bindingId } = parseInput(bindingIdParamsSchema, request.params, 'params');
    const input = parseInput(reviewCreateSchema, request.body, 'body');
    const review = await ctx.reviews.apply(account, bindingId, input);
    reply.code(201);
    return review;
  });

  app.get('/api/appointments', async (request): Promise<AppointmentListResponse> => {
    const { account } = requireLawyer(ctx, request);
    return { items: ctx.reviews.appointments(account) };
  });
}

/** The confirmed verify session a guarded call names (step-up, manual §2 注). */
function stepUpHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['x-step-up'];
  return Array.isArray(value) ? value[0] : value;
}
