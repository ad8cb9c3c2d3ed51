/**
 * The prosecutor console API (检察官控制台): queues, approve/reject, publish, and the uploaded
 * materials. The prosecutors sit at the portal's own machine: loopback clients only.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  CONSOLE_MAX_DOSSIER_PAGES,
  type ConsoleBindingItem,
  type ConsoleBindingListResponse,
  type ConsoleReviewItem,
  type ConsoleReviewListResponse,
} from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { MIN_DOSSIER_PAGES } from '../dossier/dossier-spec';
import { parseInput } from '../validation/parse';

export const CONSOLE_LOOPBACK_MESSAGE = '检察官控制台仅限本机访问';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function requireLoopback(request: FastifyRequest): void {
  // The socket's address, never a forwarded header: nothing in front of the portal may vouch for a client.
  const ip = request.socket.remoteAddress ?? request.ip;
  if (!isLoopback(ip)) throw new AppError('FORBIDDEN', CONSOLE_LOOPBACK_MESSAGE);
}

const idParams = z.object({ id: z.string().min(1, '编号无效').max(100, '编号无效') });
const bindingQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected'], { error: '状态（status）须为 pending、approved 或 rejected' }).optional(),
});
const reviewQuery = z.object({
  status: z
    .enum(['pending', 'approved', 'rejected', 'published'], { error: '状态（status）须为 pending、approved、rejected 或 published' })
    .optional(),
});
const rejectBody = z.object({
  reason: z
    .string({ error: '不通过原因（reason）必须是文本' })
    .trim()
    .min(2, '请填写不通过原因（reason），2–200 字')
    .max(200, '不通过原因（reason）最多 200 字'),
});
const publishBody = z
  .object({
    pages: z
      .number({ error: '卷宗页数（pages）必须是整数' })
      .int('卷宗页数（pages）必须是整数')
      .min(MIN_DOSSIER_PAGES, `卷宗页数（pages）至少 ${MIN_DOSSIER_PAGES} 页`)
      .max(CONSOLE_MAX_DOSSIER_PAGES, `卷宗页数（pages）最多 ${CONSOLE_MAX_DOSSIER_PAGES} 页`)
      .optional(),
  })
  .optional();

/** An uploaded image shown in the browser: never sniffed, nothing else loaded. */
const imagePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

export function consoleRoutes(app: FastifyInstance, ctx: PortalContext): void {
  // One guard for the whole prefix, so no console route can be added without it.
  // By the matched route, not the raw URL, so no spelling of the path (e.g. percent-encoded) slips past.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url?.startsWith('/api/console/')) requireLoopback(request);
  });

  app.get('/api/console/bindings', async (request): Promise<ConsoleBindingListResponse> => {
    const { status } = parseInput(bindingQuery, request.query, 'query');
    return { items: ctx.console.listBindings(status) };
  });

  app.post('/api/console/bindings/:id/approve', async (request): Promise<ConsoleBindingItem> => {
    const { id } = parseInput(idParams, request.params, 'params');
    return ctx.console.approveBinding(id);
  });

  app.post('/api/console/bindings/:id/reject', async (request): Promise<ConsoleBindingItem> => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { reason } = parseInput(rejectBody, request.body, 'body');
    return ctx.console.rejectBinding(id, reason);
  });

  app.get('/api/console/reviews', async (request): Promise<ConsoleReviewListResponse> => {
    const { status } = parseInput(reviewQuery, request.query, 'query');
    return { items: ctx.console.listReviews(status) };
  });

  app.post('/api/console/reviews/:id/approve', async (request): Promise<ConsoleReviewItem> => {
    const { id } = parseInput(idParams, request.params, 'params');
    return ctx.console.approveReview(id);
  });

  app.post('/api/console/reviews/:id/reject', async (request): Promise<ConsoleReviewItem> => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { reason } = parseInput(rejectBody, request.body, 'body');
    return ctx.console.rejectReview(id, reason);
  });

  app.post('/api/console/reviews/:id/publish', async (request): Promise<ConsoleReviewItem> => {
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(publishBody, request.body ?? undefined, 'body');
    return ctx.console.publish(id, body?.pages);
  });

  app.get('/api/console/uploads/:id', async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'params');
    const { record, bytes } = await ctx.console.upload(id);
    reply
      .header('content-type', record.mimeType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(record.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-length', String(bytes.length));
    // Images get a policy of their own; the browser's PDF viewer would be blocked by one.
    if (record.mimeType !== 'application/pdf') reply.header('content-security-policy', imagePolicy);
    return reply.send(bytes);
  });
}
