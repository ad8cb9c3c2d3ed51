/** 案件绑定申请 and 已绑定案件 (manual §3, §4 step 1): the signed-in lawyer's own, at stage ready. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BindingListResponse, BindingView, BoundCaseListResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { requireLawyer } from '../http/session';
import { bindingCreateSchema, idParamsSchema } from '../validation/case-requests';
import { parseInput } from '../validation/parse';

export function bindingRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/api/bindings', async (request): Promise<BindingListResponse> => {
    const { account } = requireLawyer(ctx, request);
    return { items: ctx.bindings.listOwn(account) };
  });

  app.post('/api/bindings', async (request, reply): Promise<BindingView> => {
    const { account, method } = requireLawyer(ctx, request);
    ctx.stepUp.require(account, method, 'binding', stepUpHeader(request));
    const input = parseInput(bindingCreateSchema, request.body, 'body');
    const binding = await ctx.bindings.create(account, input);
    reply.code(201);
    return binding;
  });

  app.get('/api/bindings/:id', async (request): Promise<BindingView> => {
    const { account } = requireLawyer(ctx, request);
    const { id } = parseInput(idParamsSchema, request.params, 'params');
    return ctx.bindings.viewOwn(account, id);
  });

  app.get('/api/bound-cases', async (request): Promise<BoundCaseListResponse> => {
    const { account } = requireLawyer(ctx, request);
    return { items: ctx.bindings.boundCases(account) };
  });
}

/** The confirmed verify session a guarded call names (step-up, manual §2 注). */
function stepUpHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['x-step-up'];
  return Array.isArray(value) ? value[0] : value;
}
