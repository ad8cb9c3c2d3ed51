import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';

/** The bearer token of a request, or UNAUTHORIZED when there is none. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
  if (!match?.[1]) throw new AppError('UNAUTHORIZED', '未登录或登录已过期，请重新登录');
  return match[1];
}
