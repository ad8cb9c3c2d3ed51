/** GET /console: the prosecutor console page (its API answers loopback clients only). */
import type { FastifyInstance } from 'fastify';
import { consolePageCss } from '../console-page/page-css';
import { consolePageHtml } from '../console-page/page-html';
import { consolePageJs } from '../console-page/page-js';
import { sendStatic } from '../http/static-page';

export function consolePageRoutes(app: FastifyInstance): void {
  app.get('/console', (_request, reply) => sendStatic(reply, 'text/html', consolePageHtml));
  app.get('/console/app.js', (_request, reply) => sendStatic(reply, 'text/javascript', consolePageJs));
  app.get('/console/app.css', (_request, reply) => sendStatic(reply, 'text/css', consolePageCss));
}
