import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BEARER, METRICS_TOKEN, scrape, startServer, type TestServer } from './support/metricsServer';
import { valueOf } from './support/exposition';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(...options: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...options);
  servers.push(server);
  return server;
}

describe('who may read /metrics', () => {
  let shared: TestServer;
  beforeAll(async () => {
    shared = await startServer();
  });
  afterAll(async () => {
    await shared?.close();
  });

  it('answers the bearer token with Prometheus text', async () => {
    const response = await shared.app.inject({ url: '/metrics', headers: BEARER });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('# TYPE http_requests_total counter');
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-metrics-token-at-all' }],
    ['a prefix of the token', { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` }],
    ['the token without the Bearer scheme', { authorization: METRICS_TOKEN }],
    ['basic auth', { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` }],
  ])('refuses %s with 401 and a Bearer challenge', async (_case, headers) => {
    const response = await shared.app.inject({ url: '/metrics', headers });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(response.json().error.code).toBe('unauthenticated');
    expect(response.body).not.toContain('http_requests_total');
  });

  it('is not served at all when no token is configured (the default)', async () => {
    const { app } = await started({ metricsToken: null });
    const response = await app.inject({ url: '/metrics', headers: BEARER });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('keeps separate counts for each server instance in one process', async () => {
    const one = await started();
    const two = await started();
    await one.app.inject({ url: '/healthz' });
    await one.app.inject({ url: '/healthz' });
    await two.app.inject({ url: '/healthz' });
    const healthz = { method: 'GET', route: '/healthz', status: '200' };
    expect(valueOf(await scrape(one.app), 'http_requests_total', healthz)).toBe(2);
    expect(valueOf(await scrape(two.app), 'http_requests_total', healthz)).toBe(1);
  });
});
