import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { AppError, toErrorPayload } from '../shared/errors';
import type { PortalErrorBody } from '../shared/portal-wire';
import type { PortalContext } from './context';
import { errorStatus } from './http/error-status';
import { authRoutes } from './routes/auth';
import { bindingRoutes } from './routes/bindings';
import { consolePageRoutes } from './routes/console-page';
import { consoleRoutes } from './routes/console';
import { downloadRoutes } from './routes/downloads';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { meRoutes } from './routes/me';
import { messageRoutes } from './routes/messages';
import { openapiRoutes } from './routes/openapi';
import { phoneAppRoutes } from './routes/phone-app';
import { phoneRoutes } from './routes/phone';
import { procuratorateRoutes } from './routes/procuratorates';
import { reviewRoutes } from './routes/reviews';
import { siteRoutes } from './routes/site';
import { uploadRoutes } from './routes/uploads';

export interface RegisteredRoute {
  method: string;
  /** In fastify's form, e.g. /api/auth/qr-sessions/:id */
  url: string;
}

export interface PortalApp {
  app: FastifyInstance;
  /** Every route registered, as fastify saw it (the OpenAPI document must list each). */
  routes: RegisteredRoute[];
}

/** The portal's HTTP app over the given services; not yet listening. */
export function buildPortalApp(ctx: PortalContext, log?: (line: string) => void): PortalApp {
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    exposeHeadRoutes: false,
    // Long polls must not keep the server from closing.
    forceCloseConnections: true,
  });

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  app.addHook('onRequest', async (request, reply) => {
    // API answers carry lawyers' data and tokens: never cache them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  if (log) {
    app.addHook('onResponse', async (request, reply) => {
      // The path only: queries and bodies stay out of logs.
      log(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`);
    });
  }

  app.setErrorHandler((error: FastifyError | AppError, _request, reply) => {
    if (error instanceof AppError) return reply.code(errorStatus[error.code]).send(errorBody(error));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(new AppError('VALIDATION', requestProblem(error))));
    }
    log?.(`internal error: ${error.message}`);
    return reply.code(500).send(errorBody(new AppError('INTERNAL', '门户内部错误，请稍后重试')));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(new AppError('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`))),
  );

  homeRoutes(app);
  openapiRoutes(app);
  healthRoutes(app, ctx);
  phoneAppRoutes(app);
  siteRoutes(app, ctx);
  phoneRoutes(app, ctx);
  authRoutes(app, ctx);
  meRoutes(app, ctx);
  downloadRoutes(app, ctx);
  consolePageRoutes(app);
  consoleRoutes(app, ctx);
  procuratorateRoutes(app, ctx);
  uploadRoutes(app, ctx);
  bindingRoutes(app, ctx);
  reviewRoutes(app, ctx);
  messageRoutes(app, ctx);

  return { app, routes };
}

function errorBody(error: AppError): PortalErrorBody {
  return { error: toErrorPayload(error) };
}

/** Plain words for what fastify rejects before a handler runs. */
function requestProblem(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求体不是有效的 JSON';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '请求体须为 JSON（Content-Type: application/json）';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求体过大';
    default:
      return `请求无效：${error.message}`;
  }
}
