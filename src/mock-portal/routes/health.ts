import type { FastifyInstance } from 'fastify';
import type { PortalHealth } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import openapi from '../openapi.json';

export const PORTAL_NAME = '12309 中国检察网（模拟门户）';
/** The API version, as the OpenAPI document states it. */
export const PORTAL_VERSION: string = openapi.info.version;

export function healthRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/api/health', async (): Promise<PortalHealth> => ({
    name: PORTAL_NAME,
    mock: true,
    instanceId: ctx.store.instanceId,
    version: PORTAL_VERSION,
  }));
}
