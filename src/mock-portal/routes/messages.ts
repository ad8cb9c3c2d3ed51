/** 消息: the signed-in lawyer's own notifications, and marking them read. */
import type { FastifyInstance } from 'fastify';
import type { PortalMessageListResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { requireLawyer } from '../http/session';
import { messageReadSchema } from '../validation/message-requests';
import { parseInput } from '../validation/parse';

export function messageRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/api/messages', async (request): Promise<PortalMessageListResponse> => {
    const { account } = requireLawyer(ctx, request);
    return ctx.messages.list(account);
  });

  // No body at all means every message, as `{}` does.
  app.post('/api/messages/read', async (request): Promise<PortalMessageListResponse> => {
    const { account } = requireLawyer(ctx, request);
    const { ids } = parseInput(messageReadSchema, request.body ?? {}, 'body');
    return ctx.messages.markRead(account, ids);
  });
}
