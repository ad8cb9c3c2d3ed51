/**
 * 卷宗下载 (manual §5): a download link for the lawyer's published dossier, and the link itself —
 * GET or HEAD, with a single byte Range (resume), If-Range on the ETag, and the SHA-256 both as
 * Repr-Digest and X-Content-SHA256. The archive is streamed, never buffered per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { DownloadLinkResponse, PortalErrorBody } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { parseByteRange } from '../http/byte-range';
import { throttle } from '../http/throttle';
import { requireLawyer } from '../http/session';
import { parseInput } from '../validation/parse';

const reviewParamsSchema = z.object({ id: z.string().min(1, '申请编号无效').max(100, '申请编号无效') });
const linkRequestSchema = z.object({
  password: z.string({ error: '卷宗下载密码必须是文本' }).trim().min(1, '请输入卷宗下载密码').max(64, '卷宗下载密码过长'),
});
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const contentTypes = { zip: 'application/zip', '7z': 'application/x-7z-compressed' } as const;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** RFC 6266 / 8187: an ASCII fallback name, then the real (Chinese) one percent-encoded. */
function contentDisposition(fileName: string, format: 'zip' | '7z'): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="dossier.${format}"; filename*=UTF-8''${encoded}`;
}

export function downloadRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.post('/api/reviews/:id/download-links', async (request, reply): Promise<DownloadLinkResponse> => {
    const { account, method } = requireLawyer(ctx, request);
    const { id } = parseInput(reviewParamsSchema, request.params, 'params');
    const { password } = parseInput(linkRequestSchema, request.body, 'body');
    const link = await ctx.downloads.issueLink(account, method, id, password, header(request, 'x-step-up'));
    reply.code(201);
    return link;
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply, withBody: boolean) => {
    const { token } = request.params as { token: string };
    if (!TOKEN_PATTERN.test(token)) throw new AppError('NOT_FOUND', '下载链接无效');
    const { dossier } = ctx.downloads.resolve(token);
    const size = await ctx.dossierFiles.size(dossier.storageKey);
    if (size === null || size !== dossier.size) throw new AppError('NOT_FOUND', '卷宗文件已不存在，请联系受理单位');

    const etag = `"${dossier.sha256}"`;
    // If-Range names what the client already has: only a range of that very file may be sent.
    const ifRange = header(request, 'if-range');
    const rangeHeader = ifRange !== undefined && ifRange.trim() !== etag ? undefined : header(request, 'range');
    const range = parseByteRange(rangeHeader, size);

    reply
      .header('accept-ranges', 'bytes')
      .header('etag', etag)
      .header('repr-digest', `sha-256=:${Buffer.from(dossier.sha256, 'hex').toString('base64')}:`)
      .header('x-content-sha256', dossier.sha256);

    if (range.kind === 'unsatisfiable') {
      const body: PortalErrorBody = { error: { code: 'RANGE_NOT_SATISFIABLE', message: range.reason } };
      return reply.code(416).header('content-range', `bytes */${size}`).type('application/json; charset=utf-8').send(body);
    }
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
    reply
      .code(range.kind === 'partial' ? 206 : 200)
      .header('content-type', contentTypes[dossier.format])
      .header('content-disposition', contentDisposition(dossier.fileName, dossier.format))
      .header('content-length', String(end - start + 1));
    if (range.kind === 'partial') reply.header('content-range', `bytes ${start}-${end}/${size}`);
    if (!withBody || size === 0) return reply.send();
    const body = ctx.dossierFiles.read(dossier.storageKey, start, end);
    return reply.send(ctx.downloadBytesPerSecond === null ? body : body.pipe(throttle(ctx.downloadBytesPerSecond)));
  };

  app.get('/api/downloads/:token', (request, reply) => serve(request, reply, true));
  app.head('/api/downloads/:token', (request, reply) => serve(request, reply, false));
}
