/** GET /: what this server is, for someone who opens its address in a browser. */
import type { FastifyInstance } from 'fastify';
import { sendStatic } from '../http/static-page';
import { PORTAL_NAME } from './health';

const homeHtml = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PORTAL_NAME}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/phone/app.css"></head>
<body><main class="phone">
<header class="bar"><h1>${PORTAL_NAME}</h1></header>
<section class="card">
<p>这是卷宗台自带的 12309 中国检察网模拟门户，仅用于演示和测试。</p>
<ul>
<li><a href="/phone">中国律师身份核验（模拟手机小程序）</a></li>
<li><a href="/openapi.json">接口文档（OpenAPI）</a></li>
<li><a href="/api/health">运行状态</a></li>
</ul>
</section>
</main></body></html>
`;

export function homeRoutes(app: FastifyInstance): void {
  app.get('/', (_request, reply) => sendStatic(reply, 'text/html', homeHtml));
}
