/** The procuratorate directory: public, for the 受理单位 picker and 帮助 ▸ 联系方式. */
import type { FastifyInstance } from 'fastify';
import type { Procuratorate, ProcuratorateListResponse } from '../../shared/portal-wire';
import type { PortalContext } from '../context';
import { idParamsSchema, procuratorateQuerySchema } from '../validation/case-requests';
import { parseInput } from '../validation/parse';

export function procuratorateRoutes(app: FastifyInstance, ctx: PortalContext): void {
  app.get('/api/procuratorates', async (request): Promise<ProcuratorateListResponse> => {
    const filter = parseInput(procuratorateQuerySchema, request.query, 'query');
    return { items: ctx.procuratorates.list(filter) };
  });

  app.get('/api/procuratorates/:id', async (request): Promise<Procuratorate> => {
    const { id } = parseInput(idParamsSchema, request.params, 'params');
    return ctx.procuratorates.get(id);
  });
}
