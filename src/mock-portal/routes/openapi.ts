import type { FastifyInstance } from 'fastify';
import openapi from '../openapi.json';

export function openapiRoutes(app: FastifyInstance): void {
  app.get('/openapi.json', async () => openapi);
}
