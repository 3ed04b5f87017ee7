/** Liveness, readiness and the published contract. */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, ApiError } from '../../src/contract';
import { buildOpenApi } from '../../src/contract/openapi';
import type { Storage } from '../storage/types';

export function registerOperationsRoutes(app: FastifyInstance, storage: Storage): void {
  // The process is up and serving: nothing else is checked (a restart would not help).
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request) => {
    try {
      await storage.ping();
    } catch (error) {
      request.log.warn({ err: error }, 'database unreachable');
      throw new ApiError('unavailable', 'The database is not reachable');
    }
    return { status: 'ok' };
  });

  const openApi = buildOpenApi();
  app.get(`${API_PREFIX}/openapi.json`, async () => openApi);
}
