/** GET /phone: the simulated 中国律师身份核验 mini-program, as a small mobile web page. */
import type { FastifyInstance } from 'fastify';
import { sendStatic } from '../http/static-page';
import { phonePageCss } from '../phone-app/page-css';
import { phonePageHtml } from '../phone-app/page-html';
import { phonePageJs } from '../phone-app/page-js';

export function phoneAppRoutes(app: FastifyInstance): void {
  app.get('/phone', (_request, reply) => sendStatic(reply, 'text/html', phonePageHtml));
  app.get('/phone/app.js', (_request, reply) => sendStatic(reply, 'text/javascript', phonePageJs));
  app.get('/phone/app.css', (_request, reply) => sendStatic(reply, 'text/css', phonePageCss));
}
