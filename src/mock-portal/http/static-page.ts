import type { FastifyReply } from 'fastify';

/** Pages the portal serves load only their own script and styles. */
const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function sendStatic(reply: FastifyReply, contentType: string, body: string): FastifyReply {
  return reply
    .header('content-type', `${contentType}; charset=utf-8`)
    .header('content-security-policy', contentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-cache')
    .send(body);
}
