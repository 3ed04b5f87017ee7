/**
 * A server with /metrics on, on its own temporary SQLite file (kept until `close`, so a suite
 * can share one server across tests: the shared tempDir helper empties its files after each test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from '../../../../server/app';
import { parseExposition, type Exposition } from './exposition';

export const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
export const BEARER = { authorization: `Bearer ${METRICS_TOKEN}` };

export interface TestServer {
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'favorites-metrics-test-'));
  const app = await createServer({
    databaseFile: path.join(dir, 'favorites.sqlite'),
    logLevel: 'silent',
    metricsToken: METRICS_TOKEN,
    ...options,
  });
  return {
    app,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function scrape(app: FastifyInstance): Promise<Exposition> {
  const response = await app.inject({ url: '/metrics', headers: BEARER });
  if (response.statusCode !== 200) throw new Error(`/metrics answered ${response.statusCode}: ${response.body}`);
  return parseExposition(response.body);
}
