import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type FavoriteSetArgs, type Mutation } from '../../../src/contract';
import { formatHlc } from '../../../src/core/hlc';
import { HTTP_DURATION_BUCKETS_S, PULL_LAG_BUCKETS_VERSIONS } from '../../../server/metrics/buckets';
import { postgresTestSchema, type PostgresTestSchema } from '../../support/postgresSchema';
import { probePostgres } from '../../support/services';
import { CSRF, cookieHeader, signup } from '../support/http';
import { samplesOf, valueOf, type Exposition } from './support/exposition';
import { scrape, startServer, type TestServer } from './support/metricsServer';

const DEVICE = 'metrics-device-1';
/** A well-formed article id that is not in the catalogue. */
const UNKNOWN_ARTICLE = 'AAAAAAAAAAAAAAAAAAAAAA';

function setFavorite(id: number, args: FavoriteSetArgs): Mutation {
  return { id, op: 'favorite.set.v1', args, hlc: formatHlc(Date.now(), 0, DEVICE) };
}

/** The server on each database: SQLite always, PostgreSQL when it answers (services.ts's rule). */
interface Target {
  readonly name: string;
  start(): Promise<TestServer>;
}

const sqlite: Target = { name: 'SQLite', start: () => startServer() };
const postgres: Target = {
  name: 'PostgreSQL',
  async start() {
    const schema: PostgresTestSchema = postgresTestSchema('metrics');
    const server = await startServer({ databaseUrl: schema.url, databaseSchema: schema.schema });
    return {
      app: server.app,
      async close() {
        await server.close();
        await schema.drop();
      },
    };
  },
};
const targets = (await probePostgres()).available ? [sqlite, postgres] : [sqlite];

describe.each(targets)('GET /metrics on $name', (target) => {
  let server: TestServer;
  let metrics: Exposition;

  /**
   * One session of traffic, scraped once: a 200, a 404 on a route, a 404 on no route, a 400,
   * pushes with applied, noop and rejected mutations and a gap, a first pull and a pull from a
   * cursor one version behind.
   */
  beforeAll(async () => {
    server = await target.start();
    const { app } = server;
    const session = { ...CSRF, ...cookieHeader(await signup(app, 'metrics')) };
    const expectStatus = async (status: number, request: InjectOptions) => {
      const response = await app.inject(request);
      expect(response.statusCode, response.body).toBe(status);
      return response.json();
    };
    const push = (status: number, mutations: Mutation[]) =>
      expectStatus(status, {
        method: 'POST',
        url: '/api/v1/sync/push',
        headers: session,
        payload: { clientId: DEVICE, schemaVersion: SYNC_SCHEMA_VERSION, mutations },
      });
    const pull = (cursor: string | null): Promise<{ cursor: string }> =>
      expectStatus(200, {
        method: 'POST',
        url: '/api/v1/sync/pull',
        headers: session,
        payload: { clientId: DEVICE, schemaVersion: SYNC_SCHEMA_VERSION, cursor },
      });

    await expectStatus(200, { url: '/api/v1/favorites', headers: session });
    const { items } = await expectStatus(200, { url: '/api/v1/articles?limit=2' });
    const [first, second] = items as { id: string }[];
    await expectStatus(404, { url: `/api/v1/articles/${UNKNOWN_ARTICLE}` });
    await expectStatus(404, { url: '/no/such/page?x=1' });
    await expectStatus(400, { url: '/api/v1/favorites?limit=0', headers: session });

    const batch = [setFavorite(1, { articleId: first!.id, saved: true }), setFavorite(2, { articleId: UNKNOWN_ARTICLE, saved: true })];
    await push(200, batch); // applied, rejected
    await push(200, batch); // noop, noop: already processed
    await push(409, [setFavorite(5, { articleId: first!.id, saved: false })]); // a gap: 3 and 4 missing
    const { cursor } = await pull(null); // a first pull: no lag to observe
    await push(200, [setFavorite(3, { articleId: second!.id, saved: true })]); // applied: one version more
    await pull(cursor); // one version behind

    metrics = await scrape(app);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('counts requests by method, route pattern and status, with 404s of no route as "unmatched"', () => {
    const count = (method: string, route: string, status: string) =>
      valueOf(metrics, 'http_requests_total', { method, route, status });
    expect(count('GET', '/api/v1/favorites', '200')).toBe(1);
    expect(count('GET', '/api/v1/favorites', '400')).toBe(1);
    expect(count('GET', '/api/v1/articles/:id', '404')).toBe(1);
    expect(count('GET', 'unmatched', '404')).toBe(1);
    expect(count('POST', '/api/v1/sync/push', '200')).toBe(3);
    expect(count('POST', '/api/v1/sync/push', '409')).toBe(1);
    expect(count('POST', '/api/v1/sync/pull', '200')).toBe(2);
  });

  it('never puts a raw URL in a label', () => {
    const routes = new Set(samplesOf(metrics, 'http_requests_total').map((sample) => sample.labels.route));
    for (const route of routes) expect(route === 'unmatched' || !/\?|AAAAAAAA|\/no\/such/.test(route!)).toBe(true);
    expect(routes).toContain('/api/v1/articles/:id');
  });

  it('has a latency histogram per route with buckets from 0.25 ms to 5 s, cumulative, +Inf equal to the count', () => {
    const labels = { method: 'GET', route: '/api/v1/favorites' };
    const buckets = samplesOf(metrics, 'http_request_duration_seconds_bucket', labels);
    expect(buckets.map((bucket) => bucket.labels.le)).toEqual([...HTTP_DURATION_BUCKETS_S.map(String), '+Inf']);
    expect(HTTP_DURATION_BUCKETS_S).toContain(0.5);
    const counts = buckets.map((bucket) => bucket.value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(2);
    expect(valueOf(metrics, 'http_request_duration_seconds_count', labels)).toBe(2);
    expect(valueOf(metrics, 'http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
  });

  it('counts pushes by outcome and mutations as applied, noop and rejected', () => {
    expect(valueOf(metrics, 'sync_pushes_total', { outcome: 'ok' })).toBe(3);
    expect(valueOf(metrics, 'sync_pushes_total', { outcome: 'conflict' })).toBe(1);
    expect(valueOf(metrics, 'sync_mutations_total', { status: 'applied' })).toBe(2);
    expect(valueOf(metrics, 'sync_mutations_total', { status: 'noop' })).toBe(2);
    expect(valueOf(metrics, 'sync_mutations_total', { status: 'rejected' })).toBe(1);
  });

  it('counts pulls and observes the lag of a pull from a cursor, not of a first pull', () => {
    expect(valueOf(metrics, 'sync_pulls_total', { outcome: 'ok' })).toBe(2);
    expect(valueOf(metrics, 'sync_pull_lag_versions_count')).toBe(1);
    expect(valueOf(metrics, 'sync_pull_lag_versions_sum')).toBe(1);
    expect(valueOf(metrics, 'sync_pull_lag_versions_bucket', { le: '0' })).toBe(0);
    expect(valueOf(metrics, 'sync_pull_lag_versions_bucket', { le: '1' })).toBe(1);
    expect(samplesOf(metrics, 'sync_pull_lag_versions_bucket')).toHaveLength(PULL_LAG_BUCKETS_VERSIONS.length + 1);
  });

  it('has the database query histogram, fed by the requests above', () => {
    expect(metrics.types.get('db_query_duration_seconds')).toBe('histogram');
    expect(valueOf(metrics, 'db_query_duration_seconds_count')).toBeGreaterThan(10);
    expect(valueOf(metrics, 'db_query_duration_seconds_bucket', { le: '0.1' })).toBeGreaterThan(0);
  });

  it('has the WebSocket metrics at zero before any socket', () => {
    expect(valueOf(metrics, 'websocket_connections')).toBe(0);
    expect(valueOf(metrics, 'websocket_connections_opened_total')).toBe(0);
    expect(valueOf(metrics, 'websocket_disconnects_total', { reason: 'normal' })).toBe(0);
    expect(valueOf(metrics, 'websocket_disconnects_total', { reason: 'abnormal' })).toBe(0);
  });

  it('includes the process metrics: memory and its limit, CPU, event-loop lag, heap, GC', () => {
    const resident = valueOf(metrics, 'process_resident_memory_bytes')!;
    expect(resident).toBeGreaterThan(0);
    expect(valueOf(metrics, 'process_memory_limit_bytes')).toBeGreaterThanOrEqual(resident);
    expect(valueOf(metrics, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(metrics, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(metrics, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(metrics.types.get('nodejs_gc_duration_seconds')).toBe('histogram');
  });
});
