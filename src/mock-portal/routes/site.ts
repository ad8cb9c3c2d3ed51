/**
 * GET /site/: the portal's website as a lawyer's browser sees it (manual §2 登录, §6 卷宗下载), and
 * the QR images it shows, drawn here because a page without a bundler cannot load the QR library.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { PortalContext } from '../context';
import { sendStatic } from '../http/static-page';
import { sitePageCss } from '../site-pages/page-css';
import { sitePageHtml } from '../site-pages/page-html';
import { sitePageJs } from '../site-pages/page-js';
import { parseInput } from '../validation/parse';

/** The form of every QR text the portal issues (login and 身份核验 alike). */
const QR_TEXT_PATTERN = /^12309QR:v1:([A-Za-z0-9_-]{16}):[A-Za-z0-9_-]{22}$/;
const QR_TEXT_MAX = 64;

const qrQuerySchema = z.object({
  text: z
    .string({ error: '二维码内容（text）缺失' })
    .min(1, '二维码内容（text）缺失')
    .max(QR_TEXT_MAX, `二维码内容（text）过长，最多 ${QR_TEXT_MAX} 个字符`)
    .regex(QR_TEXT_PATTERN, '二维码内容（text）不是本门户签发的二维码'),
});

const qrOptions = { errorCorrectionLevel: 'M', margin: 2 } as const;

export function siteRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/site', (_request, reply) => reply.redirect('/site/', 302));
  app.get('/site/', (_request, reply) => sendStatic(reply, 'text/html', sitePageHtml));
  app.get('/site/app.js', (_request, reply) => sendStatic(reply, 'text/javascript', sitePageJs));
  app.get('/site/app.css', (_request, reply) => sendStatic(reply, 'text/css', sitePageCss));

  // The page's <img>; the PNG is the same code as pixels, for clients that cannot draw SVG.
  app.get('/site/qr.svg', async (request, reply) => {
    const text = issuedQrText(ctx, request.query);
    const svg = await QRCode.toString(text, { ...qrOptions, type: 'svg' });
    return qrImage(reply, 'image/svg+xml', svg);
  });
  app.get('/site/qr.png', async (request, reply) => {
    const text = issuedQrText(ctx, request.query);
    const png = await QRCode.toBuffer(text, { ...qrOptions, type: 'png', width: 240 });
    return qrImage(reply, 'image/png', png);
  });
}

/** The text to draw, if it is a QR the portal issued and still remembers; anything else is refused. */
function issuedQrText(ctx: PortalContext, query: unknown): string {
  const { text } = parseInput(qrQuerySchema, query, 'query');
  const id = QR_TEXT_PATTERN.exec(text)?.[1] ?? '';
  // view() throws NOT_FOUND for a session the portal never issued or has forgotten.
  if (ctx.qrLogin.view(id).qrText !== text) {
    throw new AppError('NOT_FOUND', '二维码内容（text）不是本门户签发的二维码');
  }
  return text;
}

function qrImage(reply: FastifyReply, contentType: string, body: string | Buffer): FastifyReply {
  return reply
    .header('content-type', contentType)
    // An SVG opened on its own must not run anything either.
    .header('content-security-policy', "default-src 'none'")
    .header('x-content-type-options', 'nosniff')
    // Each image is one session's, good for minutes: nothing to keep.
    .header('cache-control', 'no-store')
    .send(body);
}
