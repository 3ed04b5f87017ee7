import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app';
import { tempDatabaseFile, tempDir } from './support/tempDir';

const INDEX_HTML = '<!doctype html><title>favorites</title><div id="root"></div>';

describe('serving the built app', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    const dist = tempDir();
    writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(dist, 'sw.js'), 'self.skipWaiting();');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js'), 'console.log(1);');
    app = await createServer({ databaseFile: tempDatabaseFile(), logLevel: 'silent', staticDir: dist });
  });

  afterEach(async () => {
    await app.close();
  });

  it('serves hashed assets as immutable for a year', async () => {
    const response = await app.inject({ url: '/assets/app-3f2a1b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves index.html and the service worker to be revalidated on every load', async () => {
    for (const url of ['/', '/index.html', '/sw.js']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("falls back to index.html for the app's own routes, so deep links survive a reload", async () => {
    for (const url of ['/favorites', '/articles/7Fzf-gCniL-65nSeswIqCg?from=share', '/settings/account']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(INDEX_HTML);
    }
  });

  it('answers 404, not the page, for missing files and unknown API routes', async () => {
    const missingAsset = await app.inject({ url: '/assets/app-old.js' });
    expect(missingAsset.statusCode).toBe(404);
    const unknownApi = await app.inject({ url: '/api/v1/nothing-here' });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here' } });
  });

  it('still answers the API and health routes', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/v1/articles?limit=1' })).json().items).toHaveLength(1);
  });
});
