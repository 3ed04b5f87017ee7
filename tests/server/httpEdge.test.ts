import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/contract';
import { createServer } from '../../server/app';
import { installErrorHandler } from '../../server/http/errorHandler';
import { registerOperationsRoutes } from '../../server/http/operationsRoutes';
import type { Storage } from '../../server/storage/types';
import { CSRF, cookieHeader, signup } from './support/http';
import { tempDatabaseFile } from './support/tempDir';

let app: FastifyInstance;
let session: Record<string, string>;

beforeEach(async () => {
  app = await createServer({ databaseFile: tempDatabaseFile(), logLevel: 'silent' });
  app.get('/api/v1/test-boom', async () => {
    throw new Error('secret detail from deep inside');
  });
  session = { ...CSRF, ...cookieHeader(await signup(app, 'edge')) };
});

afterEach(async () => {
  await app.close();
});

const ARTICLE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('the HTTP edge', () => {
  it('echoes a caller-supplied X-Request-Id and makes one up otherwise', async () => {
    const given = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers['x-request-id']).toBe('trace-42');
    const made = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\r\nx: y' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a body that is not JSON with 400 validation_failed', async () => {
    const badJson = await app.inject({
      method: 'PUT',
      url: `/api/v1/favorites/${ARTICLE_ID}`,
      headers: { ...session, 'content-type': 'application/json' },
      payload: '{"note": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('validation_failed');

    const form = await app.inject({
      method: 'PUT',
      url: `/api/v1/favorites/${ARTICLE_ID}`,
      headers: { ...session, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'note=hi',
    });
    expect(form.statusCode).toBe(400);
    expect(form.json().error).toMatchObject({ code: 'validation_failed', details: { fields: { body: expect.any(String) } } });
  });

  it('names the offending fields when a body fails its schema', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: CSRF,
      payload: { username: 'NO SPACES', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.details.fields).sort()).toEqual(['password', 'username']);
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: `/api/v1/favorites/${ARTICLE_ID}`,
      headers: session,
      payload: { note: 'x'.repeat(BODY_LIMIT_BYTES) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('hides the details of an unexpected failure behind 500 internal', async () => {
    const response = await app.inject({ url: '/api/v1/test-boom', headers: { 'x-request-id': 'boom-1' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-request-id']).toBe('boom-1');
    expect(response.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('at ');
  });

  it('lets a client that always sends Content-Type: application/json log out with no body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...session, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('publishes the OpenAPI document and answers health checks', async () => {
    const openapi = await app.inject({ url: '/api/v1/openapi.json' });
    expect(openapi.json()).toMatchObject({ openapi: '3.1.0' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('saves, lists and removes a favorite end to end', async () => {
    const { id } = (await app.inject({ url: '/api/v1/articles?limit=1' })).json().items[0];
    const saved = await app.inject({ method: 'PUT', url: `/api/v1/favorites/${id}`, headers: session, payload: { tags: ['Later'] } });
    expect(saved.json().favorite).toMatchObject({ articleId: id, tags: ['later'], article: { id } });
    expect((await app.inject({ url: '/api/v1/favorites', headers: session })).json().items).toHaveLength(1);

    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/favorites/${id}`, headers: session });
    expect(removed.statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/favorites/${id}`, headers: session })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/favorites', headers: session })).json().items).toEqual([]);
  });
});

describe('readiness', () => {
  it('answers 503 unavailable when the database does not answer', async () => {
    const bare = Fastify({ logger: false });
    installErrorHandler(bare);
    registerOperationsRoutes(bare, { ping: () => Promise.reject(new Error('disk gone')) } as unknown as Storage);
    const response = await bare.inject({ url: '/readyz' });
    await bare.close();
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('unavailable');
  });
});
