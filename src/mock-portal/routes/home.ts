/** GET /: what this server is, for someone who opens its address in a browser. */
import type { FastifyInstance } from 'fastify';
import { sendStatic } from '../http/static-page';
import { DEMO_LAWYERS, DEMO_PASSWORD } from '../state/seed-lawyers';
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
<li><a href="/site/">门户网站：律师登录、辩护与代理网上预约、卷宗下载（浏览器）</a></li>
<li><a href="/phone">模拟手机：中国律师身份核验小程序与短信</a></li>
<li><a href="/console">检察官控制台（审核案件绑定和在线阅卷、发布卷宗，仅限本机）</a></li>
<li><a href="/openapi.json">接口文档（OpenAPI）</a></li>
<li><a href="/api/health">运行状态</a></li>
</ul>
</section>
<section class="card">
<h2>演示律师</h2>
<p class="hint">首次启动（未使用 --no-seed）时预置。短信验证码和通知发到模拟手机的“短信”页。</p>
<ul>
${DEMO_LAWYERS.map((lawyer) => `<li>${lawyer.name} ${lawyer.phone}：${lawyer.role}</li>`).join('\n')}
</ul>
<p>已注册律师的演示登录密码：<code>${DEMO_PASSWORD}</code></p>
</section>
</main></body></html>
`;

export function homeRoutes(app: FastifyInstance): void {
  app.get('/', (_request, reply) => sendStatic(reply, 'text/html', homeHtml));
}
